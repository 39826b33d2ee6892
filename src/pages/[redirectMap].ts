import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../config/site';
import { netlifyRedirects, nginxRedirects } from '../lib/redirects';
import { siteRedirects } from '../lib/redirects-content';

/** The redirect pages' server-side twins: `_redirects` (Netlify, Cloudflare Pages) and an nginx snippet. */
export const getStaticPaths: GetStaticPaths = () => [
  { params: { redirectMap: '_redirects' } },
  { params: { redirectMap: 'nginx-redirects.conf' } },
];

export const GET: APIRoute = async ({ params }) => {
  const redirects = await siteRedirects();
  const body = params.redirectMap === '_redirects' ? netlifyRedirects(redirects, site.base) : nginxRedirects(redirects, site.base);
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
