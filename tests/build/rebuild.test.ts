import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEpub } from '../support/epub.ts';
import { codePointsOf } from '../support/fonts.ts';
import { pageAt, visibleText } from '../support/html.ts';
import { readFragments } from '../support/search-index.ts';
import { root, runAstroBuild, sites } from '../support/sites.ts';

// A rebuild after an author's edits reuses what an earlier build made from the same inputs and
// code (rendered chapters, preview images, EPUBs, font subsets: src/lib/build-cache/). These
// tests hold it to what matters: the edits show everywhere, and the rebuilt site is
// byte-for-byte the site a build with no cache makes of the edited story.

/** Three works of the library fixture: a cover, pictures, notes (Holmes is left out: speed). */
const works = ['fiction-markup', 'markup-showcase', 'showcase-sequel'];
/** A character no page of those works has, so the font subsets must gain it. */
const newCharacter = 'Ø';
const newSentence = `Ada crossed the Øresund bridge at dawn, quixotically early.`;
const oldSentence = 'Ada stepped off the train at 8:35';

const scratch = mkdtempSync(path.join(root, '.tmp/rebuild-'));
const content = path.join(scratch, 'content');
const cache = path.join(scratch, 'cache');
const first = path.join(scratch, 'first');
const rebuilt = path.join(scratch, 'rebuilt');
const cold = path.join(scratch, 'cold');
let firstLog = '';
let rebuildLog = '';

/** `astro build` of the scratch story with the given cache folder. */
function build(outDir: string, cacheDir: string): string {
  const result = runAstroBuild(content, outDir, { ASTRO_CACHE_DIR: cacheDir });
  expect(result.status, result.output).toBe(0);
  return result.output;
}

/** "reused 3 of 5 rendered chapters" in a build's log: [reused, of]. */
function reused(log: string, what: string): [number, number] {
  const match = new RegExp(`(\\d+) of (\\d+) ${what}`).exec(log);
  expect(match, `the build log says how many ${what} it reused:\n${log}`).not.toBeNull();
  return [Number(match![1]), Number(match![2])];
}

/** Every file of a built site, by path from its root. */
function filesOf(dist: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const file of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    files.set(path.relative(dist, full), readFileSync(full));
  }
  return files;
}

const edit = (file: string, change: (text: string) => string) => {
  const full = path.join(content, file);
  const text = readFileSync(full, 'utf8');
  const changed = change(text);
  expect(changed, `the edit of ${file} changes it`).not.toBe(text);
  writeFileSync(full, changed);
};

beforeAll(() => {
  for (const work of works)
    cpSync(path.join(sites.library, work), path.join(content, work), { recursive: true });
  firstLog = build(first, cache);
  // The author's edits: a sentence rewritten (with a new character), a chapter retitled, a
  // chapter removed. The third work is left alone.
  edit('markup-showcase/01-arrival.md', (text) =>
    text.replace(/Ada stepped off the train at 8:35[^\n]*/, newSentence),
  );
  edit('fiction-markup/02-the-letter-and-the-song.md', (text) =>
    text.replace(/^title: .*$/m, "title: 'The Letter, Reread'"),
  );
  rmSync(path.join(content, 'markup-showcase/05-departure.md'));
  rebuildLog = build(rebuilt, cache);
  build(cold, path.join(scratch, 'no-cache'));
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a rebuild after editing', () => {
  test('renders again only the chapter whose text changed', () => {
    const [, chapters] = reused(firstLog, 'rendered chapters');
    expect(reused(firstLog, 'rendered chapters')[0]).toBe(0);
    // One file fewer (removed), and one of those left changed its text: the retitled chapter's
    // body is the same (front matter is blanked out of a body, keeping its lines).
    expect(reused(rebuildLog, 'rendered chapters')).toEqual([chapters - 2, chapters - 1]);
  });

  test('zips again only the EPUBs of works that changed', () => {
    expect(reused(firstLog, 'EPUBs')).toEqual([0, 3]);
    expect(reused(rebuildLog, 'EPUBs')).toEqual([1, 3]);
  });

  test('draws again only the preview images whose card changed', () => {
    const [again, of] = reused(rebuildLog, 'preview images');
    expect(again).toBeGreaterThan(0);
    expect(again).toBeLessThan(of);
    const same = (file: string) =>
      Buffer.compare(readFileSync(path.join(first, file)), readFileSync(path.join(rebuilt, file)));
    expect(same('fiction-markup/the-letter-and-the-song/preview.jpg'), 'retitled').not.toBe(0);
    expect(same('showcase-sequel/return/preview.png'), 'untouched').toBe(0);
  });

  test('subsets the fonts again when the pages gain a character', async () => {
    const [again, of] = reused(rebuildLog, 'font subsets');
    expect(of).toBeGreaterThanOrEqual(10);
    expect(again).toBe(0);
    const assets = path.join(rebuilt, '_astro');
    const regular = readdirSync(assets).find((f) => /^literata-latin-400-normal.*\.woff2$/.test(f));
    expect(regular).toBeDefined();
    expect(await codePointsOf(readFileSync(path.join(assets, regular!)))).toContain(
      newCharacter.codePointAt(0),
    );
  });

  test('shows the edit on the page, in the EPUB and in search; the removed chapter is gone', () => {
    const page = visibleText(pageAt(rebuilt, '/markup-showcase/arrival/').document.body);
    expect(page).toContain(newSentence);
    expect(page).not.toContain(oldSentence);
    const epub = openEpub(path.join(rebuilt, 'markup-showcase/markup-showcase.epub'));
    const book = Object.keys(epub.files)
      .filter((file) => file.endsWith('.xhtml'))
      .map((file) => epub.text(file))
      .join('\n');
    expect(book).toContain(newSentence);
    expect(book).not.toContain(oldSentence);
    const fragments = readFragments(rebuilt);
    expect(fragments.some((f) => f.content.includes(newSentence))).toBe(true);
    expect(fragments.some((f) => f.content.includes(oldSentence))).toBe(false);
    expect(existsSync(path.join(first, 'markup-showcase/departure/index.html'))).toBe(true);
    expect(existsSync(path.join(rebuilt, 'markup-showcase/departure/index.html'))).toBe(false);
    const retitled = pageAt(rebuilt, '/fiction-markup/the-letter-and-the-song/').document;
    expect(retitled.querySelector('h1')?.textContent).toContain('The Letter, Reread');
  });

  test('makes, byte for byte, the site a build without a cache makes', () => {
    const fromCache = filesOf(rebuilt);
    const fromScratch = filesOf(cold);
    expect([...fromCache.keys()].sort()).toEqual([...fromScratch.keys()].sort());
    const differing = [...fromCache].filter(
      ([file, bytes]) => Buffer.compare(bytes, fromScratch.get(file)!) !== 0,
    );
    expect(differing.map(([file]) => file)).toEqual([]);
  });

  test('keeps only what the last build used', () => {
    expect(rebuildLog).toMatch(/removed [1-9]\d* unused entr/);
    const entries = (kind: string) => readdirSync(path.join(cache, 'fiction-reader', kind)).length;
    const [, chapters] = reused(rebuildLog, 'rendered chapters');
    expect(entries('chapters')).toBe(chapters);
    expect(entries('epubs')).toBe(3);
  });
});
