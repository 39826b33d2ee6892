import { describe, expect, it } from 'vitest';
import {
  articleView,
  findSynonymSection,
  glossaryRecords,
  headingMentions,
  homeView,
  sectionHeadings,
  type GlossaryTerm,
} from '../../src/lib/search-document';
import { frontmatterSection, pageRole } from '../../src/lib/search-pages';
import {
  identifierTokens,
  identifierVariants,
  punctuatedVariants,
  splitIdentifier,
  stripVariants,
  variantsForText,
} from '../../src/lib/search-variants';

describe('identifier variants', () => {
  it('splits identifiers into words', () => {
    expect(splitIdentifier('HvCallDepositMemory')).toEqual(['Hv', 'Call', 'Deposit', 'Memory']);
    expect(splitIdentifier('HVCALL_MAP_DEVICE_INTERRUPT')).toEqual(['HVCALL', 'MAP', 'DEVICE', 'INTERRUPT']);
    expect(splitIdentifier('HVSocket')).toEqual(['HV', 'Socket']);
    expect(splitIdentifier('x86')).toEqual(['x86']);
  });
  it('adds the joined form of snake case and the runs of trailing words', () => {
    expect(identifierVariants('HVCALL_MAP_DEVICE_INTERRUPT')).toEqual([
      'hvcallmapdeviceinterrupt',
      'mapdeviceinterrupt',
      'deviceinterrupt',
    ]);
    expect(identifierVariants('hv_root_partition')).toEqual(['hvrootpartition', 'rootpartition']);
    // Pagefind already indexes camel case joined, so only the trailing runs are new.
    expect(identifierVariants('HvCallDepositMemory')).toEqual(['calldepositmemory', 'depositmemory']);
    expect(identifierVariants('mshv_root')).toEqual(['mshvroot']);
  });
  it('adds a hex constant without 0x', () => {
    expect(identifierVariants('0x40000003')).toEqual(['40000003']);
  });
  it('leaves ordinary words alone', () => {
    expect(identifierVariants('partition')).toEqual([]);
    expect(identifierVariants('VMBus')).toEqual([]);
    expect(identifierTokens('The root partition calls HvCallDepositMemory via hv_do_hypercall(0x4A).')).toEqual([
      'HvCallDepositMemory',
      'hv_do_hypercall',
      '0x4A',
    ]);
  });
  it('joins punctuated Latin words only for segmented languages', () => {
    expect(punctuatedVariants('Hyper-V and /dev/mshv, v6.15, x86-64')).toEqual(['hyperv', 'devmshv', 'v615', 'x8664']);
    expect(variantsForText('Hyper-V uses hv_vtl')).toEqual(['hvvtl']);
    expect(variantsForText('Hyper-V uses hv_vtl', true)).toEqual(['hvvtl', 'hyperv']);
  });
  it('strips whole and cut-off variant blocks', () => {
    expect(stripVariants('calls X ⟦ a b ⟧ to ⟦ c ⟧ go')).toBe('calls X to go');
    expect(stripVariants('b ⟧ then ⟦ a')).toBe('then');
  });
});

const article = (lang = 'en') => `<!doctype html><html lang="${lang}"><body><main><article data-pagefind-body>
<nav class="breadcrumbs"><ol><li>Home</li></ol></nav>
<h1>How Linux boots</h1>
<h2 id="detection">Detecting the root role</h2>
<p>Linux checks <code>hv_root_partition</code> and Hyper-V<sup class="cite">[1]</sup>.<span class="sr-only">Note: </span></p>
<h3 id="memory-deposit">Depositing memory</h3><p>The root deposits pages.</p>
<div class="diagram-theme-light">light</div><div class="diagram-theme-dark">dark</div>
<h2 id="references">References</h2><ol class="references"><li>A source</li></ol>
<div class="page-meta">Edit this page</div>
</article></main></body></html>`;

