import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPages, pageAt, visibleText } from '../support/html.ts';
import { readFragments } from '../support/search-index.ts';
import { distOf, root, runAstroBuild, sites } from '../support/sites.ts';

// tests/fixtures/publishing (see its README): a serial built a minute before its Friday chapter
// is due, with a draft chapter, an empty draft and a draft work. Each unpublished text holds a
// word found nowhere else, so a leak into any output shows.
const published = distOf('publishing');
const preview = distOf('publishingPreview');
const work = '/weekly-serial/';
const unpublishedWords = ['zephyrdraft', 'quokkafriday', 'marmosetsecret'];
const unpublishedTitles = ['A Draft', 'Friday', 'Unwritten', 'The Secret Work'];

/** Every text a built site serves, search fragments decompressed, by file. */
function servedTexts(dist: string): [string, string][] {
  const texts: [string, string][] = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|json|txt)$/.test(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(dist, file), readFileSync(file, 'utf8')];
    });
  for (const fragment of readFragments(dist))
    texts.push([`search fragment ${fragment.url}`, JSON.stringify(fragment)]);
  return texts;
}

const chapterDirs = (dist: string, slug = work) =>
  readdirSync(path.join(dist, slug), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'all')
    .map((e) => e.name)
    .sort();

const text = (dist: string, url: string, selector = 'main') =>
  visibleText(pageAt(dist, url).document.querySelector(selector)!).replace(/\s+/g, ' ').trim();

