import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { loadPages, pageAt } from '../support/html.ts';
import { distOf } from '../support/sites.ts';

const dist = distOf('library');
const site = 'http://localhost:4321';
const pages = loadPages(dist);
const movedPages = pages.filter((p) => p.document.querySelector('meta[http-equiv="refresh"]'));
// Pages readers share: everything but redirects, the not-found page and the offline page (the
// service worker's answer for a page not on the device).
const readerPages = pages.filter(
  (p) => !movedPages.includes(p) && !['/404.html', '/offline/'].includes(p.url),
);

function parseXml(file: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(path.join(dist, file), 'utf8'),
    'text/xml',
  ) as unknown as Document;
}

/** True when an absolute URL on the site is a page (or file) of dist. */
function resolves(url: string): boolean {
  const { pathname } = new URL(url);
  return existsSync(path.join(dist, pathname, pathname.endsWith('/') ? 'index.html' : ''));
}

const meta = (document: Document, key: string) =>
  document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('link previews', () => {
  test.each(readerPages.map((p) => [p.url, p] as const))(
    '%s has Open Graph and Twitter Card metadata',
    (url, page) => {
      const { document } = page;
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical).toBe(`${site}${url.replace(/index\.html$/, '')}`);
      expect(meta(document, 'og:url')).toBe(canonical);
      for (const key of [
        'og:title',
        'og:description',
        'og:site_name',
        'og:type',
        'og:locale',
        'twitter:card',
        'twitter:title',
        'twitter:description',
      ]) {
        expect(meta(document, key), key).toBeTruthy();
      }
      expect(meta(document, 'og:description')).toBe(meta(document, 'description'));
      expect(meta(document, 'twitter:card')).toBe('summary_large_image');
      expect(meta(document, 'og:image:alt')).toBeTruthy();
      expect(meta(document, 'twitter:image')).toBe(meta(document, 'og:image'));
    },
  );

  test.each(readerPages.map((p) => [p.url, p] as const))(
    '%s has a 1200×630 preview image that exists, of the type it says (JPEG with a cover)',
    async (_url, page) => {
      const image = meta(page.document, 'og:image') ?? '';
      expect(image).toMatch(/^http:\/\/localhost:4321\/.*preview\.(png|jpg)$/);
      expect(resolves(image), image).toBe(true);
      const file = path.join(dist, new URL(image).pathname);
      const { format, width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([1200, 630]);
      expect(format).toBe(image.endsWith('.jpg') ? 'jpeg' : 'png');
      expect(meta(page.document, 'og:image:type')).toBe(`image/${format}`);
      // A work with a cover shows it on its cards; a work without one keeps its crisp PNG.
      const hasCover = page.url.startsWith('/fiction-markup/');
      expect(format).toBe(hasCover ? 'jpeg' : 'png');
      expect([
        meta(page.document, 'og:image:width'),
        meta(page.document, 'og:image:height'),
      ]).toEqual(['1200', '630']);
    },
  );

  test('each work and chapter has its own image, named in its alt text', () => {
    const chapter = pageAt(dist, '/markup-showcase/arrival/').document;
    expect(meta(chapter, 'og:image')).toBe(`${site}/markup-showcase/arrival/preview.png`);
    expect(meta(chapter, 'og:image:alt')).toBe(
      'Arrival: chapter 1 of The Markup Showcase, by Test Author',
    );
    expect(meta(pageAt(dist, '/markup-showcase/').document, 'og:image')).toBe(
      `${site}/markup-showcase/preview.png`,
    );
  });

  test('a chapter is an article, a work a book, and the description is the summary, else the opening lines', () => {
    const arrival = pageAt(dist, '/markup-showcase/arrival/').document;
    expect(meta(arrival, 'og:type')).toBe('article');
    expect(meta(arrival, 'og:description')).toBe('Ada arrives at the station.');
    const letter = pageAt(dist, '/markup-showcase/the-letter/').document;
    expect(meta(letter, 'og:description')).toMatch(/^The letter had been written in a hurry/);
    expect(meta(pageAt(dist, '/markup-showcase/').document, 'og:type')).toBe('book');
  });
});

