/**
 * Adds a stylesheet to the page and resolves when it applies. Search styles are separate files
 * linked on first use, so pages carry no search CSS until then; a <link> to the site's own origin
 * also passes a strict `style-src 'self'`.
 */
export function loadStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  return new Promise((resolve) => {
    // A stylesheet that fails to load leaves the dialog unstyled but usable.
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}
