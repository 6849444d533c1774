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
