import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeSiteUrl, siteBase, storageKey, withBase } from '../../src/lib/base.ts';
import { completedHeaders } from '../../src/integrations/headers-file.ts';
import { buildLibrary, type ChapterSource, type WorkSource } from '../../src/lib/story/library.ts';
import { createNewChapter, planNewChapter } from '../../src/lib/story/new-chapter.ts';
import { parseBuildDate, publishingFromEnv, unpublished } from '../../src/lib/story/publishing.ts';
import { chapterSchema } from '../../src/lib/story/schema.ts';
import { validateContent } from '../../src/lib/story/validate/index.ts';
import { validChapter, validWork, writeContent } from '../support/content.ts';
import { root } from '../support/sites.ts';

describe('the base path', () => {
  test('comes from the path of SITE_URL, with or without its trailing slash', () => {
    expect(siteBase('https://someone.github.io/my-story')).toBe('/my-story/');
    expect(siteBase('https://someone.github.io/my-story/')).toBe('/my-story/');
    expect(siteBase('https://story.example.org')).toBe('/');
    expect(siteBase('https://example.org/a/b')).toBe('/a/b/');
    expect(normalizeSiteUrl('https://someone.github.io/my-story')).toBe(
      'https://someone.github.io/my-story/',
    );
  });

  test('prefixes every site path, and refuses a path that is not one', () => {
    expect(withBase('/search/', '/my-story/')).toBe('/my-story/search/');
    expect(withBase('/', '/my-story/')).toBe('/my-story/');
    expect(withBase('/search/', '/')).toBe('/search/');
    expect(() => withBase('search/', '/my-story/')).toThrow('starts with "/"');
  });

  test('keeps a root site’s storage keys and puts a project site’s under its path', () => {
    expect(storageKey('reader-settings', '/')).toBe('reader-settings');
    expect(storageKey('reader-settings', '/my-story/')).toBe('/my-story/reader-settings');
  });

  test('moves every path rule of _headers under it, and nothing else', () => {
    const file = readFileSync(path.join(root, 'public/_headers'), 'utf8');
    const moved = completedHeaders(file, '/my-story/', []);
    const rules = (text: string) => text.split('\n').filter((line) => line.startsWith('/'));
    expect(rules(moved)).toEqual(rules(file).map((rule) => `/my-story${rule}`));
    expect(moved.split('\n').filter((l) => !l.startsWith('/'))).toEqual(
      file.split('\n').filter((l) => !l.startsWith('/')),
    );
    expect(completedHeaders(file, '/', [])).toBe(file);
  });

  test('adds a media-type rule for each EPUB, under the base', () => {
    const rules = completedHeaders('/*\n  X-A: b\n', '/my-story/', ['/w/w.epub']);
    expect(rules).toBe(
      '/my-story/*\n  X-A: b\n/my-story/w/w.epub\n  Content-Type: application/epub+zip\n',
    );
  });
});

