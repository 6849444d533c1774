// The benchmark's committed results: `npm run bench -- --save` writes one dated JSON file per
// kind of run into bench/results/ (the site's own figures, or the side-by-side with a peer), with
// the machine and the versions it ran on and every run's figures. docs/performance.md's tables
// are made from the newest files (tables.ts), so a figure in the docs always has a file behind it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { median, round, type BudgetCheck, type SizeResult } from './budgets.ts';
import type { Phase } from './phases.ts';

export const resultsDir = 'bench/results';

export type ResultsKind = 'site' | 'peer';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGB: number;
  os: string;
}

/** What every results file starts with: when, how, where and with what it was measured. */
export interface ResultsHeader {
  kind: ResultsKind;
  date: string;
  /** The command that made it, as typed. */
  command: string;
  machine: Machine;
  versions: Record<string, string>;
}

/** The lowest, the middle and the highest of a figure over repeated runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function thisMachine(): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
  };
}

/** Node's and the measured packages' versions, as installed; Chromium's when it is there. */
export function installedVersions(
  packages: string[],
  extra: Record<string, string> = {},
): Record<string, string> {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const versions: Record<string, string> = { node: process.versions.node };
  for (const name of packages) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // A package without an exported package.json: read it from the folder.
      const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
      if (existsSync(file)) versions[name] = JSON.parse(readFileSync(file, 'utf8')).version;
    }
  }
  return { ...versions, ...extra };
}

/** Debian's Chromium, as `chromium --version` names it. */
export function chromiumVersion(binary = '/usr/bin/chromium'): string | undefined {
  try {
    return /[\d.]+/.exec(execFileSync(binary, ['--version'], { encoding: 'utf8' }))?.[0];
  } catch {
    return undefined;
  }
}

export function header(kind: ResultsKind, versions: Record<string, string>): ResultsHeader {
  return {
    kind,
    date: new Date().toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: thisMachine(),
    versions,
  };
}

/**
 * Writes `bench/results/<day>-<kind>.json` under `root` and returns its path. A second run on
 * the same day replaces the first: the newest figures of a day are the ones the docs show.
 */
export async function saveResults(root: string, results: ResultsHeader): Promise<string> {
  const dir = path.join(root, resultsDir);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.date.slice(0, 10)}-${results.kind}.json`);
  // As the project's Prettier writes JSON, so that `npm run format:check` passes on it.
  const options = await prettier.resolveConfig(file);
  writeFileSync(
    file,
    await prettier.format(JSON.stringify(results, null, 2), { ...options, filepath: file }),
  );
  return file;
}

/** The newest results file of a kind (file names sort by date), or undefined when none is kept. */
export function newestResults<T extends ResultsHeader>(
  root: string,
  kind: ResultsKind,
): { file: string; results: T } | undefined {
  const dir = path.join(root, resultsDir);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir)
    .filter((file) => file.endsWith(`-${kind}.json`))
    .sort()
    .at(-1);
  if (!name) return undefined;
  const file = path.join(dir, name);
  return { file, results: JSON.parse(readFileSync(file, 'utf8')) as T };
}

export function spreadOf(values: number[]): Spread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/**
 * The run of medians: every number in `runs` replaced by its median over the runs that have it
 * (a figure measured only once, Lighthouse say, keeps its one value); anything else from the
 * first run that has it. Budgets are checked on it, and the tables show it.
 */
export function medianOfRuns<T>(runs: T[]): T {
  const defined = runs.filter((run) => run !== undefined && run !== null);
  const first = defined[0];
  if (typeof first === 'number') return median(defined as number[]) as T;
  if (Array.isArray(first)) {
    const length = Math.max(...defined.map((run) => (run as unknown[]).length));
    return Array.from({ length }, (_, i) =>
      medianOfRuns(defined.map((run) => (run as unknown[])[i])),
    ) as T;
  }
  if (first && typeof first === 'object') {
    const keys = [...new Set(defined.flatMap((run) => Object.keys(run as object)))];
    return Object.fromEntries(
      keys.map((key) => [
        key,
        medianOfRuns(defined.map((run) => (run as Record<string, unknown>)[key])),
      ]),
    ) as T;
  }
  return first as T;
}

/**
 * Every number that differs between runs, by its path (`build.seconds`,
 * `search.queries.0.msToResults`): how far repeated runs spread.
 */
export function spreadOfRuns(runs: unknown[]): Record<string, Spread> {
  const values = new Map<string, number[]>();
  const visit = (value: unknown, at: string) => {
    if (typeof value === 'number') values.set(at, [...(values.get(at) ?? []), value]);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) visit(inner, at ? `${at}.${key}` : key);
  };
  for (const run of runs) visit(run, '');
  const spreads: Record<string, Spread> = {};
  for (const [at, found] of values) {
    if (found.length > 1 && Math.min(...found) !== Math.max(...found))
      spreads[at] = spreadOf(found);
  }
  return spreads;
}

/** A results file of `npm run bench`: every run of every size, their medians and spread. */
export interface SiteResults extends ResultsHeader {
  kind: 'site';
  sizes: { size: string; runs: SizeResult[]; median: SizeResult; spread: Record<string, Spread> }[];
  /** The budgets, checked on the medians. */
  budgets: BudgetCheck[];
}

/** A build without its log, as a results file keeps it. */
export interface SavedBuild {
  seconds: number;
  peakMB: number | undefined;
}

/**
 * One size built by both sites: every build (with its log while the benchmark runs, `TimedBuild`;
 * without it in a results file, `SavedBuild`), the medians and where this site's time went.
 */
export interface PeerComparison<Build extends SavedBuild = SavedBuild> {
  size: string;
  chapters: number;
  words: number;
  /** Every build, in the order they ran (interleaved with the peer's). */
  ours: Build[];
  starlight: Build[];
  /** Medians, and this site's over the peer's. */
  seconds: { ours: number; starlight: number; ratio: number };
  peakMB: { ours: number; starlight: number; ratio: number };
  /** Where this site's median build spent its time, from its log. */
  phases: Phase[];
  /** Rebuilds after editing one chapter, with the last cold build's cache (M only). */
  rebuild?: { builds: Build[]; seconds: number; ratio: number; reused: string; phases: Phase[] };
}

/** A results file of `npm run bench -- --peer starlight`: both sites' builds, size by size. */
export interface PeerResults extends ResultsHeader {
  kind: 'peer';
  comparisons: PeerComparison[];
  budgets: BudgetCheck[];
}
