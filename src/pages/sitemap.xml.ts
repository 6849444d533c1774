// /sitemap.xml: every page search engines should know, with absolute URLs.
import type { APIRoute } from 'astro';
import { sitemapEntries, sitemapXml } from '../lib/sharing/sitemap.ts';
import { getLibrary } from '../lib/story/index.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(sitemapXml(sitemapEntries(await getLibrary()), site!), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
