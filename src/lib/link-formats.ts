// Link text for pasting a section link into wikis and chat. Runs in the browser (copy-link script):
// keep it dependency-free and small.

/** The formats the copy-link control offers, in menu order, with their labels. */
export const linkFormats = [
  ['url', 'URL'],
  ['markdown', 'Markdown'],
  ['confluence', 'Confluence'],
  ['mediawiki', 'MediaWiki'],
  ['html', 'HTML'],
] as const;

export type LinkFormat = (typeof linkFormats)[number][0];

/** Percent-encodes the characters that end a link early in wiki markup (space, brackets, pipe, quotes). */
function safeUrl(url: string): string {
  return url.replace(/[\s()[\]|<>"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Collapses white space: headings may contain line breaks. */
function clean(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

/** Writes a link to `url` titled `title` in one of the formats. */
export function formatLink(format: LinkFormat, title: string, url: string): string {
  const text = clean(title);
  switch (format) {
    case 'url':
      return url;
    case 'markdown':
      // CommonMark: a backslash escapes any ASCII punctuation; these would end or format the text.
      return `[${text.replace(/[\\[\]*_`<>]/g, '\\$&')}](${safeUrl(url)})`;
    case 'confluence':
      // Confluence wiki markup: `[text|url]`; brackets, pipes and braces (macros) are escaped with `\`.
      return `[${text.replace(/[\\[\]|{}]/g, '\\$&')}|${safeUrl(url)}]`;
    case 'mediawiki':
      // MediaWiki external link: `[url text]`; the first space ends the URL, `]` would end the link.
      return `[${safeUrl(url)} ${text.replace(/\[/g, '&#91;').replace(/\]/g, '&#93;')}]`;
    case 'html':
      return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
  }
}
