import { describe, expect, it } from 'vitest';
import { findMatches, highlightTerms, markSegments, matchForm, normaliseQuery, searchForms } from '../../src/lib/search-query';
import { cleanExcerpt, sectionScore, toEntry, withHighlight, type PagefindResultData } from '../../src/lib/search-results';

const marked = (text: string, terms: string[]) =>
  markSegments(text, terms)
    .map((s) => (s.mark ? `[${s.text}]` : s.text))
    .join('');

describe('normaliseQuery', () => {
  it('joins snake-case identifiers so every spelling meets in one token', () => {
    expect(normaliseQuery('HVCALL_MAP_DEVICE_INTERRUPT')).toBe('hvcallmapdeviceinterrupt');
    expect(normaliseQuery('hv_root_partition()')).toBe('hvrootpartition');
    expect(normaliseQuery('  mshv_create  ')).toBe('mshvcreate');
  });
  it('leaves camel case, paths, hex and ring -1 to Pagefind', () => {
    expect(normaliseQuery('HvCallDepositMemory')).toBe('HvCallDepositMemory');
    expect(normaliseQuery('/dev/mshv')).toBe('/dev/mshv');
    expect(normaliseQuery('0x40000003')).toBe('0x40000003');
    expect(normaliseQuery('ring -1')).toBe('ring -1');
  });
  it('splits hyphenated names into words, but joins a one-letter part', () => {
    expect(normaliseQuery('cloud-hypervisor')).toBe('cloud hypervisor');
    expect(normaliseQuery('x86-64')).toBe('x86 64');
    expect(normaliseQuery('Hyper-V')).toBe('HyperV');
  });
  it('joins a lone letter to the word before it', () => {
    expect(normaliseQuery('Hyper V')).toBe('HyperV');
    expect(normaliseQuery('type 1 hypervisor')).toBe('type 1 hypervisor');
    expect(normaliseQuery('V')).toBe('V');
  });
  it('drops relation words unless nothing else is left', () => {
    expect(normaliseQuery('Dom0 equivalent')).toBe('Dom0');
    expect(normaliseQuery('KVM vs MSHV')).toBe('KVM MSHV');
    expect(normaliseQuery('equivalent')).toBe('equivalent');
  });
  it('tries a query with its relation words first, then without them', () => {
    expect(searchForms('Dom0 equivalent')).toEqual(['Dom0 equivalent', 'Dom0']);
    expect(searchForms('KVM vs hv_root_partition')).toEqual(['KVM vs hvrootpartition', 'KVM hvrootpartition']);
    expect(searchForms('VMBus')).toEqual(['VMBus']);
  });
  it('keeps Japanese queries as they are', () => {
    expect(normaliseQuery('ルートパーティション')).toBe('ルートパーティション');
  });
});

describe('highlightTerms and matchForm', () => {
  it('drops one-character terms and duplicates', () => {
    expect(highlightTerms('ring -1')).toEqual(['ring']);
    expect(highlightTerms('vmbus VMBus')).toEqual(['vmbus', 'VMBus']);
  });
  it('removes plural and -ing/-ed endings of longer words', () => {
    expect(matchForm('partitions')).toBe('partition');
    expect(matchForm('depositing')).toBe('deposit');
    expect(matchForm('deposited')).toBe('deposit');
    expect(matchForm('class')).toBe('class');
    expect(matchForm('VMBus')).toBe('vmbus');
    expect(matchForm('/dev/mshv')).toBe('devmshv');
  });
});

describe('findMatches', () => {
  it('matches at word starts, like Pagefind prefix matching', () => {
    expect(marked('The hypervisor and Hyper-V', ['hyper'])).toBe('The [hyper]visor and [Hyper]-V');
    expect(marked('superhypervisor', ['hyper'])).toBe('superhypervisor');
  });
  it('matches identifier parts at camel-case and acronym boundaries', () => {
    expect(marked('call HvCallDepositMemory now', ['deposit'])).toBe('call HvCall[Deposit]Memory now');
    expect(marked('HVSocket', ['socket'])).toBe('HV[Socket]');
  });
  it('matches joined identifiers across their separators, not across spaces', () => {
    expect(marked('see hv_root_partition()', ['hvrootpartition'])).toBe('see [hv_root_partition]()');
    expect(marked('open /dev/mshv first', ['/dev/mshv'])).toBe('open /[dev/mshv] first');
    expect(marked('root partition', ['rootpartition'])).toBe('root partition');
  });
  it('merges overlapping matches and matches CJK anywhere', () => {
    expect(findMatches('VMBus channel', ['vmbus', 'vm'])).toEqual([[0, 5]]);
    expect(marked('Linux のルートパーティション', ['パーティション'])).toBe('Linux のルート[パーティション]');
  });
});

describe('search results', () => {
  const data: PagefindResultData = {
    url: '/root-boot/',
    meta: { title: 'How Linux boots', group: 'The Linux side' },
    excerpt: '',
    sub_results: [
      {
        title: 'How Linux boots',
        url: '/root-boot/',
        excerpt: 'a',
        plain_excerpt: 'intro',
        weighted_locations: [{ weight: 1, balanced_score: 10, location: 1 }],
      },
      {
        title: 'A boolean ⟦ hvrootpartition ⟧',
        url: '/root-boot/#hv-root-partition',
        anchor: { id: 'hv-root-partition' },
        excerpt: 'b',
        plain_excerpt: 'uses hv_root_partition ⟦ hvrootpartition rootpartition ⟧ to decide',
        weighted_locations: [
          { weight: 1, balanced_score: 30, location: 40 },
          { weight: 1, balanced_score: 25, location: 41 },
        ],
      },
      { title: 'Detection', url: '/root-boot/#detection', anchor: { id: 'detection' }, excerpt: 'c', weighted_locations: [] },
    ],
  };
  it('scores a section by its matched words', () => {
    expect(sectionScore(data.sub_results[1]!)).toBe(55);
  });
  it('orders sections by score and strips index-only words', () => {
    const entry = toEntry(data, 2);
    expect(entry.page).toBe('How Linux boots');
    expect(entry.group).toBe('The Linux side');
    expect(entry.sections.map((s) => s.url)).toEqual(['/root-boot/#hv-root-partition', '/root-boot/']);
    expect(entry.sections[0]).toMatchObject({ title: 'A boolean', excerpt: 'uses hv_root_partition to decide', isPageTop: false });
    expect(entry.sections[1]!.isPageTop).toBe(true);
  });
  it('strips a variant block cut off by the excerpt window', () => {
    expect(cleanExcerpt('rootpartition ⟧ and then ⟦ hv', '')).toBe('and then');
    expect(cleanExcerpt(undefined, 'a <mark>b</mark> &lt;c&gt;')).toBe('a b <c>');
  });
  it('adds the highlight terms before the hash and replaces old ones', () => {
    expect(withHighlight('/docs/root-boot/#kexec', ['kexec', 'root'])).toBe('/docs/root-boot/?highlight=kexec&highlight=root#kexec');
    expect(withHighlight('/a/?highlight=old&x=1', ['new'])).toBe('/a/?x=1&highlight=new');
    expect(withHighlight('/a/', [])).toBe('/a/');
  });
});
