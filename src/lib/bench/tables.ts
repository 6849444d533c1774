// docs/performance.md's tables, made from the newest results files (results-file.ts). Each
// table sits between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`; `npm run
// bench:tables` rewrites what is between them, and a unit test fails when the doc and its files
// disagree. The prose around them states no figure of its own.
import { round, type SizeResult } from './budgets.ts';
import type { PeerResults, ResultsHeader, SiteResults, Spread } from './results-file.ts';

type Row = (string | number)[];

function table(head: string[], rows: Row[]): string {
  const line = (cells: Row) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const n = (value: number | undefined) => (value === undefined ? '–' : value.toLocaleString('en'));
const day = (results: ResultsHeader) => results.date.slice(0, 10);

/** `12.1 s (11.8–12.6)` where runs differ, `12.1 s` where they agree or ran once. */
function withSpread(value: number | undefined, spread: Spread | undefined, unit: string): string {
  if (value === undefined) return '–';
  const range = spread ? ` (${n(spread.min)}–${n(spread.max)})` : '';
  return `${n(value)} ${unit}${range}`;
}

/** Where and with what: the first line under each table. */
export function provenance(results: ResultsHeader, file: string): string {
  const { machine, versions } = results;
  const tools = Object.entries(versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return `Measured ${day(results)} with \`${results.command}\` on ${machine.cores} cores (${machine.cpu}), ${n(machine.memoryGB)} GB, ${machine.os}; ${tools}. File: [\`${file}\`](../${file}).`;
}

export function siteTables(site: SiteResults, file: string): Record<string, string> {
  const bySize = site.sizes;
  const medians = bySize.map((s) => s.median);
  const spread = (size: string, at: string) => bySize.find((s) => s.size === size)?.spread[at];
  const runsOf = (size: string) => bySize.find((s) => s.size === size)?.runs.length ?? 0;
  const query = (r: SizeResult, i: number) => {
    const q = r.search?.queries[i];
    return q ? `${n(q.KB)} KB, ${n(q.msToResults)} ms` : '–';
  };
  const plain = medians.filter((r) => !r.pictures);
  const tables: Record<string, string> = {
    'site-sizes': table(
      [
        'size',
        'runs',
        'chapters',
        'words',
        'build',
        'peak memory',
        'words/s',
        'chapter page (gz)',
        'beyond its text (gz)',
        'CSS + JS (gz)',
        'fonts',
        'search index',
        'first query',
        'further query',
      ],
      plain.map((r) => [
        r.size,
        runsOf(r.size),
        n(r.chapters),
        n(r.words),
        withSpread(r.build.seconds, spread(r.size, 'build.seconds'), 's'),
        withSpread(r.build.peakMB, spread(r.size, 'build.peakMB'), 'MB'),
        n(r.wordsPerSecond),
        `${n(r.page.htmlGzipKB)} KB`,
        `${n(r.page.chromeGzipKB)} KB`,
        `${n(round(r.page.cssGzipKB + r.page.jsGzipKB))} KB`,
        `${n(r.page.fontsKB)} KB of ${n(r.page.fontsOfferedKB)}`,
        r.search ? `${n(r.search.indexMB)} MB` : '–',
        query(r, 0),
        query(r, 1),
      ]),
    ),
    'site-search': table(
      ['size', 'query', 'downloaded', 'requests', 'first result', 'chapters drawn', 'trials'],
      plain.flatMap((r) =>
        (r.search?.queries ?? []).map((q, i) => [
          r.size,
          `“${q.query}”`,
          `${n(q.KB)} KB`,
          n(q.requests),
          withSpread(q.msToResults, spread(r.size, `search.queries.${i}.msToResults`), 'ms'),
          q.msToBatch === undefined ? '–' : `${n(q.chapters)} in ${n(q.msToBatch)} ms`,
          q.trials ? `${q.trials.length} per run × ${runsOf(r.size)}` : '–',
        ]),
      ),
    ),
    'site-search-quality': table(
      [
        'size',
        'phrase in the first three',
        'typo corrected',
        'marks outside the passage',
        'word lists (gz)',
        'a miss loads (gz)',
      ],
      medians
        .filter((r) => r.searchQuality)
        .map((r) => {
          const q = r.searchQuality!;
          const share = (value: number) => `${n(round(value * 100))}%`;
          return [
            r.size,
            `${share(q.phrases.share)} (${n(q.phrases.inFirst3)} of ${n(q.phrases.tried)})`,
            `${share(q.typos.share)} (${n(q.typos.corrected)} of ${n(q.typos.tried)})`,
            `at most ${n(q.strayMarks.max)}, mean ${n(q.strayMarks.mean)} (${n(q.strayMarks.landings)} landings)`,
            `${n(q.wordLists.gzipKB)} KB in ${n(q.wordLists.files)} files`,
            `at most ${n(q.wordLists.mostPerMissGzipKB)} KB`,
          ];
        }),
    ),
    'site-epub': table(
      ['size', 'books', 'size of the books', "main thread's time", 'share of the build'],
      medians
        .filter((r) => r.epub && !r.pictures)
        .map((r) => [
          r.size,
          n(r.epub!.files),
          `${n(r.epub!.MB)} MB`,
          `${n(r.epub!.seconds)} s`,
          `${n(round(r.epub!.shareOfBuild * 100))}%`,
        ]),
    ),
    'site-offline': table(
      [
        'size',
        'precached at install',
        'files',
        'saving the first work',
        'files',
        'time to save',
        'first offline result',
      ],
      medians
        .filter((r) => r.offline)
        .map((r) => {
          const o = r.offline!;
          return [
            r.size,
            `${n(round(o.shellKB))} KB (${n(round(o.shellGzipKB))} KB gz)`,
            n(o.shellFiles),
            `${n(round(o.saveKB))} KB`,
            n(o.saveFiles),
            withSpread(o.msToSave, spread(r.size, 'offline.msToSave'), 'ms'),
            withSpread(
              o.msToFirstOfflineResult,
              spread(r.size, 'offline.msToFirstOfflineResult'),
              'ms',
            ),
          ];
        }),
    ),
    'site-pictures': table(
      [
        'size',
        'pictures',
        'first build',
        'without pictures',
        'next build (cached)',
        'image files',
        'a phone downloads',
        'a desktop downloads',
      ],
      medians
        .filter((r) => r.pictures)
        .map((r) => {
          const twin = medians.find((other) => `${other.size}-pictures` === r.size);
          return [
            r.size,
            n(r.pictures!.count),
            withSpread(r.build.seconds, spread(r.size, 'build.seconds'), 's'),
            twin ? `${n(twin.build.seconds)} s` : '–',
            `${n(r.pictures!.warmBuildSeconds)} s`,
            `${n(r.pictures!.imagesMB)} MB`,
            `${n(r.pictures!.phoneKB)} KB`,
            `${n(r.pictures!.desktopKB)} KB`,
          ];
        }),
    ),
    'site-lighthouse': table(
      [
        'page',
        'performance',
        'accessibility',
        'best practices',
        'SEO',
        'FCP',
        'LCP',
        'TBT',
        'Speed Index',
      ],
      medians.flatMap((r) =>
        Object.entries(r.lighthouse ?? {}).map(([page, s]) => [
          `${r.size}: ${page}`,
          s.performance,
          s.accessibility,
          s.bestPractices,
          s.seo,
          `${n(s.metrics.fcp)} ms`,
          `${n(s.metrics.lcp)} ms`,
          `${n(s.metrics.tbt)} ms`,
          `${n(s.metrics.si)} ms`,
        ]),
      ),
    ),
    'site-budgets': table(
      ['budget', 'measured (medians)', 'result'],
      site.budgets.map((b) => [b.name, b.actual, b.pass ? 'PASS' : '**FAIL**']),
    ),
    'site-provenance': provenance(site, file),
  };
  return tables;
}

export function peerTables(peer: PeerResults, file: string): Record<string, string> {
  const builds = (list: { seconds: number }[]) =>
    list.length > 1
      ? ` (${n(Math.min(...list.map((b) => b.seconds)))}–${n(Math.max(...list.map((b) => b.seconds)))})`
      : '';
  const rebuilt = peer.comparisons.find((c) => c.rebuild);
  const phaseRows: Row[] = [];
  for (const c of peer.comparisons) {
    const again = new Map(c.rebuild?.phases.map((p) => [p.name, p.seconds]));
    for (const phase of c.phases)
      phaseRows.push([
        c.size,
        phase.name,
        `${n(phase.seconds)} s`,
        c.rebuild ? `${n(again.get(phase.name))} s` : '–',
      ]);
  }
  return {
    'peer-sizes': table(
      [
        'size',
        'chapters',
        'words',
        'builds each',
        'this site',
        'Starlight',
        'time ratio',
        'peak memory, this site',
        'Starlight',
        'memory ratio',
      ],
      peer.comparisons.map((c) => [
        c.size,
        n(c.chapters),
        n(c.words),
        c.ours.length,
        `${n(c.seconds.ours)} s${builds(c.ours)}`,
        `${n(c.seconds.starlight)} s${builds(c.starlight)}`,
        `${n(c.seconds.ratio)}×`,
        `${n(c.peakMB.ours)} MB`,
        `${n(c.peakMB.starlight)} MB`,
        `${n(c.peakMB.ratio)}×`,
      ]),
    ),
    'peer-rebuild': rebuilt?.rebuild
      ? table(
          ['size', 'rebuilds', 'rebuild', 'cold build', 'share', 'what the cache gave'],
          [
            [
              rebuilt.size,
              rebuilt.rebuild.builds.length,
              `${n(rebuilt.rebuild.seconds)} s${builds(rebuilt.rebuild.builds)}`,
              `${n(rebuilt.seconds.ours)} s`,
              `${n(round(rebuilt.rebuild.ratio * 100))}%`,
              rebuilt.rebuild.reused,
            ],
          ],
        )
      : 'No rebuild in this file (the rebuild is timed at M).',
    'peer-phases': table(['size', 'phase (its log)', 'cold', 'rebuild'], phaseRows),
    'peer-budgets': table(
      ['budget', 'measured (medians)', 'result'],
      peer.budgets.map((b) => [b.name, b.actual, b.pass ? 'PASS' : '**FAIL**']),
    ),
    'peer-provenance': provenance(peer, file),
  };
}

/**
 * Puts each table between its markers. A marker without a table, or a table without a marker,
 * is an error: the doc and the generator must agree on what the doc shows.
 */
export function fillTables(doc: string, tables: Record<string, string>): string {
  const seen = new Set<string>();
  const filled = doc.replace(
    /(<!-- bench:([\w-]+) -->\n)[\s\S]*?(\n<!-- \/bench:\2 -->)/g,
    (_, open: string, name: string, close: string) => {
      const body = tables[name];
      if (body === undefined)
        throw new Error(`docs/performance.md has a table "${name}" that no results file makes`);
      seen.add(name);
      return `${open}\n${body}\n${close}`;
    },
  );
  const missing = Object.keys(tables).filter((name) => !seen.has(name));
  if (missing.length > 0)
    throw new Error(
      `docs/performance.md lacks a place for ${missing.join(', ')}: add <!-- bench:NAME --> and <!-- /bench:NAME --> lines`,
    );
  return filled;
}
