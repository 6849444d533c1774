// Measures one built story the way readers and authors feel it: a cold build's time and memory,
// the chapter page's weight, Lighthouse on every page type (the real story), offline saving, and
// search in Chromium. `npm run bench` (src/cli/bench.ts) runs it per size.
import { readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../../tests/support/serve-static.ts';
import { median, round, type SizeResult } from './budgets.ts';
import { runLighthouse } from './lighthouse.ts';
import { measureOffline } from './offline-cost.ts';
import { folderSize, fontDownloads, pictureDownloads, weighPage } from './page-weight.ts';
import { measureSearch, type QueryCost } from './search-cost.ts';
import { measureSearchQuality } from './search-quality.ts';
import { timedBuild } from './timed-build.ts';

/** One story folder to measure. */
export interface SiteRun {
  size: string;
  contentDir: string;
  words?: number;
  queries?: string[];
  /** The illustrated twin of a size: pictures measured, search not (it is the size's own). */
  pictures?: number;
  /** Measure the search's quality too (search-quality.ts): minutes, so on chosen runs only. */
  quality?: boolean;
}

const kb = (bytes: number) => round(bytes / 1024);

export async function measureSite(
  run: SiteRun,
  browser: Browser,
  work: string,
  { lighthouse = true, quality = true }: { lighthouse?: boolean; quality?: boolean } = {},
): Promise<SizeResult> {
  const dist = path.join(work, run.size, 'dist');
  // A cold build, as CI's is: nothing kept from an earlier run (resized pictures above all).
  rmSync(`${dist}.cache`, { recursive: true, force: true });
  console.error(`building ${run.size}…`);
  const { log, ...build } = await timedBuild(run.contentDir, dist);
  const epub = epubCost(log, build.seconds);
  const chapterPages = listChapterPages(dist);
  const words = run.words ?? countStoryWords(dist, chapterPages);
  const pageUrl = chapterPages[0]!;
  const weight = weighPage(dist, pageUrl);
  const output = folderSize(dist);
  const server = await serveStatic(dist);
  try {
    const result: SizeResult = {
      size: run.size,
      chapters: chapterPages.length,
      words,
      build,
      output: { files: output.files, MB: round(output.bytes / 1024 / 1024) },
      wordsPerSecond: Math.round(words / build.seconds),
      ...(epub ? { epub } : {}),
      page: {
        url: pageUrl,
        htmlKB: kb(weight.html.raw),
        htmlGzipKB: kb(weight.html.gzip),
        ownTextGzipKB: kb(weight.ownTextGzip),
        chromeGzipKB: kb(weight.chromeGzip),
        cssGzipKB: kb(weight.css.gzip),
        jsGzipKB: kb(weight.js.gzip),
        fontsKB: kb(await fontDownloads(browser, `${server.origin}${pageUrl}`)),
        fontsOfferedKB: kb(weight.fontsOffered.raw),
        renderBlockingScripts: weight.renderBlockingScripts,
      },
    };
    if (run.pictures !== undefined) {
      // The first illustrated chapter (chapter 1 of a work has its picture after one paragraph).
      const url = `${server.origin}${chapterPages[0]!}`;
      // Again, as an author's next build is: Astro keeps resized pictures in its cache folder.
      console.error(`building ${run.size} again, its pictures cached…`);
      const { seconds: warmSeconds } = await timedBuild(
        run.contentDir,
        `${dist}-again`,
        `${dist}.cache`,
      );
      result.pictures = {
        count: run.pictures,
        warmBuildSeconds: warmSeconds,
        imagesMB: round(
          folderSize(path.join(dist, '_astro'), /\.(avif|webp|jpe?g|png)$/).bytes / 1024 / 1024,
          2,
        ),
        phoneKB: kb(
          await pictureDownloads(browser, url, { width: 390, height: 844, deviceScaleFactor: 3 }),
        ),
        desktopKB: kb(
          await pictureDownloads(browser, url, { width: 1280, height: 800, deviceScaleFactor: 1 }),
        ),
      };
      return result;
    }
    // Lighthouse for every page type of the real story: the chapter, where readers spend their
    // time, and the pages on the way to it.
    if (run.size === 'story' && lighthouse) {
      const work = pageUrl.split('/')[1];
      const query = run.queries?.[0] ?? 'alarm clock';
      const pages = {
        chapter: pageUrl,
        work: `/${work}/`,
        home: '/',
        'search with a query': `/search/?q=${encodeURIComponent(query)}`,
      };
      result.lighthouse = {};
      for (const [name, url] of Object.entries(pages)) {
        console.error(`running Lighthouse on the story's ${name} page…`);
        result.lighthouse[name] = { url, ...(await runLighthouse(`${server.origin}${url}`)) };
      }
    }
    if (existsSync(path.join(dist, 'pagefind'))) {
      const index = folderSize(path.join(dist, 'pagefind'));
      const queries = run.queries ?? searchQueries(dist, chapterPages);
      console.error(`saving ${run.size} for offline and searching it with the network cut…`);
      result.offline = await measureOffline(dist);
      // Medians of 5 runs, each in a fresh browser context (cold caches): one run on a shared
      // 2-core machine varies by a quarter, and a stalled keystroke can start a search early.
      const trials: QueryCost[][] = [];
      for (let trial = 0; trial < 5; trial++)
        trials.push(await measureSearch(browser, server.origin, queries));
      const costs = trials[0]!.map((cost, i) => ({
        ...cost,
        bytes: median(trials.map((t) => t[i]!.bytes)),
        requests: median(trials.map((t) => t[i]!.requests)),
        msToResults: median(trials.map((t) => t[i]!.msToResults)),
        msToBatch: median(trials.map((t) => t[i]!.msToBatch)),
        trials: trials.map((t) => ({
          KB: kb(t[i]!.bytes),
          msToResults: t[i]!.msToResults,
          msToBatch: t[i]!.msToBatch,
        })),
      }));
      if (run.quality && quality) {
        console.error(`measuring the quality of ${run.size}'s search (phrases, typos, marks)…`);
        result.searchQuality = await measureSearchQuality(
          browser,
          server.origin,
          dist,
          chapterPages,
        );
      }
      result.search = {
        indexMB: round(index.bytes / 1024 / 1024, 2),
        indexFiles: index.files,
        queries: costs.map((c) => ({
          query: c.query,
          KB: kb(c.bytes),
          requests: c.requests,
          msToResults: c.msToResults,
          msToBatch: c.msToBatch,
          chapters: c.chapters,
          trials: c.trials,
        })),
      };
    }
    return result;
  } finally {
    await server.close();
  }
}

/**
 * What the EPUBs cost, from the build log's line per book (src/lib/epub/index.ts): made on the
 * build's main thread beside the pages, so their summed time is at most what they add to it.
 */
function epubCost(log: string, buildSeconds: number): SizeResult['epub'] {
  // Astro prints a route's path before its timing, so a line may start with the route.
  const books = [...log.matchAll(/EPUB \S+\.epub: (\d+) bytes in (\d+) ms/g)];
  if (books.length === 0) return undefined;
  const seconds = books.reduce((sum, m) => sum + Number(m[2]), 0) / 1000;
  const bytes = books.reduce((sum, m) => sum + Number(m[1]), 0);
  return {
    files: books.length,
    MB: round(bytes / 1024 / 1024, 2),
    seconds: round(seconds),
    shareOfBuild: round(seconds / buildSeconds, 3),
  };
}

function listChapterPages(dist: string): string[] {
  const pages: string[] = [];
  for (const work of readdirSync(dist, { withFileTypes: true })) {
    if (
      !work.isDirectory() ||
      work.name.startsWith('_') ||
      ['pagefind', 'search'].includes(work.name)
    )
      continue;
    for (const chapter of readdirSync(path.join(dist, work.name), { withFileTypes: true })) {
      if (chapter.isDirectory() && chapter.name !== 'all')
        pages.push(`/${work.name}/${chapter.name}/`);
    }
  }
  return pages.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function countStoryWords(dist: string, pages: string[]): number {
  return pages.reduce((sum, url) => {
    const text = storyTextOf(readFileSync(path.join(dist, url, 'index.html'), 'utf8'));
    const words = text.replace(/<[^>]+>/g, ' ').split(/\s+/);
    return sum + words.filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  }, 0);
}

/** The HTML of a chapter page's story text (`.story-text`), without the rest of the page. */
function storyTextOf(html: string): string {
  const start = html.indexOf('class="story-text"');
  return start === -1 ? '' : html.slice(start, html.indexOf('</article>', start));
}

/** Two queries a reader might type: a rare pair of words deep in the last work, then one word elsewhere. */
function searchQueries(dist: string, pages: string[]): string[] {
  // Words of the story text only, so the queries do not change when the page chrome does.
  const words = (url: string) =>
    storyTextOf(readFileSync(path.join(dist, url, 'index.html'), 'utf8'))
      .replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}]/gu, '').toLowerCase())
      .filter((w) => w.length >= 9);
  const deep = words(pages[pages.length - 2] ?? pages[0]!);
  const other = words(pages[Math.floor(pages.length / 3)]!);
  return [`${deep[40] ?? deep[0]} ${deep[41] ?? ''}`.trim(), other[25] ?? other[0] ?? 'crafe'];
}
