// `npm run bench`: builds deterministic generated stories of growing size (S, M, L) and the real
// story, and prints what readers and authors feel: build time and memory, page weight, search
// cost in Chromium. Not part of `npm test`.
//
//   npm run bench                       S, M, the story and a book (Sherlock Holmes); search
//                                       quality on the largest size and the book
//   npm run bench -- --sizes S,M,L      add L (2,000 chapters, 8M words; minutes)
//   npm run bench -- --check            exit non-zero when a budget fails
//   npm run bench -- --compare old.json print the change against an earlier run
//   npm run bench -- --runs 5           builds per size (default 3; L: 1)
//   npm run bench -- --save             also keep the results in bench/results/<day>-site.json,
//                                       the file docs/performance.md's tables are made from
//                                       (`npm run bench:tables`)
//   npm run bench -- --no-pictures      skip M illustrated (M again with a cover per work and a
//                                       picture every 10 chapters: what pictures cost)
//   npm run bench -- --peer starlight   this site and Astro Starlight side by side on the same
//                                       stories, interleaved: ratios (src/cli/bench-peer.ts)

if (process.argv.includes('--peer')) {
  await import('./bench-peer.ts');
  process.exit();
}
import { cpSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/chromium.ts';
import { generateStory, storySizes } from '../../tests/support/generate-story.ts';
import { illustrateStory } from '../../tests/support/generate-pictures.ts';
import { checkBudgets, type SizeResult } from '../lib/bench/budgets.ts';
import { measureSite, type SiteRun } from '../lib/bench/measure-site.ts';
import { printComparison, printTable } from '../lib/bench/report.ts';
import {
  chromiumVersion,
  header,
  installedVersions,
  medianOfRuns,
  saveResults,
  spreadOfRuns,
  type SiteResults,
} from '../lib/bench/results-file.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'S,M' },
    story: { type: 'string', default: 'content' },
    runs: { type: 'string' },
    check: { type: 'boolean', default: false },
    compare: { type: 'string' },
    save: { type: 'boolean', default: false },
    out: { type: 'string', default: '.tmp/bench/results.json' },
    pictures: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

const root = process.cwd();
const work = path.join(root, '.tmp/bench');

const runs: SiteRun[] = [
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

// Search quality on the largest generated size, and on a long public-domain book the tests use
// (The Adventures of Sherlock Holmes, about 105,000 words): generated text repeats little, a
// real book repeats a lot.
const largest = runs.filter((run) => run.words !== undefined && run.pictures === undefined).at(-1);
if (largest) largest.quality = true;
const book = path.join(work, 'book', 'content');
rmSync(book, { recursive: true, force: true });
cpSync(
  path.join(root, 'tests/fixtures/library/the-adventures-of-sherlock-holmes'),
  path.join(book, 'the-adventures-of-sherlock-holmes'),
  { recursive: true },
);
runs.push({ size: 'book', contentDir: book, quality: true });

const browser = await launchChromium();
const sizes: SiteResults['sizes'] = [];
try {
  for (const run of runs) {
    // Builds repeat (3 by default; L once: it takes minutes), so a figure comes with its spread;
    // Lighthouse runs once, on the first.
    const repeat = Number(values.runs ?? (run.size === 'L' ? 1 : 3));
    const measured: SizeResult[] = [];
    for (let i = 0; i < repeat; i++) {
      console.error(`${run.size}: run ${i + 1} of ${repeat}`);
      measured.push(
        await measureSite(run, browser, work, { lighthouse: i === 0, quality: i === 0 }),
      );
    }
    sizes.push({
      size: run.size,
      runs: measured,
      median: medianOfRuns(measured),
      spread: spreadOfRuns(measured),
    });
  }
} finally {
  await browser.close();
}
const results = sizes.map((s) => s.median);
const checks = checkBudgets(results);
const saved: SiteResults = {
  ...header(
    'site',
    installedVersions(['astro', 'vite', 'pagefind', 'tailwindcss', 'lighthouse'], {
      chromium: chromiumVersion() ?? 'unknown',
    }),
  ),
  kind: 'site',
  sizes,
  budgets: checks,
};

mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(saved, null, 2)}\n`);
printTable(results);
if (values.compare) {
  const earlier = JSON.parse(readFileSync(values.compare, 'utf8')) as Partial<SiteResults> & {
    results?: SizeResult[];
  };
  printComparison(earlier.sizes?.map((s) => s.median) ?? earlier.results ?? [], results);
}
console.log('\nBudgets');
for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.actual}`);
console.log(`\nResults written to ${values.out}`);
if (values.save) {
  const file = await saveResults(root, saved);
  console.log(
    `Saved to ${path.relative(root, file)}: run \`npm run bench:tables\` to update docs/performance.md`,
  );
}
if (values.check && checks.some((c) => !c.pass)) process.exitCode = 1;
