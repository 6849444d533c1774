import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages } from '../support/html.ts';
import { readFragments } from '../support/search-index.ts';
import { distOf } from '../support/sites.ts';

describe('the search index of the library site', () => {
  const dist = distOf('library');
  const pages = loadPages(dist);
  const fragments = readFragments(dist);
  const byUrl = new Map(fragments.map((f) => [f.url, f]));
  const chapterPages = pages.filter((p) => p.document.querySelector('nav[aria-label="Chapters"]'));

  test('every chapter page and every work page is indexed, nothing else', () => {
    const workPages = pages.filter(
      (p) => /^\/[^/]+\/$/.test(p.url) && !['/search/', '/offline/'].includes(p.url),
    );
    expect(chapterPages.length).toBeGreaterThan(15);
    expect(fragments.map((f) => f.url).sort()).toEqual(
      [...chapterPages, ...workPages].map((p) => p.url).sort(),
    );
  });

  test('one index for the whole library, although Holmes is en-GB and the showcase en', () => {
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['en']);
  });

  test('chapter pages carry work, chapter title and position as metadata, work, chapter and kind as filters', () => {
    for (const page of chapterPages) {
      const fragment = byUrl.get(page.url);
      const h1 = page.document.querySelector('h1')?.textContent?.trim();
      const work = page.document.querySelector('[data-pagefind-meta="work"]')?.textContent?.trim();
      expect(fragment?.meta).toMatchObject({
        title: h1,
        work,
        position: expect.stringMatching(/^\d+$/),
      });
      expect(fragment?.filters).toEqual({ work: [work], chapter: [h1], kind: ['chapter'] });
    }
  });

  test('a work page indexes its summary, notes and labels (tags, fandoms, characters), not its figures', () => {
    const holmes = byUrl.get('/the-adventures-of-sherlock-holmes/')!;
    expect(holmes.content).toContain('Shorts');
    expect(holmes.content).toContain('Mystery');
    const showcase = byUrl.get('/markup-showcase/')!;
    for (const label of ['Original Work', 'Ada', 'Test Fixture'])
      expect(showcase.content).toContain(label);
    for (const chrome of ['Status', 'Chapters', 'Tags', 'Fandoms', 'words', 'min']) {
      expect(holmes.content).not.toContain(chrome);
    }
  });

  test('work pages are of the kind "work", so a search counts them apart from chapters', () => {
    const works = [...byUrl.entries()].filter(([url]) => /^\/[^/]+\/$/.test(url));
    expect(works.length).toBeGreaterThan(2);
    for (const [url, fragment] of works) expect(fragment.filters['kind'], url).toEqual(['work']);
  });

  test('only story text and notes are indexed: no navigation, labels, counts or headings of notes', () => {
    const arrival = byUrl.get('/markup-showcase/arrival/');
    expect(arrival?.content).toContain('Ada stepped off the train at 8:35 and said:hello');
    expect(arrival?.content).toContain('A note before the chapter.');
    for (const chrome of [
      'Previous',
      'Next',
      'Contents',
      'Library',
      'Skip to content',
      'End of flashback',
      'Flashback: Ten years earlier',
      'words ·',
      'Chapter summary',
      'End notes',
      'Chapter 1 of 3',
    ]) {
      expect(arrival?.content, chrome).not.toContain(chrome);
    }
  });

  test('every passage is a sub-result anchor titled by its scene or flashback', () => {
    const arrival = byUrl.get('/markup-showcase/arrival/');
    const passages =
      pages
        .find((p) => p.url === '/markup-showcase/arrival/')
        ?.document.querySelectorAll('[data-passage]') ?? [];
    const titled = new Map(
      arrival?.anchors.filter((a) => a.id.startsWith('p-')).map((a) => [a.id, a.title]),
    );
    expect(titled.size).toBe(passages.length);
    expect(titled.get('p-the-station-was-new-then')).toBe('Flashback: Ten years earlier');
    expect(titled.get('p-back-at-the-gate-ben')).toBe('Scene 2');
    expect(titled.get('p-the-end-of-the-arrival')).toBe('Scene 3');
  });

  test("a chapter's text is in its fragment once: passage anchors carry no copy of it", () => {
    for (const page of chapterPages) {
      const fragment = byUrl.get(page.url)!;
      const passageAnchors = fragment.anchors.filter((a) => a.id.startsWith('p-'));
      expect(passageAnchors.length).toBeGreaterThan(0);
      for (const anchor of passageAnchors) expect(anchor.text, anchor.id).toBe('');
      // And the page itself keeps each id on its paragraph, where shared links point.
      for (const anchor of passageAnchors)
        expect(page.document.getElementById(anchor.id)?.tagName).toBe('P');
    }
  });
});

