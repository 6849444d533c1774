import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { generateStory } from '../support/generate-story.ts';
import { writeStarlightContent } from '../../src/lib/bench/peer-starlight.ts';
import { buildPhases } from '../../src/lib/bench/phases.ts';
import { wordsOf } from '../support/html.ts';

// The side-by-side benchmark's own parts (`npm run bench -- --peer starlight`): the peer must
// get the same story, and the phase table must read what the build log says.

test("the peer gets the same story: one page per chapter, every word, this site's fences gone", () => {
  const story = mkdtempSync(path.join(tmpdir(), 'peer-story-'));
  generateStory(story, { works: 2, chaptersPerWork: 5, wordsPerChapter: 400, seed: 7 });
  const peerDir = mkdtempSync(path.join(tmpdir(), 'peer-site-'));
  const pages = writeStarlightContent(story, { dir: peerDir, versions: {} });
  expect(pages).toBe(1 + 2 * (1 + 5));
  const docs = path.join(peerDir, 'src/content/docs');
  expect(readdirSync(path.join(docs, 'work-1')).sort()).toEqual([
    'chapter-1.md',
    'chapter-2.md',
    'chapter-3.md',
    'chapter-4.md',
    'chapter-5.md',
    'index.md',
  ]);
  for (let c = 1; c <= 5; c++) {
    const source = readFileSync(path.join(story, 'work-2', `${c}-chapter-${c}.md`), 'utf8');
    const page = readFileSync(path.join(docs, 'work-2', `chapter-${c}.md`), 'utf8');
    expect(page).toMatch(new RegExp(`^---\\ntitle: "Chapter ${c}"\\n---\\n`));
    expect(page).not.toMatch(/^:::/m);
    const body = (text: string) =>
      wordsOf(text.slice(text.indexOf('\n---\n', 4) + 5).replace(/^:::.*$/gm, ''));
    expect(body(page)).toEqual(body(source));
  }
});

// From a real build of M (`npm run bench`), cut to the lines that time something.
const log = `01:15:34 [content] Syncing content
01:15:40 [content] Synced content
01:15:40 [types] Generated 6.34s
01:15:40 [build] Building static entrypoints...
01:15:41 [vite] ✓ built in 732ms
01:15:41 [vite] ✓ built in 52ms
01:15:41 [build] Rearranging server assets...
01:15:42   ├─ /work-1/chapter-1/index.html (+12ms)
01:15:47 ✓ Completed in 5.94s.
01:15:47 [build] ✓ Completed in 6.78s.
01:15:48 [fiction-reader:font-subsets] web fonts subset to 109 characters: 377.2 KB → 233.6 KB
01:15:51 [fiction-reader:search-index] indexed 202 pages for search in 2.5 s
01:15:51 [fiction-reader:offline-worker] offline: app shell 194.6 KB in 37 files
01:15:51 [fiction-reader:atomic-publish] published /work/main/.tmp/bench/M/dist
01:15:51 [build] 208 page(s) built in 17.44s
01:15:51 [build] Complete!`;

test('the phase table reads what the build log times', () => {
  expect(buildPhases(log)).toEqual([
    { name: 'content: check and render the Markdown', seconds: 6.34 },
    { name: 'bundle: Vite', seconds: 0.78 },
    { name: 'routes: pages, feeds, previews, EPUBs', seconds: 5.94 },
    { name: 'font subsets (log clock)', seconds: 1 },
    { name: 'search index: Pagefind, after the pages', seconds: 2.5 },
    { name: 'offline lists, headers, publish (log clock)', seconds: 0 },
    { name: 'total (Astro)', seconds: 17.44 },
  ]);
  // Pagefind indexing as pages are rendered: the build's wait for it.
  expect(
    buildPhases(
      '01:15:51 [fiction-reader:search-index-finish] indexed 202 pages for search as they were rendered, written in 2.1 s beside the steps after the pages; the build waited 0.7 s for the index\n',
    ),
  ).toEqual([{ name: 'search index: Pagefind, after the pages', seconds: 0.7 }]);
  // A long build's total, as Astro writes it.
  expect(buildPhases('12:00:00 [build] 2006 page(s) built in 1m 26s\n')).toEqual([
    { name: 'total (Astro)', seconds: 86 },
  ]);
  // A log without our steps (another site's) gives only what it shows.
  expect(buildPhases('12:00:00 [types] Generated 1.5s\n').map((p) => p.name)).toEqual([
    'content: check and render the Markdown',
  ]);
});