describe('articleView', () => {
  const view = (lang = 'en') =>
    articleView(article(lang), {
      where: 'x/index.html',
      section: 'kernel',
      group: 'The Linux side',
      synonyms: [
        { sectionId: 'memory-deposit', names: ['Memory deposit', 'HvCallDepositMemory'] },
        { sectionId: undefined, names: ['Root partition'] },
      ],
    });
  it('leaves out chrome and keeps content', () => {
    const html = view();
    for (const chrome of ['Home', '[1]', 'Note: ', '>dark<', 'References', 'A source', 'Edit this page']) {
      expect(html).not.toContain(chrome);
    }
    expect(html).toContain('Detecting the root role');
    expect(html).toContain('>light<');
  });
  it('sends only the indexed body, with the language and title, without class and style attributes', () => {
    const html = articleView(
      `<!doctype html><html lang="ja" class="js"><head><title>Boot</title><link rel="stylesheet" href="/a.css"></head>
<body><nav class="site-nav"><a href="/other/">Other page</a></nav><main><article data-pagefind-body>
<h1>Boot</h1><p class="lead" style="color:red">Text</p><pre><span style="--shiki-light:#000">code</span></pre>
<div class="page-meta"><span data-pagefind-meta="edited:2026">Edited</span></div></article></main>
<footer>Footer text</footer></body></html>`,
      { where: 'x/index.html', section: undefined, group: 'G', synonyms: [] },
    );
    expect(html).toMatch(/^<!doctype html><html lang="ja" class="js"><head><title>Boot<\/title><\/head><body><article data-pagefind-body/);
    for (const outside of ['Other page', 'Footer text', 'stylesheet']) expect(html).not.toContain(outside);
    expect(html).toContain('<p>Text</p><pre><span>code</span></pre>');
    expect(html).not.toContain('--shiki-light');
    // Ignored chrome that sets metadata stays: Pagefind still reads metadata inside ignored elements.
    expect(html).toContain('<div data-pagefind-ignore=""><span data-pagefind-meta="edited:2026">Edited</span></div>');
  });
  it('sets the filters and the result group', () => {
    const html = view();
    expect(html).toContain('<span data-pagefind-filter="kind:article"></span><span data-pagefind-filter="section:kernel"></span>');
    expect(html).toContain('data-pagefind-meta="group:The Linux side"');
  });
  it('adds identifier spellings after the code', () => {
    expect(view()).toContain('<code>hv_root_partition</code> ⟦ hvrootpartition rootpartition ⟧ ');
    expect(view('ja')).toContain(' ⟦ hyperv ⟧ ');
    expect(view('en')).not.toContain(' ⟦ hyperv ⟧ ');
  });
  it('puts glossary names, weighted, after the section heading or the title', () => {
    const html = view();
    expect(html).toMatch(
      /<h3 id="memory-deposit">Depositing memory<\/h3><p data-pagefind-weight="3"> ⟦ Memory deposit, HvCallDepositMemory ⟧ <\/p>/,
    );
    expect(html).toMatch(/<h1>How Linux boots<\/h1><p data-pagefind-weight="3"> ⟦ Root partition ⟧ <\/p>/);
  });
  it('names the file when the layout forgot data-pagefind-body', () => {
    expect(() =>
      articleView('<html><body><main>x</main></body></html>', { where: 'dist/x/index.html', section: undefined, group: '', synonyms: [] }),
    ).toThrow(/dist\/x\/index\.html: no element with data-pagefind-body/);
  });
});

describe('a diagram in the index view', () => {
  it('keeps its text and ids, without its stylesheet or drawing attributes', () => {
    const html = articleView(
      `<html lang="en"><body><article data-pagefind-body><h1>T</h1><figure><svg id="dgm-1" viewBox="0 0 9 9" aria-roledescription="flowchart">
<style>#dgm-1 .node{fill:red}</style><g id="node-root" class="node" transform="translate(1,1)"><path d="M0 0L9 9"></path>
<text x="1" y="2">Root partition</text></g></svg></figure></article></body></html>`,
      { where: 'x/index.html', section: undefined, group: '', synonyms: [] },
    );
    expect(html).toContain('<svg id="dgm-1" aria-roledescription="flowchart">');
    expect(html).toContain('<g id="node-root"><path></path>');
    expect(html).toContain('<text>Root partition</text>');
    for (const drawing of ['fill:red', 'viewBox', 'transform', 'M0 0', 'x="1"']) expect(html).not.toContain(drawing);
  });
});