describe('a published build', () => {
  test('has pages for published chapters only: no draft, scheduled chapter or draft work', () => {
    expect(chapterDirs(published)).toEqual(['opening', 'second-evening']);
    expect(existsSync(path.join(published, 'secret-work'))).toBe(false);
    expect(chapterDirs(preview)).toEqual([
      'friday',
      'opening',
      'second-evening',
      'the-draft',
      'unwritten',
    ]);
  });

  test('serves no word of an unpublished text anywhere: pages, feeds, sitemap, chapters.json, search', () => {
    const texts = servedTexts(published);
    expect(texts.length).toBeGreaterThan(10);
    const leaks = texts.flatMap(([file, content]) =>
      unpublishedWords.filter((word) => content.includes(word)).map((word) => `${file}: ${word}`),
    );
    expect(leaks).toEqual([]);
    // The preview holds them all, so the check above can see a leak.
    const previewTexts = servedTexts(preview)
      .map(([, content]) => content)
      .join('\n');
    for (const word of unpublishedWords) expect(previewTexts).toContain(word);
  });

  test('names no unpublished chapter or work: contents, library, feeds', () => {
    const places = [
      text(published, work),
      text(published, '/'),
      text(published, `${work}all/`),
      readFileSync(path.join(published, 'feed.xml'), 'utf8'),
      readFileSync(path.join(published, 'weekly-serial/feed.xml'), 'utf8'),
    ];
    for (const place of places)
      for (const title of unpublishedTitles) expect(place).not.toContain(title);
  });

  test('counts and links only what is published: Chapter N of M, previous and next, words', () => {
    const second = pageAt(published, `${work}second-evening/`).document;
    expect(visibleText(second.querySelector('article header')!)).toContain('Chapter 2 of 2');
    expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(`${work}opening/`);
    expect(second.querySelector('link[rel="next"]')).toBeNull();
    const opening = pageAt(published, `${work}opening/`).document;
    expect(opening.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(
      `${work}second-evening/`,
    );
    // "46 words · 1 min read" under a chapter's title; "Words 46" among a work's facts.
    const chapterWords = (url: string) =>
      Number(/([\d,]+) words? ·/.exec(text(published, url, 'article header'))![1]);
    const workWords = (dist: string) => {
      const terms = Array.from(pageAt(dist, work).document.querySelectorAll('dt'));
      return Number(
        terms
          .find((dt) => dt.textContent?.trim() === 'Words')
          ?.nextElementSibling?.textContent?.replace(/,/g, ''),
      );
    };
    expect(workWords(published)).toBe(
      chapterWords(`${work}opening/`) + chapterWords(`${work}second-evening/`),
    );
    expect(workWords(preview)).toBeGreaterThan(workWords(published));
    const listed = JSON.parse(
      readFileSync(path.join(published, 'weekly-serial/chapters.json'), 'utf8'),
    ) as { slug: string }[];
    expect(listed.map((c) => c.slug)).toEqual(['opening', 'second-evening']);
  });

  test('dates the work by its newest published chapter, and feeds only what is out', () => {
    const jsonLd = JSON.parse(
      pageAt(published, work).document.querySelector('script[type="application/ld+json"]')!
        .textContent!,
    );
    expect(jsonLd.dateModified).toBe('2026-11-20');
    const feed = readFileSync(path.join(published, 'weekly-serial/feed.xml'), 'utf8');
    expect([...feed.matchAll(/<item>.*?<title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual([
      'The Weekly Serial: Second Evening',
      'The Weekly Serial: Opening',
    ]);
    const sitemap = readFileSync(path.join(published, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toMatch(/the-draft|friday|unwritten|secret-work/);
  });

  test('marks nothing as a draft', () => {
    for (const page of loadPages(published)) {
      expect(page.document.querySelector('[data-draft-mark]'), page.url).toBeNull();
      // Not found and "You are offline" are no pages to index.
      if (!['/404.html', '/offline/'].includes(page.url))
        expect(page.document.querySelector('meta[name="robots"]'), page.url).toBeNull();
    }
  });
});

describe('a preview build (PREVIEW=1)', () => {
  test('shows each unpublished chapter marked, and keeps it out of search engines', () => {
    const marks = {
      'the-draft': 'Draft',
      friday: 'Scheduled: Dec 4, 2026, 18:00 UTC',
      unwritten: 'Draft',
    };
    for (const [slug, label] of Object.entries(marks)) {
      const { document } = pageAt(preview, `${work}${slug}/`);
      expect(document.querySelector('[data-draft-mark]')?.textContent?.trim()).toBe(label);
      expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe(
        'noindex',
      );
    }
    const contents = pageAt(preview, work).document;
    expect(
      Array.from(contents.querySelectorAll('[data-chapter-slug]')).map((li) => [
        li.getAttribute('data-chapter-slug'),
        li.querySelector('[data-draft-mark]')?.textContent?.trim() ?? '',
      ]),
    ).toEqual([
      ['opening', ''],
      ['the-draft', 'Draft'],
      ['second-evening', ''],
      ['friday', 'Scheduled: Dec 4, 2026, 18:00 UTC'],
      ['unwritten', 'Draft'],
    ]);
    const secret = pageAt(preview, '/secret-work/').document;
    expect(secret.querySelector('[data-draft-mark]')?.textContent?.trim()).toBe('Draft');
    expect(
      pageAt(preview, '/secret-work/beginning/').document.querySelector('[data-draft-mark]'),
    ).not.toBeNull();
    expect(
      pageAt(preview, `${work}opening/`).document.querySelector('[data-draft-mark]'),
    ).toBeNull();
  });
});

describe('a scheduled chapter', () => {
  const outDir = mkdtempSync(path.join(root, '.tmp/friday-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('is published by the first build on or after its date and time (UTC)', () => {
    const result = runAstroBuild(sites.publishing, outDir, { BUILD_DATE: '2026-12-04T18:00Z' });
    expect(result.status, result.output).toBe(0);
    expect(chapterDirs(outDir)).toEqual(['friday', 'opening', 'second-evening']);
    expect(text(outDir, `${work}friday/`)).toContain('quokkafriday');
    expect(
      visibleText(pageAt(outDir, `${work}friday/`).document.querySelector('article header')!),
    ).toContain('Chapter 3 of 3');
    const feed = readFileSync(path.join(outDir, 'weekly-serial/feed.xml'), 'utf8');
    expect(/<item>.*?<title>([^<]+)<\/title>/.exec(feed)?.[1]).toBe('The Weekly Serial: Friday');
    expect(
      JSON.parse(
        pageAt(outDir, work).document.querySelector('script[type="application/ld+json"]')!
          .textContent!,
      ).dateModified,
    ).toBe('2026-12-04');
    expect(readFragments(outDir).some((f) => f.content.includes('quokkafriday'))).toBe(true);
  });
});
