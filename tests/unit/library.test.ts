import { expect, test } from 'vitest';
import { buildLibrary, type ChapterSource, type WorkSource } from '../../src/lib/story/library.ts';

const work = (slug: string, data: Partial<WorkSource['data']> = {}): WorkSource => ({
  slug,
  cover: undefined,
  notesHtml: '',
  summaryHtml: '<p>S</p>',
  data: { title: slug, author: 'A', summary: 'S', status: 'in-progress', language: 'en', ...data },
});
const chapter = (
  id: string,
  words = 240,
  data: Partial<ChapterSource['data']> = {},
): ChapterSource => ({
  id,
  html: '<p>x</p>',
  pictures: new Map(),
  summaryHtml: '',
  notesHtml: '',
  endNotesHtml: '',
  words,
  data: { title: id, ...data },
});

test('chapters are ordered by file number, gaps closed, with previous and next', () => {
  const library = buildLibrary(
    [work('w')],
    [chapter('w/10-c'), chapter('w/02-b'), chapter('w/01-a')],
  );
  const chapters = library.getWork('w')?.chapters ?? [];
  expect(chapters.map((c) => [c.position, c.slug, c.url])).toEqual([
    [1, 'a', '/w/a/'],
    [2, 'b', '/w/b/'],
    [3, 'c', '/w/c/'],
  ]);
  expect(chapters.map((c) => [c.previous?.slug, c.next?.slug])).toEqual([
    [undefined, 'b'],
    ['a', 'c'],
    ['b', undefined],
  ]);
  expect(library.getChapter('w', 'b')?.position).toBe(2);
});

test("a work totals its chapters' words and reading time", () => {
  const w = buildLibrary([work('w')], [chapter('w/01-a', 1000), chapter('w/02-b', 1400)]).getWork(
    'w',
  );
  expect([w?.words, w?.readingMinutes, w?.chapters[0]?.readingMinutes]).toEqual([2400, 10, 4]);
});

test('updated is the front matter date, else the newest chapter date', () => {
  const library = buildLibrary(
    [work('x', { updated: new Date('2020-01-01') }), work('y')],
    [
      chapter('x/01-a', 1, { published: new Date('2024-01-01') }),
      chapter('y/01-a', 1, { published: new Date('2023-05-01') }),
      chapter('y/02-b', 1, { published: new Date('2024-02-01') }),
    ],
  );
  expect(library.getWork('x')?.updated?.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  expect(library.getWork('y')?.updated?.toISOString()).toBe('2024-02-01T00:00:00.000Z');
});

test('works of a series stand together in part order; the rest by title', () => {
  const library = buildLibrary(
    [
      work('sequel', { title: 'Zed Returns', series: { name: 'Entwined', part: 2 } }),
      work('alpha', { title: 'Alpha' }),
      work('first', { title: 'Zed', series: { name: 'Entwined', part: 1 } }),
    ],
    [],
  );
  expect(library.works.map((w) => w.slug)).toEqual(['alpha', 'first', 'sequel']);
  expect(library.getWork('sequel')?.series.map((w) => w.slug)).toEqual(['first', 'sequel']);
  expect(library.getWork('alpha')?.series).toEqual([]);
});

test('chapters of a folder with no work are left out', () => {
  expect(
    buildLibrary([work('w')], [chapter('orphan/01-a')]).works.flatMap((w) => w.chapters),
  ).toEqual([]);
});

test('parts: consecutive chapters under one title, a prologue outside them, anchors unique', () => {
  const part = (name: string) => ({ part: name });
  const w = buildLibrary(
    [work('w')],
    [
      chapter('w/01-prologue'),
      chapter('w/02-a', 1, part('Book I — Arrival')),
      chapter('w/03-b', 1, part('Book I — Arrival')),
      chapter('w/04-c', 1, part('Book II: Arrival!')),
      chapter('w/05-d', 1, part('Book II')),
      chapter('w/06-epilogue'),
    ],
  ).getWork('w')!;
  expect(w.parts.map((p) => [p.number, p.title, p.anchor, p.chapters.map((c) => c.slug)])).toEqual([
    [1, 'Book I — Arrival', 'part-book-i-arrival', ['a', 'b']],
    [2, 'Book II: Arrival!', 'part-book-ii-arrival', ['c']],
    [3, 'Book II', 'part-book-ii', ['d']],
  ]);
  expect(w.contents.map((s) => [s.part?.number, s.chapters.map((c) => c.slug)])).toEqual([
    [undefined, ['prologue']],
    [1, ['a', 'b']],
    [2, ['c']],
    [3, ['d']],
    [undefined, ['epilogue']],
  ]);
  expect(w.chapters.map((c) => c.part?.number)).toEqual([undefined, 1, 1, 2, 3, undefined]);
  // Chapter numbers run through the parts.
  expect(w.parts[1]!.chapters[0]!.position).toBe(4);
});

test('a work without parts has one contents section; a part whose chapters are all drafts is gone', () => {
  const plain = buildLibrary([work('w')], [chapter('w/01-a'), chapter('w/02-b')]).getWork('w')!;
  expect(plain.parts).toEqual([]);
  expect(plain.contents.map((s) => [s.part, s.chapters.length])).toEqual([[undefined, 2]]);

  const drafted = buildLibrary(
    [work('w')],
    [
      chapter('w/01-a', 1, { part: 'One' }),
      chapter('w/02-b', 1, { part: 'Two', draft: true }),
      chapter('w/03-c', 1, { part: 'Three' }),
    ],
  ).getWork('w')!;
  expect(drafted.parts.map((p) => [p.number, p.title])).toEqual([
    [1, 'One'],
    [2, 'Three'],
  ]);
});