describe('synonym placement', () => {
  const term = (t: Partial<GlossaryTerm>): GlossaryTerm => ({ id: 'x', term: 'Memory deposit', aliases: [], see: '/root-boot/', ...t });
  const headings = sectionHeadings(article());
  it('reads the sections of the body, without References', () => {
    expect(headings).toEqual([
      { id: 'detection', text: 'Detecting the root role' },
      { id: 'memory-deposit', text: 'Depositing memory' },
    ]);
  });
  it('matches words by their start, in any order', () => {
    expect(headingMentions('Depositing memory', 'Memory deposit')).toBe(true);
    expect(headingMentions('Depositing memory', 'Memory pool')).toBe(false);
  });
  it('uses the anchor in `see`, else the first matching heading or section id, else the page top', () => {
    expect(findSynonymSection(headings, term({ see: '/root-boot/#detection' }))).toBe('detection');
    expect(findSynonymSection(headings, term({}))).toBe('memory-deposit');
    expect(findSynonymSection(headings, term({ term: 'Root role detection' }))).toBe('detection');
    expect(findSynonymSection(headings, term({ term: 'hv_root_partition', aliases: ['Detection'] }))).toBe('detection');
    expect(findSynonymSection(headings, term({ term: 'VMBus' }))).toBeUndefined();
  });
});

describe('glossaryRecords', () => {
  const page = (lang: string, shown: string) => `<html lang="${lang}"><body><div class="prose" data-pagefind-body><h1>Glossary</h1>
<dl><div class="glossary-entry" id="memory-deposit"><dt><dfn>${shown}</dfn><a class="heading-anchor" href="#memory-deposit"></a></dt>
<dd><p class="glossary-short">Handing pages to the hypervisor.</p><p class="glossary-aliases">Also called: HVCALL_DEPOSIT_MEMORY</p>
<div><p>The long text.</p></div><p class="glossary-links">Sources: <a href="/references/#tlfs">tlfs</a></p></dd></div></dl></div></body></html>`;
  const terms = new Map([['memory-deposit', { id: 'memory-deposit', term: 'Memory deposit', aliases: ['HVCALL_DEPOSIT_MEMORY'] }]]);
  it('makes one weighted record per term, without the link list', () => {
    const [record, ...rest] = glossaryRecords(page('en', 'Memory deposit'), terms, 'Glossary');
    expect(rest).toEqual([]);
    expect(record!.id).toBe('memory-deposit');
    expect(record!.html).toContain('<h1 data-pagefind-weight="10">Memory deposit</h1>');
    expect(record!.html).toContain(
      '<p class="glossary-aliases" data-pagefind-weight="6">Also called: HVCALL_DEPOSIT_MEMORY ⟦ hvcalldepositmemory depositmemory ⟧ </p>',
    );
    expect(record!.html).toContain('<p class="glossary-short" data-pagefind-weight="2">');
    expect(record!.html).toContain('<div data-pagefind-weight="0.5"><p>The long text.</p></div>');
    expect(record!.html).toContain('data-pagefind-filter="kind:glossary"');
    expect(record!.html).not.toContain('glossary-links');
  });
  it('adds the English term where the page shows a translation', () => {
    const [record] = glossaryRecords(page('ja', 'メモリのデポジット'), terms, '用語集');
    expect(record!.html).toContain('<html lang="ja">');
    expect(record!.html).toContain('<p data-pagefind-weight="10"> ⟦ Memory deposit ⟧ </p>');
  });
});

describe('homeView and page roles', () => {
  it('indexes the home page main column at a low weight, including its introduction', () => {
    const html = homeView(
      '<html lang="ja"><body><main><div class="prose" data-pagefind-ignore><h1>ホーム</h1></div></main></body></html>',
      'ホーム',
    );
    expect(html).toContain('<main data-pagefind-body="" data-pagefind-weight="0.5" data-pagefind-meta="group:ホーム">');
    expect(html).not.toContain('data-pagefind-ignore');
  });
  it('decides what is indexed', () => {
    expect(pageRole('', '')).toEqual({ role: 'home' });
    expect(pageRole('glossary', '')).toEqual({ role: 'glossary' });
    expect(pageRole('a-z', 'data-pagefind-body').role).toBe('skip');
    expect(pageRole('references', 'data-pagefind-body').role).toBe('skip');
    expect(pageRole('404.html', '').role).toBe('skip');
    expect(pageRole('old-name', '<meta http-equiv="refresh">').role).toBe('skip');
    expect(pageRole('overview', '<article data-pagefind-body>')).toEqual({ role: 'article', slug: 'overview' });
  });
  it('reads the section from frontmatter', () => {
    expect(frontmatterSection("---\ntitle: 'x'\nsection: kernel # the sidebar group\n---\nbody")).toBe('kernel');
    expect(frontmatterSection('no frontmatter\nsection: kernel')).toBeUndefined();
  });
});