describe('what a build publishes', () => {
  const now = new Date('2026-12-04T18:00:00Z');

  test('a draft is never published; a dated chapter is, from its moment on', () => {
    expect(unpublished({ draft: true }, now)).toBe('draft');
    expect(unpublished({ draft: true, published: new Date('2020-01-01') }, now)).toBe('draft');
    expect(unpublished({ published: new Date('2026-12-04T18:00:01Z') }, now)).toBe('scheduled');
    expect(unpublished({ published: new Date('2026-12-04T18:00:00Z') }, now)).toBeUndefined();
    expect(unpublished({}, now)).toBeUndefined();
  });

  test('PREVIEW shows drafts, as the dev server does; BUILD_DATE stands in for the clock', () => {
    expect(publishingFromEnv({}, false).includeDrafts).toBe(false);
    expect(publishingFromEnv({}, true).includeDrafts).toBe(true);
    for (const preview of ['1', 'true', 'yes']) {
      expect(publishingFromEnv({ PREVIEW: preview }, false).includeDrafts).toBe(true);
    }
    for (const preview of ['', '0', 'false']) {
      expect(publishingFromEnv({ PREVIEW: preview }, false).includeDrafts).toBe(false);
    }
    const before = Date.now();
    expect(publishingFromEnv({}, false).now.getTime()).toBeGreaterThanOrEqual(before);
    expect(publishingFromEnv({ BUILD_DATE: '2026-12-04' }, false).now.toISOString()).toBe(
      '2026-12-04T00:00:00.000Z',
    );
  });

  test('BUILD_DATE is UTC unless it names a zone, and a clear error when it is no date', () => {
    expect(parseBuildDate('2026-12-04T18:00').toISOString()).toBe('2026-12-04T18:00:00.000Z');
    expect(parseBuildDate('2026-12-04 18:00').toISOString()).toBe('2026-12-04T18:00:00.000Z');
    expect(parseBuildDate('2026-12-04T18:00+01:00').toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(() => parseBuildDate('friday')).toThrow(/BUILD_DATE "friday" is not a date.*2026-12-04/);
    expect(() => parseBuildDate('2026-13-45')).toThrow('is not a date');
  });

  test('a chapter’s `published` time is UTC unless it names a zone, however YAML typed it', () => {
    const published = (value: unknown) =>
      chapterSchema.parse({ title: 'T', published: value }).published?.toISOString();
    expect(published('2026-12-04T18:00')).toBe('2026-12-04T18:00:00.000Z');
    expect(published('2026-12-04 18:00:30')).toBe('2026-12-04T18:00:30.000Z');
    expect(published('2026-12-04')).toBe('2026-12-04T00:00:00.000Z');
    expect(published('2026-12-04T18:00-05:00')).toBe('2026-12-04T23:00:00.000Z');
    expect(published(new Date('2026-12-04T18:00:00Z'))).toBe('2026-12-04T18:00:00.000Z');
    expect(chapterSchema.safeParse({ title: 'T', published: 'soon' }).success).toBe(false);
    expect(chapterSchema.safeParse({ title: 'T', draft: 'yes' }).success).toBe(false);
  });
});

describe('the reading model of a serial with drafts', () => {
  const work = (slug: string, data: Partial<WorkSource['data']> = {}): WorkSource => ({
    slug,
    cover: undefined,
    notesHtml: '',
    summaryHtml: '<p>S</p>',
    data: {
      title: slug,
      author: 'A',
      summary: 'S',
      status: 'in-progress',
      language: 'en',
      ...data,
    },
  });
  const chapter = (id: string, data: Partial<ChapterSource['data']> = {}): ChapterSource => ({
    id,
    html: '<p>x</p>',
    pictures: new Map(),
    summaryHtml: '',
    notesHtml: '',
    endNotesHtml: '',
    words: 100,
    data: { title: id, ...data },
  });
  const sources = [
    [work('w'), work('secret', { draft: true })],
    [
      chapter('w/01-a', { published: new Date('2026-11-01') }),
      chapter('w/02-b', { draft: true }),
      chapter('w/03-c', { published: new Date('2026-11-20') }),
      chapter('w/04-d', { published: new Date('2026-12-05') }),
      chapter('secret/01-x'),
    ],
  ] as const;
  const now = new Date('2026-12-01T00:00:00Z');

  test('holds only what is published: positions, previous/next, counts and dates close the gaps', () => {
    const library = buildLibrary([...sources[0]], [...sources[1]], { now, includeDrafts: false });
    expect(library.works.map((w) => w.slug)).toEqual(['w']);
    const w = library.getWork('w')!;
    expect(w.chapters.map((c) => [c.slug, c.position, c.previous?.slug, c.next?.slug])).toEqual([
      ['a', 1, undefined, 'c'],
      ['c', 2, 'a', undefined],
    ]);
    expect([w.words, w.updated?.toISOString().slice(0, 10)]).toEqual([200, '2026-11-20']);
    expect(library.getChapter('w', 'b')).toBeUndefined();
  });

  test('holds everything in a preview, each unpublished entry saying why', () => {
    const library = buildLibrary([...sources[0]], [...sources[1]], { now, includeDrafts: true });
    expect(library.works.map((w) => [w.slug, w.unpublished])).toEqual([
      ['secret', 'draft'],
      ['w', undefined],
    ]);
    expect(library.getWork('w')!.chapters.map((c) => [c.slug, c.unpublished])).toEqual([
      ['a', undefined],
      ['b', 'draft'],
      ['c', undefined],
      ['d', 'scheduled'],
    ]);
  });
});

describe('a new chapter', () => {
  test('takes the number after the highest, as wide as the others, and a slug from its title', () => {
    expect(planNewChapter([], 'The Farm: Part 2!')).toMatchObject({
      fileName: '01-the-farm-part-2.md',
      number: 1,
    });
    expect(
      planNewChapter([{ fileName: '01-a.md' }, { fileName: '07-b.md' }], 'Next').fileName,
    ).toBe('08-next.md');
    expect(planNewChapter([{ fileName: '009-a.md' }], 'Ten').fileName).toBe('010-ten.md');
    expect(planNewChapter([{ fileName: '99-a.md' }], 'Hundred').fileName).toBe('100-hundred.md');
  });

  test('never takes a slug in use, as a file or an alias, nor a reserved one', () => {
    expect(planNewChapter([{ fileName: '01-home.md' }], 'Home').slug).toBe('home-2');
    expect(planNewChapter([{ fileName: '01-a.md', aliases: ['home'] }], 'Home').slug).toBe(
      'home-2',
    );
    expect(planNewChapter([], 'All').slug).toBe('all-2');
    // A title in another script is romanised (issue #25): readable, not "chapter-2".
    expect(planNewChapter([{ fileName: '01-a.md' }], 'Глава').fileName).toBe('02-glava.md');
  });

  test('is a draft whose front matter keeps the title exactly as typed', () => {
    const title = 'Part 2: "Home" — at last #1';
    const { content } = planNewChapter([], title);
    const written = writeContent({ 'w/work.md': validWork, 'w/01-x.md': content });
    // Read back the way the build reads front matter (YAML), not the way it was written.
    const front = chapterSchema.parse(parseFrontmatter(content).frontmatter);
    expect(front).toMatchObject({ title, draft: true });
    return expect(validateContent(written)).resolves.toEqual([]);
  });

  test('refuses an empty title', () => {
    expect(() => planNewChapter([], '  ')).toThrow('needs a title');
  });

  test('is written beside the others, and the story still passes the content check', async () => {
    const dir = writeContent({
      'w/work.md': validWork,
      'w/01-one.md': validChapter(),
      'w/02-two.md': '---\ntitle: Two\naliases: [the-storm]\n---\n\nText.\n',
    });
    const { file } = await createNewChapter(dir, 'w', 'The Storm');
    expect(path.relative(dir, file)).toBe('w/03-the-storm-2.md');
    expect(readFileSync(file, 'utf8')).toContain('draft: true');
    expect(await validateContent(dir)).toEqual([]);
  });

  test('names the works there when the work does not exist, and asks for work.md', async () => {
    const dir = writeContent({ 'tale/work.md': validWork });
    await expect(createNewChapter(dir, 'tael', 'X')).rejects.toThrow('There is no work "tael" in');
    await expect(createNewChapter(dir, 'tael', 'X')).rejects.toThrow('Works there: tale.');
    const bare = writeContent({ 'w/01-one.md': validChapter() });
    await expect(createNewChapter(bare, 'w', 'X')).rejects.toThrow('has no work.md');
  });

  test('`npm run new-chapter` prints the new file’s path, and fails clearly without arguments', () => {
    const dir = writeContent({ 'tale/work.md': validWork, 'tale/01-one.md': validChapter() });
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'src/cli/new-chapter.ts'), ...args], {
        cwd: dir,
        env: { ...process.env, CONTENT_DIR: dir },
        encoding: 'utf8',
      });
    const made = run('tale', 'Second Chance');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout.trim()).toBe(path.join('tale', '02-second-chance.md'));
    expect(run('tale', 'Second Chance').stdout.trim()).toBe(
      path.join('tale', '03-second-chance-2.md'),
    );
    const usage = run('tale');
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('Usage:')]);
    const missing = run('nope', 'X');
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringContaining('no work "nope"'),
    ]);
  });
});
