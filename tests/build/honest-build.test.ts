import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openEpub } from '../support/epub.ts';
import { loadPages, pageAt } from '../support/html.ts';
import { buildLogOf, distOf } from '../support/sites.ts';

// An honest build (issue 29, items 5 and 6): it says when its links point at this machine, each
// feed's title says whose it is, each kind of page has its own <title>, and the EPUB's dates come
// from the story, or the build, never a made-up one.
const story = distOf('story');
const library = distOf('library');
const notice =
  'SITE_URL is not set: links, link previews, feeds, the sitemap and the EPUB point at http://localhost:4321.';

describe('a build without SITE_URL', () => {
  test('says once in its log that links and previews point at localhost, and what to do', () => {
    const log = readFileSync(buildLogOf(story), 'utf8');
    expect(log.split(notice).length - 1).toBe(1);
    expect(log).toContain('SITE_URL=https://your.address/');
    expect(log).toContain('`npm start`');
  });

  test('a build with SITE_URL says nothing of it', () => {
    const log = readFileSync(buildLogOf(distOf('libraryUnderBase')), 'utf8');
    expect(log).not.toContain('SITE_URL is not set');
  });
});

describe('titles that say what they are', () => {
  test.each([
    ['the story (one work: the site is named after it)', story],
    ['the library', library],
  ])('in %s, no two kinds of page share a <title>', (_name, dist) => {
    const pages = loadPages(dist).filter(
      (page) => !page.document.querySelector('meta[http-equiv="refresh"]'),
    );
    const byTitle = new Map<string, string[]>();
    for (const page of pages) {
      const title = page.document.title;
      byTitle.set(title, [...(byTitle.get(title) ?? []), page.url]);
    }
    const shared = [...byTitle].filter(([, urls]) => urls.length > 1);
    expect(shared).toEqual([]);
    expect(pageAt(story, '/').document.title).toBe(
      'Library · Entwined Destinies: The Last Son and the Slayer',
    );
  });

  test.each([
    ['story', story, '/entwined-destinies/part-1/'],
    ['library', library, '/markup-showcase/arrival/'],
  ])(
    'in the %s, each feed a page announces has its own title, the one the feed gives itself',
    (_name, dist, url) => {
      const links = [
        ...pageAt(dist, url).document.querySelectorAll(
          'link[rel="alternate"][type="application/rss+xml"]',
        ),
      ];
      expect(links).toHaveLength(2);
      const titles = links.map((link) => link.getAttribute('title'));
      expect(new Set(titles).size).toBe(2);
      for (const link of links) {
        const feed = readFileSync(path.join(dist, link.getAttribute('href')!), 'utf8');
        expect(/<channel><title>([^<]*)<\/title>/.exec(feed)?.[1]).toBe(link.getAttribute('title'));
      }
    },
  );

  test('the site’s feed names the library, the work’s the work', () => {
    const feed = (file: string) =>
      /<channel><title>([^<]*)<\/title>/.exec(readFileSync(path.join(story, file), 'utf8'))?.[1];
    expect(feed('feed.xml')).toBe(
      'Entwined Destinies: The Last Son and the Slayer · Library (new chapters)',
    );
    expect(feed('entwined-destinies/feed.xml')).toBe(
      'Entwined Destinies: The Last Son and the Slayer (new chapters)',
    );
  });
});

describe('the EPUB’s facts', () => {
  const epubOf = (dist: string, work: string) => {
    const file = path.join(dist, work, `${work}.epub`);
    expect(existsSync(file)).toBe(true);
    return openEpub(file);
  };

  test('a story with no dates is stamped with the day of its build, not 2000-01-01', () => {
    const epub = epubOf(story, 'entwined-destinies');
    const modified = /<meta property="dcterms:modified">([^<]+)<\/meta>/.exec(
      epub.text('OEBPS/content.opf'),
    )?.[1];
    expect(modified).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(modified!.startsWith('2000-')).toBe(false);
    // Within a few days of now: the build ran in this test run or one shortly before.
    expect(Math.abs(Date.now() - Date.parse(modified!))).toBeLessThan(7 * 86_400_000);
  });

  test('a dated story takes its newest chapter’s date; the title page names the language in words', () => {
    const epub = epubOf(library, 'markup-showcase');
    const opf = epub.text('OEBPS/content.opf');
    expect(/<meta property="dcterms:modified">([^<]+)<\/meta>/.exec(opf)?.[1]).toBe(
      '2024-03-01T00:00:00Z',
    );
    const titlePage = 'OEBPS/title.xhtml';
    expect(epub.text(titlePage)).toContain('English');
    expect(epub.text(titlePage)).not.toMatch(/>en</);
  });
});
