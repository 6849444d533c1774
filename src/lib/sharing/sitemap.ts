import type { Library } from '../story/library.ts';
import { homeUrl } from '../story/urls.ts';

/** One `<url>` of the sitemap. */
export interface SitemapEntry {
  path: string;
  lastmod?: Date | undefined;
}

/** The pages search engines should know: home, works, their chapters and entire-work views. */
export function sitemapEntries(library: Library): SitemapEntry[] {
  const newest = library.works
    .map((w) => w.updated)
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => +b - +a)[0];
  return [
    { path: homeUrl, lastmod: newest },
    ...library.works.flatMap((work) => [
      { path: work.url, lastmod: work.updated },
      ...(work.chapters.length > 0 ? [{ path: work.entireUrl, lastmod: work.updated }] : []),
      ...work.chapters.map((chapter) => ({ path: chapter.url, lastmod: chapter.data.published })),
    ]),
  ];
}

/** The sitemap XML for absolute URLs on `site`. */
export function sitemapXml(entries: SitemapEntry[], site: URL): string {
  const urls = entries.map(({ path, lastmod }) => {
    const loc = escapeXml(new URL(path, site).href);
    return `  <url><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
