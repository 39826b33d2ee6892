import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { contentDir } from '../config/paths';
import { parseKernelLink } from './kernel-link';

/** Where a kernel identifier named in an article is defined: a pinned `kernel:` link or, for names outside mainline Linux, a URL. */
export type SymbolSource = { kernel: string } | { url: string; why: string };

/**
 * Code spans that name Linux kernel code: Hyper-V, MSHV, KVM, Xen and x86 interrupt identifiers
 * (`hv_root_partition()`, `struct mshv_create_vp`, `HVCALL_MAP_DEVICE_INTERRUPT`, `CONFIG_MSHV_ROOT`,
 * `!HYPERV_VTL_MODE`), source paths (`drivers/hv/`) and C file names (`irqdomain.c`).
 * Deliberately narrow: a Rust method or a TLFS name (`HvCallDepositMemory`) does not match.
 */
const patterns = [
  /^!?(?:CONFIG_)?(?:MSHV|HVCALL|HV|HVMSG|HYPERV|VMBUS|KVM|PHYSDEVOP|MAP_PIRQ|HYPERVISOR)_[A-Za-z0-9_*]+$/,
  /^!?CONFIG_\w+$/,
  /^(?:(?:struct|union|enum) )?(?:__)?(?:hv|mshv|hyperv|ms_hyperv|vmbus|hvcall|x86|x86_init|x86_msi|xen|kvm|acpi|irq|msi|smp_ops|machine_ops)[_.][\w.*]*(?:\(\))?$/,
  /^(?:arch|drivers|include|virt|Documentation|kernel|mm|tools|init)\/\S*$/,
  /^[\w-]+\.[ch]$/,
];

/** True when a code span's text looks like a Linux kernel identifier or source path. */
export function looksLikeKernelIdentifier(code: string): boolean {
  return patterns.some((p) => p.test(code.trim()));
}

/** The site's symbol map: `<content>/kernel-symbols.yaml`. */
export const kernelSymbolsFile = join(contentDir, 'kernel-symbols.yaml');

/**
 * Reads `kernel-symbols.yaml`: a map from the exact text of a code span to `<tag>/<path>[#L..]` or
 * `{ url, why }`. Every problem is reported as `file:line: …`; a missing file is an empty map.
 */
export function loadKernelSymbols(file = kernelSymbolsFile): Map<string, SymbolSource> {
  const symbols = new Map<string, SymbolSource>();
  if (!existsSync(file)) return symbols;
  const rel = relative(process.cwd(), file);
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const at = (offset: number | undefined) => `${rel}:${offset === undefined ? 1 : lines.linePos(offset).line}`;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    throw new Error(`${at(err.pos[0])}: invalid YAML: ${err.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return symbols;
  if (!isMap(doc.contents)) throw new Error(`${rel}:1: expected a map from identifier to source`);
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const where = at(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value: unknown = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.();
    const source = toSource(value);
    if (!key) problems.push(`${where}: the key must be the text of a code span`);
    else if ('error' in source) problems.push(`${where}: \`${key}\`: ${source.error}`);
    else symbols.set(key, source);
  }
  if (problems.length > 0) throw new Error(`Invalid kernel symbol map:\n  ${problems.join('\n  ')}`);
  return symbols;
}

function toSource(value: unknown): SymbolSource | { error: string } {
  if (typeof value === 'string') {
    const ref = parseKernelLink(`kernel:${value}`);
    return 'error' in ref ? { error: ref.error.replace(/`kernel:/g, '`') } : { kernel: `kernel:${value}` };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { url, why, ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return { error: `unknown field(s) ${Object.keys(rest).join(', ')}; expected \`url\` and \`why\`` };
    if (typeof url !== 'string' || !/^https:\/\/\S+$/.test(url)) return { error: '`url` must be an https URL' };
    if (typeof why !== 'string' || why.trim().length < 10)
      return { error: '`why` must say in a few words why this name is not pinned to mainline Linux' };
    return { url, why };
  }
  return { error: 'expected `<tag>/<path>` (a kernel link without `kernel:`) or `{ url, why }`' };
}
