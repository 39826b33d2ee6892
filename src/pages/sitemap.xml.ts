import type { APIRoute } from 'astro';
import { site } from '../config/site';
import { localizedDocs, generatedPages } from '../lib/docs';
import { absoluteUrl, localePath } from '../lib/urls';

/** sitemap.xml with hreflang alternates for every page in every language. */
export const GET: APIRoute = async () => {
  const langs = site.locales.map((l) => l.code);
  const slugs = ['', ...(await localizedDocs('en')).map((d) => d.slug), ...generatedPages('en').map((p) => p.slug), 'a-z'];
  const urls = slugs.flatMap((slug) =>
    langs.map((lang) => {
      const alts = langs
        .map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${absoluteUrl(localePath(l, slug))}"/>`)
        .join('\n');
      return `  <url>\n    <loc>${absoluteUrl(localePath(lang, slug))}</loc>\n${alts}\n  </url>`;
    }),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
