import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages, pageAt } from '../support/html.ts';
import { readFragments } from '../support/search-index.ts';
import { baseOf, distOf, projectSiteUrl } from '../support/sites.ts';

// The library built as a GitHub Pages project site (SITE_URL=https://someone.github.io/my-story,
// written without its trailing slash): every URL a page, feed, index or header file holds must
// stay under /my-story/, because the host serves nothing else of ours.
const dist = distOf('libraryUnderBase');
const base = baseOf('libraryUnderBase');
const { origin } = new URL(projectSiteUrl);
const pages = loadPages(dist);

/** Every file of a dist folder, as a path relative to it. */
function filesOf(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Where a URL found on the page at `pageUrl` points, if it is ours: the path it resolves to on
 * the site's own origin; undefined for other origins, `data:` and `mailto:`.
 */
function ownPath(url: string, pageUrl: string): string | undefined {
  if (/^(data|mailto|javascript):/i.test(url)) return undefined;
  const resolved = new URL(url, `${origin}${base}${pageUrl.slice(1)}`);
  return resolved.origin === origin ? resolved.pathname : undefined;
}

/** Every URL a page carries in its markup: links, sources, forms, metadata, data attributes. */
function urlsOf(document: Document): string[] {
  const urls: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(el.attributes)) {
      if (['href', 'src', 'action', 'poster'].includes(name) || /^data-.*-url$/.test(name))
        urls.push(value);
      if (name === 'srcset') urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!));
    }
  }
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = meta.getAttribute('content') ?? '';
    if (/^https?:\/\//.test(content)) urls.push(content);
    const refresh = /url=(.+)$/i.exec(content);
    if (meta.getAttribute('http-equiv') === 'refresh' && refresh?.[1]) urls.push(refresh[1]);
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')))
    urls.push(
      ...stringsIn(JSON.parse(script.textContent ?? '{}')).filter((s) => /^https?:/.test(s)),
    );
  return urls.filter((url) => url && !url.startsWith('#'));
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('a site whose SITE_URL has a path (a GitHub Pages project site)', () => {
  test('lays out the same files as a root site: only the URLs inside them change', () => {
    const named = (files: string[]) => files.filter((f) => !/^(_astro|pagefind)\//.test(f));
    expect(named(filesOf(dist))).toEqual(named(filesOf(distOf('library'))));
  });

  test.each(pages.map((p) => [p.url, p] as const))(
    '%s: every URL of ours is under the base path',
    (url, page) => {
      const urls = urlsOf(page.document);
      expect(urls.length).toBeGreaterThan(10);
      const escaped = urls.filter((u) => {
        const own = ownPath(u, url);
        return own !== undefined && !own.startsWith(base);
      });
      expect(escaped).toEqual([]);
    },
  );

  test('canonical, Open Graph and JSON-LD URLs are absolute, on the full address', () => {
    const chapter = pageAt(dist, '/markup-showcase/arrival/').document;
    const expected = `${origin}${base}markup-showcase/arrival/`;
    expect(chapter.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(expected);
    expect(chapter.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(
      expected,
    );
    expect(chapter.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
      `${expected}preview.png`,
    );
    const jsonLd = JSON.parse(
      chapter.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    );
    expect(jsonLd.url).toBe(expected);
    expect(jsonLd.isPartOf.url).toBe(`${origin}${base}markup-showcase/`);
    const home = pageAt(dist, '/').document;
    expect(home.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${origin}${base}`,
    );
  });

  test('a renamed chapter’s old URL sends readers to the new one under the base', () => {
    const moved = pages.filter((p) => p.document.querySelector('meta[http-equiv="refresh"]'));
    expect(moved.length).toBeGreaterThan(0);
    for (const page of moved) {
      const content = page.document
        .querySelector('meta[http-equiv="refresh"]')
        ?.getAttribute('content');
      expect(content).toMatch(new RegExp(`^0; url=${base}[a-z0-9-]+/[a-z0-9-]+/$`));
    }
  });

  test('stylesheets load fonts and images from under the base', () => {
    const css = filesOf(dist).filter((f) => f.endsWith('.css') && f.startsWith('_astro/'));
    expect(css.length).toBeGreaterThan(0);
    const urls = css.flatMap((file) =>
      [...readFileSync(path.join(dist, file), 'utf8').matchAll(/url\(([^)]+)\)/g)].map((m) =>
        m[1]!.replace(/^["']|["']$/g, ''),
      ),
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith('data:') && !u.startsWith(`${base}_astro/`))).toEqual(
      [],
    );
  });

  test('feeds, the sitemap, robots.txt and chapters.json name URLs under the base', () => {
    const xmlFiles = filesOf(dist).filter((f) => f.endsWith('.xml'));
    expect(xmlFiles).toEqual(expect.arrayContaining(['feed.xml', 'sitemap.xml']));
    for (const file of xmlFiles) {
      const text = readFileSync(path.join(dist, file), 'utf8');
      const urls = [...text.matchAll(/<(?:link|guid|loc)[^>]*>([^<]+)</g)].map((m) => m[1]!);
      expect(urls.length, file).toBeGreaterThan(0);
      expect(
        urls.filter((u) => !u.startsWith(`${origin}${base}`)),
        file,
      ).toEqual([]);
    }
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${origin}${base}sitemap.xml`,
    );
    const listed = JSON.parse(
      readFileSync(path.join(dist, 'markup-showcase/chapters.json'), 'utf8'),
    ) as { url: string }[];
    expect(listed.map((c) => c.url)).toEqual([
      `${base}markup-showcase/arrival/`,
      `${base}markup-showcase/the-letter/`,
      `${base}markup-showcase/departure/`,
    ]);
  });

  test('search results link to pages under the base', () => {
    const fragments = readFragments(dist);
    expect(fragments.length).toBeGreaterThan(15);
    expect(fragments.filter((f) => !f.url.startsWith(base)).map((f) => f.url)).toEqual([]);
  });

  test('the _headers rules cover the files under the base', () => {
    const rules = readFileSync(path.join(dist, '_headers'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(rules).toEqual(
      expect.arrayContaining([`${base}*`, `${base}_astro/*`, `${base}pagefind/fragment/*`]),
    );
    expect(rules.filter((rule) => !rule.startsWith(base))).toEqual([]);
  });
});

describe('a site at the root of its domain', () => {
  const rootDist = distOf('library');

  test('keeps every URL at the root, as before', () => {
    const chapter = pageAt(rootDist, '/markup-showcase/arrival/').document;
    expect(chapter.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'http://localhost:4321/markup-showcase/arrival/',
    );
    expect(chapter.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(
      '/markup-showcase/the-letter/',
    );
    expect(readFileSync(path.join(rootDist, '_headers'), 'utf8')).toContain('\n/_astro/*\n');
    expect(readFragments(rootDist).every((f) => !f.url.startsWith('/my-story/'))).toBe(true);
  });
});