describe('the places search gives passages of the fiction markup', () => {
  const fragments = readFragments(distOf('library'));
  const titlesOf = (url: string) =>
    new Set(
      fragments
        .find((f) => f.url === url)
        ?.anchors.map((a) => a.title)
        .filter(Boolean),
    );

  test('messages, epigraph, headings and footnotes name their passages', () => {
    expect([...titlesOf('/fiction-markup/messages-at-midnight/')].sort()).toEqual(
      ['Epigraph', 'Footnotes', 'Messages', 'Milo’s POV', 'Wren’s POV'].sort(),
    );
  });

  test('letters, diary entries and verse name theirs', () => {
    expect([...titlesOf('/fiction-markup/the-letter-and-the-song/')].sort()).toEqual(
      [
        'Diary entry',
        'Flashback: The summer Hester bought the bakery',
        'Footnotes',
        'Letter',
        'Scene 1',
        'Scene 2',
        'Verse',
      ].sort(),
    );
  });

  test('the labels the markup adds are not indexed, the author’s words are', () => {
    const midnight = fragments.find((f) => f.url === '/fiction-markup/messages-at-midnight/')!;
    expect(midnight.content).toContain('the second buzz was the one that mattered');
    expect(midnight.content).toContain('Featherstonehaugh');
    expect(midnight.content).not.toMatch(/End of messages|Footnotes|↩/);
  });
});

describe('the word lists of "Did you mean"', () => {
  const listsOf = (site: 'story' | 'languages') => {
    const dir = path.join(distOf(site), 'pagefind/words');
    return new Map(
      readdirSync(dir).map((file) => [
        file,
        readFileSync(path.join(dir, file), 'utf8')
          .trimEnd()
          .split('\n')
          .map((line) => line.split('\t'))
          .map(([word, count]) => ({ word: word!, count: Number(count) })),
      ]),
    );
  };

  test('hold the words Pagefind indexed, as often as its text has them, titles too', () => {
    const lists = listsOf('story');
    const words = [...lists.values()].flat();
    const text = readFragments(distOf('story'))
      .map((fragment) => `${fragment.content} ${fragment.meta['title'] ?? ''}`)
      .join(' ');
    for (const name of ['Sunnydale', 'Chloe', 'Slayer', 'Destinies']) {
      const found = words.find((listed) => listed.word === name);
      expect(found, name).toBeDefined();
      const occurrences = text.match(new RegExp(`(?<!\\p{L})${name}(?![\\p{L}'’])`, 'giu'));
      expect(found!.count, name).toBe(occurrences?.length);
    }
  });

  test('one file per first letter, named by its code point, the most frequent word first', () => {
    for (const [file, words] of listsOf('story')) {
      for (const { word } of words)
        expect(word.normalize('NFKD')[0]!.toLowerCase().codePointAt(0)!.toString(16), word).toBe(
          file.replace(/^0+|\.txt$/g, ''),
        );
      const counts = words.map((word) => word.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
  });

  test('in every script written with spaces; Chinese and Japanese are left to Pagefind', () => {
    const words = [...listsOf('languages').values()].flat().map((listed) => listed.word);
    expect(words).toContain('boulangerie');
    expect(words).toContain('полночь');
    expect(words.some((word) => /\p{Script=Hebrew}/u.test(word))).toBe(true);
    expect(words.some((word) => /\p{Script=Arabic}/u.test(word))).toBe(true);
    expect(words.filter((word) => /[\p{Script=Han}\p{Script=Hiragana}]/u.test(word))).toEqual([]);
  });

  test('a saved work keeps them with its search files, to correct offline', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(distOf('story'), 'entwined-destinies/offline.json'), 'utf8'),
    ) as { search: { url: string }[] };
    const lists = manifest.search.filter((file) => file.url.startsWith('/pagefind/words/'));
    expect(lists.map((file) => file.url.replace('/pagefind/words/', '')).sort()).toEqual(
      [...listsOf('story').keys()].sort(),
    );
  });
});
