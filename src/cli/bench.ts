// `npm run bench`: builds deterministic generated stories of growing size (S, M, L) and the real
// story, and prints what readers and authors feel: build time and memory, page weight, search
// cost in Chromium. Not part of `npm test`.
//
//   npm run bench                       S, M and the story
//   npm run bench -- --sizes S,M,L      add L (2,000 chapters, 8M words; minutes)
//   npm run bench -- --check            exit non-zero when a budget fails
//   npm run bench -- --compare old.json print the change against an earlier run
//   npm run bench -- --no-pictures      skip M illustrated (M again with a cover per work and a
//                                       picture every 10 chapters: what pictures cost)
//   npm run bench -- --peer starlight   this site and Astro Starlight side by side on the same
//                                       stories, interleaved: ratios (src/cli/bench-peer.ts)

if (process.argv.includes('--peer')) {
  await import('./bench-peer.ts');
  process.exit();
}
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/chromium.ts';
import { checkBudgets, median, round, type SizeResult } from '../lib/bench/budgets.ts';
import { generateStory, storySizes } from '../../tests/support/generate-story.ts';
import { illustrateStory } from '../../tests/support/generate-pictures.ts';
import {
  folderSize,
  fontDownloads,
  pictureDownloads,
  weighPage,
} from '../lib/bench/page-weight.ts';
import { runLighthouse } from '../lib/bench/lighthouse.ts';
import { timedBuild } from '../lib/bench/timed-build.ts';
import { measureOffline } from '../lib/bench/offline-cost.ts';
import { measureSearch, type QueryCost } from '../lib/bench/search-cost.ts';
import { serveStatic } from '../../tests/support/serve-static.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'S,M' },
    story: { type: 'string', default: 'content' },
    check: { type: 'boolean', default: false },
    compare: { type: 'string' },
    out: { type: 'string', default: '.tmp/bench/results.json' },
    pictures: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

const root = process.cwd();
const work = path.join(root, '.tmp/bench');
const kb = (bytes: number) => round(bytes / 1024);

const runs: {
  size: string;
  contentDir: string;
  words?: number;
  page?: string;
  queries?: string[];
  /** The illustrated twin of a size: pictures measured, search not (it is the size's own). */
  pictures?: number;
}[] = [
  {
    size: 'story',
    contentDir: path.resolve(root, values.story),
    queries: ['alarm clock', 'Chloe'],
  },
];
for (const size of values.sizes.split(',').map((s) => s.trim()) as (keyof typeof storySizes)[]) {
  const shape = storySizes[size];
  if (!shape) throw new Error(`unknown size "${size}"; use S, M or L`);
  const contentDir = path.join(work, size, 'content');
  console.error(`generating ${size}: ${shape.works} works × ${shape.chaptersPerWork} chapters…`);
  const words = generateStory(contentDir, shape);
  runs.push({ size, contentDir, words });
  if (size === 'M' && values.pictures) {
    const illustrated = path.join(work, 'M-pictures', 'content');
    console.error('generating M illustrated: a cover per work, a picture every 10 chapters…');
    generateStory(illustrated, shape);
    const pictures = await illustrateStory(illustrated, {
      every: 10,
      distinct: 10,
      cacheDir: path.join(work, 'pictures'),
    });
    runs.push({ size: 'M-pictures', contentDir: illustrated, words, pictures });
  }
}

const browser = await launchChromium();
const results: SizeResult[] = [];
try {
  for (const run of runs) results.push(await measure(run));
} finally {
  await browser.close();
}

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`,
);
printTable(results);
if (values.compare)
  printComparison(
    JSON.parse(readFileSync(values.compare, 'utf8')).results as SizeResult[],
    results,
  );
const checks = checkBudgets(results);
console.log('\nBudgets');
for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.actual}`);
console.log(`\nResults written to ${values.out}`);
if (values.check && checks.some((c) => !c.pass)) process.exitCode = 1;

async function measure(run: (typeof runs)[number]): Promise<SizeResult> {
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
    if (run.size === 'story') {
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
      }));
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

