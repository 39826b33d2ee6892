import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Link } from 'mdast';
import { selectAll } from 'unist-util-select';
import { describe, expect, it } from 'vitest';
import { loadKernelSymbols, looksLikeKernelIdentifier, type SymbolSource } from '../../src/lib/kernel-symbols';
import { kernelSymbols } from '../../src/plugins/kernel-symbols';
import { file, parse } from './helpers';

const symbols = new Map<string, SymbolSource>([
  ['MSHV_RUN_VP', { kernel: 'kernel:v6.15/include/uapi/linux/mshv.h' }],
  [
    'drivers/hv/dxgkrnl/',
    { url: 'https://github.com/microsoft/WSL2-Linux-Kernel/tree/linux-msft-wsl-6.6.y/drivers/hv/dxgkrnl', why: 'out-of-tree WSL driver' },
  ],
]);

function run(source: string) {
  const tree = parse(source);
  kernelSymbols(symbols)(tree, file());
  return (selectAll('link', tree) as Link[]).map((l) => [l.url, (l.children[0] as { value: string }).value, l.title ?? null]);
}

describe('looksLikeKernelIdentifier', () => {
  it.each([
    'hv_root_partition',
    'hv_root_partition()',
    'struct mshv_create_vp',
    'ms_hyperv.priv_high',
    'x86_init.irqs.create_pci_msi_domain',
    '__acpi_register_gsi',
    'HVCALL_MAP_DEVICE_INTERRUPT',
    'MSHV_VP_MMAP_OFFSET_*',
    'CONFIG_MSHV_ROOT',
    '!HYPERV_VTL_MODE',
    'KVM_RUN',
    'PHYSDEVOP_map_pirq',
    'drivers/hv/',
    'arch/x86/hyperv/irqdomain.c',
    'hyperv-iommu.c',
    'mshv.h',
  ])('flags %s', (code) => expect(looksLikeKernelIdentifier(code)).toBe(true));

  it.each([
    'HvCallDepositMemory',
    '/dev/mshv',
    'VmFd::create_vcpu()',
    'create_vm()',
    'mshv-ioctls',
    'uname -r',
    'HYPERV',
    'hypervisor/src/mshv/mod.rs',
    'HVC #0',
  ])('leaves %s alone', (code) => expect(looksLikeKernelIdentifier(code)).toBe(false));
});

describe('kernelSymbols', () => {
  it('links the first listed name per section to its pinned source, not the later ones', () => {
    expect(run('## A {#a}\n\n`MSHV_RUN_VP` runs, and `MSHV_RUN_VP` again.\n\n## B {#b}\n\nThen `MSHV_RUN_VP`.\n')).toEqual([
      ['kernel:v6.15/include/uapi/linux/mshv.h', 'MSHV_RUN_VP', null],
      ['kernel:v6.15/include/uapi/linux/mshv.h', 'MSHV_RUN_VP', null],
    ]);
  });

  it('links a name outside mainline to its URL, with the reason as title', () => {
    expect(run('The driver lives in `drivers/hv/dxgkrnl/`.\n')).toEqual([
      [
        'https://github.com/microsoft/WSL2-Linux-Kernel/tree/linux-msft-wsl-6.6.y/drivers/hv/dxgkrnl',
        'drivers/hv/dxgkrnl/',
        'out-of-tree WSL driver',
      ],
    ]);
  });

  it('keeps an author link and counts it for the section', () => {
    expect(run('[`MSHV_RUN_VP`](kernel:v6.19/include/uapi/linux/mshv.h), then `MSHV_RUN_VP`.\n')).toEqual([
      ['kernel:v6.19/include/uapi/linux/mshv.h', 'MSHV_RUN_VP', null],
    ]);
  });

  it('leaves headings, code blocks and names that are not kernel identifiers alone', () => {
    expect(run('## `MSHV_RUN_VP` {#run}\n\n```c\nhv_unknown();\n```\n\n`HvCallDepositMemory` and `/dev/mshv`.\n')).toEqual([]);
  });

  it('accepts an unlisted identifier that the same section links further down', () => {
    expect(run('`hv_foo()` is called, see [`hv_foo()`](kernel:v6.15/drivers/hv/foo.c).\n')).toHaveLength(1);
  });

  it('fails on an unlisted, unlinked kernel identifier with file, line and the fix, listing the others', () => {
    const source = 'Intro.\n\nThe root calls `hv_foo()` here.\n\n## Next {#next}\n\nAnd `CONFIG_BAR`; [`hv_foo()`](kernel:v6.15/a.c).\n';
    expect(() => kernelSymbols(symbols)(parse(source), file('en', 4))).toThrow(
      /^content\/en\/test\.mdx:7:16: `hv_foo\(\)` looks like a Linux kernel identifier but is not linked to a pinned source: add it to content\/kernel-symbols\.yaml .*Also unlinked: `CONFIG_BAR` \(line 11\)$/,
    );
  });
});

describe('loadKernelSymbols', () => {
  const write = (text: string) => {
    const f = join(mkdtempSync(join(tmpdir(), 'hv-ks-')), 'kernel-symbols.yaml');
    writeFileSync(f, text);
    return f;
  };

  it('reads pinned paths and out-of-tree URLs', () => {
    const map = loadKernelSymbols(
      write(
        'MSHV_RUN_VP: v6.15/include/uapi/linux/mshv.h#L10-L12\n"drivers/hv/dxgkrnl/": { url: "https://example.org/x", why: "out of tree driver" }\n',
      ),
    );
    expect(map.get('MSHV_RUN_VP')).toEqual({ kernel: 'kernel:v6.15/include/uapi/linux/mshv.h#L10-L12' });
    expect(map.get('drivers/hv/dxgkrnl/')).toEqual({ url: 'https://example.org/x', why: 'out of tree driver' });
  });

  it('returns an empty map when the file does not exist', () => {
    expect(loadKernelSymbols('/nonexistent/kernel-symbols.yaml').size).toBe(0);
  });

  it('reports every bad entry with its line', () => {
    const f = write('A_OK: v6.15/a.c\nhv_x: master/a.c\nhv_y: { url: "http://x", why: "insecure link here" }\nhv_z: 3\n');
    expect(() => loadKernelSymbols(f)).toThrow(
      /kernel-symbols\.yaml:2: `hv_x`: malformed[\s\S]*:3: `hv_y`: `url` must be an https URL[\s\S]*:4: `hv_z`: expected/,
    );
  });

  it('says what an out-of-tree entry needs, and rejects a file that is not a map', () => {
    expect(() =>
      loadKernelSymbols(
        write('hv_a: { url: "https://x.org/a", why: "short" }\nhv_b: { url: "https://x.org/b", why: "a reason long enough", tag: 1 }\n'),
      ),
    ).toThrow(/:1: `hv_a`: `why` must say in a few words[\s\S]*:2: `hv_b`: unknown field\(s\) tag; expected `url` and `why`/);
    expect(() => loadKernelSymbols(write('- hv_a\n'))).toThrow(/kernel-symbols\.yaml:1: expected a map from identifier to source/);
    expect(() => loadKernelSymbols(write('hv_a: [v6.15/a.c]\n'))).toThrow(/:1: `hv_a`: expected `<tag>\/<path>`/);
  });

  it('rejects a key listed twice, at its line', () => {
    expect(() => loadKernelSymbols(write('hv_a: v6.15/a.c\nhv_a: v6.15/b.c\n'))).toThrow(
      /kernel-symbols\.yaml:2: invalid YAML: Map keys must be unique/,
    );
  });
});
