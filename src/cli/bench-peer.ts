// `npm run bench -- --peer starlight`: this site and Astro Starlight build the same generated
// stories side by side, interleaved (this site, Starlight, Starlight, this site, …, so a machine
// that slows down mid-run slows both), and the budgets are checked on the ratios. These machines
// swing 2× between runs; within one run, the ratio holds.
//
//   npm run bench -- --peer starlight                 M, 3 builds each
//   npm run bench -- --peer starlight --sizes M,L     and L, 1 build each (minutes)
//   npm run bench -- --peer starlight --runs 5        builds per size (L: at most this, default 1)
//   npm run bench -- --peer starlight --check         exit non-zero when a budget fails
//   npm run bench -- --peer starlight --save          also keep the results in
//                                                     bench/results/<day>-peer.json (docs/performance.md)
//
// Starlight is installed from npm at its current version into .tmp/bench/peer-starlight (never
// into this project's dependencies); see src/lib/bench/peer-starlight.ts.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, round, type BudgetCheck } from '../lib/bench/budgets.ts';
import { generateStory, storySizes } from '../../tests/support/generate-story.ts';
import { installStarlight, writeStarlightContent } from '../lib/bench/peer-starlight.ts';
import { buildPhases } from '../lib/bench/phases.ts';
import { timedBuild, type TimedBuild } from '../lib/bench/timed-build.ts';
import {
  header,
  installedVersions,
  saveResults,
  type PeerComparison,
  type PeerResults,
} from '../lib/bench/results-file.ts';

const { values } = parseArgs({
  options: {
    peer: { type: 'string' },
    sizes: { type: 'string', default: 'M' },
    runs: { type: 'string' },
    check: { type: 'boolean', default: false },
    out: { type: 'string', default: '.tmp/bench/peer.json' },
    save: { type: 'boolean', default: false },
    version: { type: 'string', default: 'latest' },
  },
});
if (values.peer !== 'starlight')
  throw new Error(`unknown peer "${values.peer}": the benchmark knows "starlight"`);

const root = process.cwd();
const work = path.join(root, '.tmp/bench');
console.error(`installing Astro Starlight (${values.version}) into .tmp/bench/peer-starlight…`);
const peer = installStarlight(path.join(work, 'peer-starlight'), values.version);
console.error(
  `peer: ${Object.entries(peer.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}`,
);

type SizeComparison = PeerComparison<TimedBuild>;

const comparisons: SizeComparison[] = [];
for (const size of values.sizes.split(',').map((s) => s.trim()) as (keyof typeof storySizes)[]) {
  const shape = storySizes[size];
  if (!shape) throw new Error(`unknown size "${size}"; use S, M or L`);
  const runs = Number(values.runs ?? (size === 'L' ? 1 : 3));
  const contentDir = path.join(work, size, 'content');
  console.error(`generating ${size}: ${shape.works} works × ${shape.chaptersPerWork} chapters…`);
  const words = generateStory(contentDir, shape);
  const pages = writeStarlightContent(contentDir, peer);
  const ours: TimedBuild[] = [];
  const starlight: TimedBuild[] = [];
  const buildOurs = async () => {
    const dist = path.join(work, size, 'dist');
    rmSync(`${dist}.cache`, { recursive: true, force: true });
    ours.push(await timedBuild(contentDir, dist));
    console.error(`  ${size} this site: ${ours.at(-1)!.seconds} s, ${ours.at(-1)!.peakMB} MB`);
  };
  const buildPeer = async () => {
    const dist = path.join(work, size, 'starlight-dist');
    rmSync(`${dist}.cache`, { recursive: true, force: true });
    starlight.push(await timedBuild(contentDir, dist, `${dist}.cache`, peer.dir));
    console.error(
      `  ${size} Starlight (${pages} pages): ${starlight.at(-1)!.seconds} s, ${starlight.at(-1)!.peakMB} MB`,
    );
  };
  for (let run = 0; run < runs; run++) {
    // ABBA order: neither always goes first onto a machine that is warming up or slowing down.
    if (run % 2 === 0) {
      await buildOurs();
      await buildPeer();
    } else {
      await buildPeer();
      await buildOurs();
    }
  }
  const seconds = {
    ours: median(ours.map((b) => b.seconds)),
    starlight: median(starlight.map((b) => b.seconds)),
  };
  const peak = {
    ours: median(ours.map((b) => b.peakMB ?? 0)),
    starlight: median(starlight.map((b) => b.peakMB ?? 0)),
  };
  const typical = ours.find((b) => b.seconds === seconds.ours) ?? ours[0]!;
  // The rebuild an author waits for: one chapter edited, the build run again with the cache of
  // the last cold build (a new edit each time, so each rebuild has work to redo).
  let rebuild: SizeComparison['rebuild'];
  if (size === 'M') {
    const dist = path.join(work, size, 'dist');
    const builds: TimedBuild[] = [];
    for (let run = 0; run < runs; run++) {
      const edited = editOneChapter(contentDir, run);
      builds.push(await timedBuild(contentDir, dist));
      console.error(
        `  ${size} this site, rebuilt after editing ${edited}: ${builds.at(-1)!.seconds} s`,
      );
    }
    const rebuilt = median(builds.map((b) => b.seconds));
    const typicalRebuild = builds.find((b) => b.seconds === rebuilt) ?? builds[0]!;
    rebuild = {
      builds,
      seconds: rebuilt,
      ratio: round(rebuilt / seconds.ours, 2),
      reused: /reused [^\n]*/.exec(typicalRebuild.log)?.[0] ?? 'no cache summary in the log',
      phases: buildPhases(typicalRebuild.log),
    };
  }
  comparisons.push({
    size,
    chapters: shape.works * shape.chaptersPerWork,
    words,
    ours,
    starlight,
    seconds: { ...seconds, ratio: round(seconds.ours / seconds.starlight, 2) },
    peakMB: { ...peak, ratio: round(peak.ours / peak.starlight, 2) },
    phases: buildPhases(typical.log),
    ...(rebuild ? { rebuild } : {}),
  });
}

