import { relative } from 'node:path';
import { site } from '../config/site';
import { useTranslations } from '../i18n';
import { loadBibliography } from '../lib/bibliography';
import { sourceKinds, type BibEntry } from '../lib/schemas';
import { renderDiagram } from '../integrations/mermaid/renderer';
import { recordHeadingIds } from '../integrations/translation-ids';
import { wholeTreePlugin } from './adapter';
import { citations, type CitationLabels } from './citations';
import { headingAnchors } from './headings';
import { internalLinks } from './internal-links';
import { glossaryLinks, type TermLabels } from './glossary-links';
import { loadGlossary } from '../lib/glossary';
import { localePath, withBase } from '../lib/urls';
import { expandKernelLinks } from './kernel-links';
import { kernelSymbols } from './kernel-symbols';
import { kernelSymbolsFile, loadKernelSymbols } from '../lib/kernel-symbols';
import { mermaidDiagrams } from './mermaid';
import { scrollableTables } from './tables';

function citationLabels(lang: string): CitationLabels {
  const t = useTranslations(lang);
  return {
    heading: t('refs.heading'),
    pinned: t('refs.pinned'),
    backTo: (n) => t('refs.backTo', { n }),
    reference: (n, title) => t('refs.reference', { n, title }),
    kinds: Object.fromEntries(sourceKinds.map((k) => [k, t(`kind.${k}`)])) as Record<BibEntry['kind'], string>,
  };
}

function termLabels(lang: string): TermLabels {
  const t = useTranslations(lang);
  return { glossaryUrl: withBase(localePath(lang, 'glossary')), define: (term) => t('term.define', { term }), more: t('term.more') };
}

/** The site's Markdown pipeline, in order. The bibliography, glossary and kernel symbols are read once per build. */
export function mdastPlugins() {
  const bib = loadBibliography();
  const glossary = loadGlossary(new Set(bib.keys()));
  const terms = new Map(
    [...glossary].map(([id, e]) => [id, { term: e.data.term, aliases: e.data.aliases, short: e.data.short, ja: e.data.ja?.term }]),
  );
  return [
    wholeTreePlugin('site-content', [
      kernelSymbols(loadKernelSymbols(), relative(process.cwd(), kernelSymbolsFile)),
      expandKernelLinks(site.kernelSource),
      internalLinks(site.base),
      citations(bib, citationLabels),
      glossaryLinks(terms, termLabels),
      mermaidDiagrams(renderDiagram),
      headingAnchors((lang, title) => `${useTranslations(lang)('heading.link')}: ${title}`, recordHeadingIds),
      scrollableTables(),
    ]),
  ];
}
