// /robots.txt: everything may be crawled; the sitemap lists the pages.
import type { APIRoute } from 'astro';
import { sitemapUrl } from '../lib/story/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitemapUrl, site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