/**
 * Edits the middle chapter of the first work as an author would (a paragraph added, different
 * for each `revision`) and returns its file name.
 */
function editOneChapter(contentDir: string, revision: number): string {
  const work = path.join(contentDir, readdirSync(contentDir).sort()[0]!);
  const chapters = readdirSync(work)
    .filter((file) => /^\d+-.*\.md$/.test(file))
    .sort();
  const chapter = chapters[Math.floor(chapters.length / 2)]!;
  const file = path.join(work, chapter);
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8').trimEnd()}\n\nRevision ${revision + 1}: the author came back to this chapter and added a paragraph.\n`,
  );
  return chapter;
}

console.log(
  `\nThis site and Astro Starlight ${peer.versions['@astrojs/starlight']} (Astro ${peer.versions['astro']}, Pagefind ${peer.versions['pagefind']}), same stories, builds interleaved; medians`,
);
console.log(
  '\n| size | chapters | words | builds | this site s | Starlight s | time ratio | this site peak MB | Starlight peak MB | memory ratio |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const c of comparisons)
  console.log(
    `| ${c.size} | ${c.chapters} | ${c.words.toLocaleString('en')} | ${c.ours.length} | ${c.seconds.ours} | ${c.seconds.starlight} | ${c.seconds.ratio}× | ${c.peakMB.ours} | ${c.peakMB.starlight} | ${c.peakMB.ratio}× |`,
  );
for (const c of comparisons) {
  if (!c.rebuild) continue;
  console.log(
    `\n${c.size}, rebuilt after editing one chapter: ${c.rebuild.seconds} s (median of ${c.rebuild.builds.length}), ${c.rebuild.ratio}× this site's cold build; ${c.rebuild.reused}`,
  );
}
for (const c of comparisons) {
  console.log(`\nWhere this site's ${c.size} build spends its time (its log, median build)`);
  const rebuilt = new Map(c.rebuild?.phases.map((p) => [p.name, p.seconds]));
  console.log(
    c.rebuild ? '| phase | cold s | rebuild s |\n|---|---|---|' : '| phase | seconds |\n|---|---|',
  );
  for (const phase of c.phases)
    console.log(
      `| ${phase.name} | ${phase.seconds} |${c.rebuild ? ` ${rebuilt.get(phase.name) ?? '–'} |` : ''}`,
    );
}

/** The issue's budgets, on ratios measured in this run. */
const budgets: BudgetCheck[] = [];
for (const c of comparisons) {
  const limit = c.size === 'M' ? 1.0 : c.size === 'L' ? 0.5 : undefined;
  if (limit !== undefined)
    budgets.push({
      name: `${c.size}: cold build ≤ ${limit.toFixed(1)}× Starlight's`,
      pass: c.seconds.ratio <= limit,
      actual: `${c.seconds.ratio}× (${c.seconds.ours} s against ${c.seconds.starlight} s)`,
    });
  if (c.rebuild)
    budgets.push({
      name: `${c.size}: rebuild after editing one chapter ≤ 25% of a cold build`,
      pass: c.rebuild.ratio <= 0.25,
      actual: `${Math.round(c.rebuild.ratio * 100)}% (${c.rebuild.seconds} s against ${c.seconds.ours} s)`,
    });
  if (c.size === 'L')
    budgets.push({
      name: 'L: peak memory of the build processes ≤ Starlight’s',
      pass: c.peakMB.ratio <= 1,
      actual: `${c.peakMB.ratio}× (${c.peakMB.ours} MB against ${c.peakMB.starlight} MB)`,
    });
}
console.log('\nBudgets');
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.actual}`);
if (budgets.length === 0) console.log('  (none at these sizes: the budgets are for M and L)');

const saved: PeerResults = {
  ...header(
    'peer',
    installedVersions(['astro', 'vite', 'pagefind'], {
      ...Object.fromEntries(
        Object.entries(peer.versions).map(([name, version]) => [`peer ${name}`, version]),
      ),
    }),
  ),
  kind: 'peer',
  comparisons: comparisons.map(({ ours, starlight, rebuild, ...c }) => ({
    ...c,
    ours: ours.map(({ log: _log, ...b }) => b),
    starlight: starlight.map(({ log: _log, ...b }) => b),
    ...(rebuild
      ? { rebuild: { ...rebuild, builds: rebuild.builds.map(({ log: _log, ...b }) => b) } }
      : {}),
  })),
  budgets,
};
mkdirSync(path.dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(saved, null, 2)}\n`);
console.log(`\nResults written to ${values.out}`);
if (values.save) {
  const file = await saveResults(root, saved);
  console.log(
    `Saved to ${path.relative(root, file)}: run \`npm run bench:tables\` to update docs/performance.md`,
  );
}
if (values.check && budgets.some((b) => !b.pass)) process.exitCode = 1;
