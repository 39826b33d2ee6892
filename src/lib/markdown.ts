import { markdownToHtml } from 'satteri';
import { withBase } from './urls';

/** Renders a short Markdown text from data files; root-relative links get the base path. */
export function renderInlineMarkdown(md: string): string {
  const { html } = markdownToHtml(md, { features: { gfm: true } });
  return html.replace(/href="(\/[^"]*)"/g, (_, path: string) => `href="${withBase(path)}"`);
}

/** First letter for A–Z grouping: A–Z, or '#' for anything else (digits, symbols). */
export function indexLetter(text: string): string {
  const c = text
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}
