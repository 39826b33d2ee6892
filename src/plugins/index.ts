import { site } from '../config/site';
import { useTranslations } from '../i18n';
import { loadBibliography } from '../lib/bibliography';
import { sourceKinds, type BibEntry } from '../lib/schemas';
import { renderDiagram } from '../integrations/mermaid/renderer';
import { wholeTreePlugin } from './adapter';
import { citations, type CitationLabels } from './citations';
import { headingAnchors } from './headings';
import { internalLinks } from './internal-links';
import { expandKernelLinks } from './kernel-links';
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

/** The site's Markdown pipeline, in order. The bibliography is read once per build. */
export function mdastPlugins() {
  const bib = loadBibliography();
  return [
    wholeTreePlugin('site-content', [
      expandKernelLinks(site.kernelSource),
      internalLinks(site.base),
      citations(bib, citationLabels),
      mermaidDiagrams(renderDiagram),
      headingAnchors((lang, title) => `${useTranslations(lang)('heading.link')}: ${title}`),
      scrollableTables(),
    ]),
  ];
}