function printTable(rows: SizeResult[]) {
  const header = [
    'size',
    'chapters',
    'words',
    'build s',
    'peak MB',
    'words/s',
    'out files',
    'out MB',
    'page KB (gz)',
    'own text gz',
    'chrome gz',
    'CSS gz',
    'JS gz',
    'fonts (offered)',
    'index MB',
    'query 1 KB/ms',
    'query 2 KB/ms',
  ];
  const lines = rows.map((r) => [
    r.size,
    String(r.chapters),
    r.words.toLocaleString('en'),
    String(r.build.seconds),
    String(r.build.peakMB ?? '?'),
    r.wordsPerSecond.toLocaleString('en'),
    String(r.output.files),
    String(r.output.MB),
    `${r.page.htmlKB} (${r.page.htmlGzipKB})`,
    String(r.page.ownTextGzipKB),
    String(r.page.chromeGzipKB),
    String(r.page.cssGzipKB),
    String(r.page.jsGzipKB),
    `${r.page.fontsKB} (${r.page.fontsOfferedKB})`,
    String(r.search?.indexMB ?? '-'),
    r.search?.queries[0] ? `${r.search.queries[0].KB} / ${r.search.queries[0].msToResults}` : '-',
    r.search?.queries[1] ? `${r.search.queries[1].KB} / ${r.search.queries[1].msToResults}` : '-',
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  for (const r of rows) {
    for (const [name, scores] of Object.entries(r.lighthouse ?? {})) {
      const { url, performance, accessibility, bestPractices, seo, metrics } = scores;
      console.log(
        `  ${r.size} Lighthouse (mobile) ${name} ${url}: performance ${performance}, accessibility ${accessibility}, best practices ${bestPractices}, SEO ${seo}; FCP ${metrics.fcp} ms, LCP ${metrics.lcp} ms, TBT ${metrics.tbt} ms, SI ${metrics.si} ms`,
      );
    }
    const plain = rows.find((other) => `${other.size}-pictures` === r.size);
    if (r.pictures && plain)
      console.log(
        `  ${r.size}: ${r.pictures.count} pictures and a cover per work add ${round(r.build.seconds - plain.build.seconds)} s to a first build (${round(((r.build.seconds - plain.build.seconds) / plain.build.seconds) * 100)}% of ${plain.build.seconds} s), ${round(r.pictures.warmBuildSeconds - plain.build.seconds)} s to the next (pictures cached: ${r.pictures.warmBuildSeconds} s), and ${r.pictures.imagesMB} MB of image files; an illustrated chapter page downloads ${r.pictures.phoneKB} KB of pictures on a phone (390 px at 3×), ${r.pictures.desktopKB} KB on a desktop (1280 px at 1×)`,
      );
    if (r.epub)
      console.log(
        `  ${r.size} EPUB: ${r.epub.files} books, ${r.epub.MB} MB, made in ${r.epub.seconds} s of the build's main thread (${round(r.epub.shareOfBuild * 100)}% of ${r.build.seconds} s)`,
      );
    if (r.offline)
      console.log(
        `  ${r.size} offline: the worker precaches ${round(r.offline.shellKB)} KB (${round(r.offline.shellGzipKB)} KB gzip) in ${r.offline.shellFiles} files; saving "${r.offline.work}" stores ${round(r.offline.saveKB)} KB in ${r.offline.saveFiles} files in ${r.offline.msToSave} ms; offline, the first result for "${r.offline.query}" shows ${r.offline.msToFirstOfflineResult} ms after the last keystroke`,
      );
    for (const q of r.search?.queries ?? [])
      console.log(
        `  ${r.size} search "${q.query}": ${q.KB} KB in ${q.requests} requests; first result ${q.msToResults} ms, ${q.chapters} chapters drawn ${q.msToBatch} ms`,
      );
  }
}

function printComparison(before: SizeResult[], after: SizeResult[]) {
  console.log('\nChange against the earlier run');
  for (const now of after) {
    const then = before.find((b) => b.size === now.size);
    if (!then) continue;
    const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${round(((b - a) / a) * 100)}%`;
    console.log(
      `  ${now.size}: build ${then.build.seconds} → ${now.build.seconds} s (${delta(then.build.seconds, now.build.seconds)}), chapter page ${then.page.htmlGzipKB} → ${now.page.htmlGzipKB} KB gz, CSS+JS ${round(then.page.cssGzipKB + then.page.jsGzipKB)} → ${round(now.page.cssGzipKB + now.page.jsGzipKB)} KB gz`,
    );
  }
}