describe('structured data', () => {
  const jsonLd = (url: string) =>
    JSON.parse(
      pageAt(dist, url).document.querySelector('script[type="application/ld+json"]')?.textContent ??
        'null',
    );

  test('a work page describes a Book in its series', () => {
    expect(jsonLd('/markup-showcase/')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Book',
      name: 'The Markup Showcase',
      author: { '@type': 'Person', name: 'Test Author' },
      url: `${site}/markup-showcase/`,
      numberOfPages: 3,
      isPartOf: { '@type': 'CreativeWorkSeries', name: 'Showcase Saga' },
      position: 1,
    });
  });

  test('a chapter page describes a Chapter of its Book', () => {
    expect(jsonLd('/markup-showcase/departure/')).toMatchObject({
      '@type': 'Chapter',
      name: 'Departure',
      position: 3,
      url: `${site}/markup-showcase/departure/`,
      datePublished: '2024-03-01',
      isPartOf: { '@type': 'Book', url: `${site}/markup-showcase/` },
    });
  });
});

describe('feeds', () => {
  test('every page announces the site feed, work and chapter pages their work feed too', () => {
    for (const page of readerPages) {
      const feeds = Array.from(
        page.document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]'),
      ).map((l) => l.getAttribute('href'));
      expect(feeds[0], page.url).toBe('/feed.xml');
      if (
        /^\/[^/]+\/([^/]+\/)?$/.test(page.url) &&
        !['/search/', '/'].includes(page.url) &&
        !page.url.endsWith('/all/')
      ) {
        expect(feeds[1], page.url).toBe(`/${page.url.split('/')[1]}/feed.xml`);
      }
    }
  });

  test.each([
    'feed.xml',
    'markup-showcase/feed.xml',
    'the-adventures-of-sherlock-holmes/feed.xml',
    'showcase-sequel/feed.xml',
  ])('%s is RSS whose items link to pages, newest first', (file) => {
    const xml = parseXml(file);
    expect(xml.querySelector('rss > channel > title')?.textContent).toBeTruthy();
    expect(xml.querySelector('rss > channel > description')?.textContent).toBeTruthy();
    const items = Array.from(xml.querySelectorAll('item'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(30);
    for (const item of items) {
      const link = item.querySelector('link')?.textContent ?? '';
      expect(link).toMatch(/^http:\/\/localhost:4321\//);
      expect(resolves(link), link).toBe(true);
      expect(item.querySelector('title')?.textContent).toBeTruthy();
    }
    const dates = items
      .map((i) => Date.parse(i.querySelector('pubDate')?.textContent ?? ''))
      .filter((d) => !Number.isNaN(d));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('the newest chapter of a work tops its feed', () => {
    const titles = Array.from(
      parseXml('markup-showcase/feed.xml').querySelectorAll('item > title'),
    ).map((t) => t.textContent);
    expect(titles).toEqual([
      'The Markup Showcase: Departure',
      'The Markup Showcase: The Letter',
      'The Markup Showcase: Arrival',
    ]);
  });
});

describe('discovery', () => {
  test('sitemap.xml lists every reader page by its absolute canonical URL, and no redirect', () => {
    const locs = Array.from(parseXml('sitemap.xml').querySelectorAll('url > loc')).map(
      (l) => l.textContent ?? '',
    );
    for (const loc of locs) expect(resolves(loc), loc).toBe(true);
    const expected = readerPages
      .map((p) => p.url)
      .filter((u) => u !== '/search/')
      .map((u) => `${site}${u}`);
    expect(locs.sort()).toEqual(expected.sort());
  });

  test('robots.txt names the sitemap', () => {
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${site}/sitemap.xml`,
    );
  });
});

describe('renamed chapters', () => {
  test('an old slug is a page that sends readers on without JavaScript and search engines to the new URL', () => {
    expect(movedPages.map((p) => p.url)).toEqual(['/markup-showcase/old-letter/']);
    const { document } = pageAt(dist, '/markup-showcase/old-letter/');
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/markup-showcase/the-letter/',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${site}/markup-showcase/the-letter/`,
    );
    expect(meta(document, 'robots')).toBe('noindex');
    expect(document.querySelector('main a')?.getAttribute('href')).toBe(
      '/markup-showcase/the-letter/',
    );
  });
});
