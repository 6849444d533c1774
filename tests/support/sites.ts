import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { siteBase } from '../../src/lib/base.ts';
import { generateStory, type StoryShape } from './generate-story.ts';

/** The project root (tests/support/..). */
export const root = path.resolve(import.meta.dirname, '../..');

/** The story folders the build and browser tests build, by name. */
export const sites = {
  /** The real story, exactly as `npm run build` builds it. */
  story: path.join(root, 'content'),
  /** A showcase of every markup feature plus a real public-domain book (Holmes), several works. */
  library: path.join(root, 'tests/fixtures/library'),
  /** The library again, published as a GitHub Pages project site under `/my-story/`. */
  libraryUnderBase: path.join(root, 'tests/fixtures/library'),
  /** Short works in Chinese, Japanese, Arabic, Hebrew, Russian and French (issue #25). */
  languages: path.join(root, 'tests/fixtures/languages'),
  /** A serial with drafts and a scheduled chapter, built on a fixed date (`BUILD_DATE`). */
  publishing: path.join(root, 'tests/fixtures/publishing'),
  /** The same serial as the author previews it (`PREVIEW=1`): drafts included, marked. */
  publishingPreview: path.join(root, 'tests/fixtures/publishing'),
  /** The public-domain corpora beside the project (CI and maintainers have them; users do not). */
  corpora: path.resolve(root, '../shared/corpora'),
  /** A 365-chapter novel in four books of three parts each, generated (see `generatedSites`). */
  longNovel: path.join(root, '.tmp/content/long-novel'),
} as const;

export type SiteName = keyof typeof sites;

/** The long novel's shape: 365 short chapters in 12 parts ("Book II — Part III: Summer 1806"). */
export const longNovelShape = {
  works: 1,
  chaptersPerWork: 365,
  wordsPerChapter: 120,
  parts: 12,
} as const;

/** Sites whose story folder is generated, deterministically, before each build: never committed. */
const generatedSites: Partial<Record<SiteName, StoryShape>> = { longNovel: longNovelShape };

/** A GitHub Pages project site's address, written without its trailing slash (the build adds it). */
export const projectSiteUrl = 'https://someone.github.io/my-story';

/** The moment the publishing fixture is built at: a minute before its Friday chapter is due. */
export const publishingBuildDate = '2026-12-04T17:59';

/** What a site's build is told beside its story folder. */
const buildEnv: Partial<Record<SiteName, Record<string, string>>> = {
  libraryUnderBase: { SITE_URL: projectSiteUrl },
  publishing: { BUILD_DATE: publishingBuildDate },
  publishingPreview: { BUILD_DATE: publishingBuildDate, PREVIEW: '1' },
};

/** The path a site's pages live under: `/`, or `/my-story/` for the project site. */
export function baseOf(name: SiteName): string {
  const siteUrl = buildEnv[name]?.['SITE_URL'];
  return siteUrl ? siteBase(siteUrl) : '/';
}

/** The sites whose story folder exists on this machine (or is generated). */
export const availableSites = (Object.keys(sites) as SiteName[]).filter(
  (name) => generatedSites[name] || existsSync(sites[name]),
);

/** Where a site's build lands: `.tmp/sites/<name>/dist`. */
export function distOf(name: SiteName): string {
  return path.join(root, '.tmp/sites', name, 'dist');
}

// Run Astro with the Node that runs the tests (Node 24 from the `node` package under npm).
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');

/** Result of one `astro build` run. */
export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build --force` on a story folder into `outDir`, the way `npm run build` does. */
export function runAstroBuild(
  contentDir: string,
  outDir: string,
  env: Record<string, string> = {},
): BuildResult {
  const result = spawnSync(process.execPath, [astroBin, 'build', '--force', '--outDir', outDir], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: `${outDir}.cache`,
      CONTENT_DIR: contentDir,
      ...env,
    },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Builds a site unless an identical build exists (same sources, same content): the build and
 * e2e tiers share it, and re-running tests after a test-only change costs nothing.
 */
export function ensureSite(name: SiteName): string {
  const shape = generatedSites[name];
  if (shape) generateStory(sites[name], shape);
  return ensureBuild(sites[name], distOf(name), buildEnv[name]);
}

function ensureBuild(contentDir: string, dist: string, env: Record<string, string> = {}): string {
  const stamp = path.join(path.dirname(dist), 'fingerprint');
  const fingerprint = `${JSON.stringify(env)} ${fingerprintOf([
    contentDir,
    'src',
    'public',
    'astro.config.mjs',
    'package-lock.json',
  ])}`;
  if (existsSync(dist) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint)
    return dist;
  const fresh = `${dist}.building`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(path.dirname(dist), { recursive: true });
  const result = runAstroBuild(contentDir, fresh, env);
  if (result.status !== 0) throw new Error(`building ${contentDir} failed:\n${result.output}`);
  writeFileSync(buildLogOf(dist), result.output);
  rmSync(dist, { recursive: true, force: true });
  renameSync(fresh, dist);
  writeFileSync(stamp, fingerprint);
  return dist;
}

/**
 * The library fixture as its author might revise it after a reader's visit: "The Letter"
 * removed, an epilogue added at the end, and the opening paragraph of "Departure" rewritten (so
 * its passage id changes). Built on demand by the browser tests of resuming.
 */
export function ensureRevisedLibrary(): string {
  const content = path.join(root, '.tmp/content/library-revised');
  rmSync(content, { recursive: true, force: true });
  cpSync(sites.library, content, { recursive: true });
  const work = path.join(content, 'markup-showcase');
  rmSync(path.join(work, '02-the-letter.md'));
  const departure = path.join(work, '05-departure.md');
  writeFileSync(
    departure,
    readFileSync(departure, 'utf8').replace(
      'The train left at 9:05 sharp',
      'The train left at a quarter past nine',
    ),
  );
  writeFileSync(
    path.join(work, '06-epilogue.md'),
    '---\ntitle: "Epilogue"\npublished: 2024-04-01\n---\n\nAda wrote home from the city.\n',
  );
  return ensureBuild(content, path.join(root, '.tmp/sites/library-revised/dist'));
}

/** What the build of a site (its `dist` folder) printed, kept beside it. */
export function buildLogOf(dist: string): string {
  return path.join(path.dirname(dist), 'build.log');
}

function fingerprintOf(entries: string[]): string {
  const hash = createHash('sha256');
  const walk = (target: string) => {
    const full = path.resolve(root, target);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const child of readdirSync(full).sort()) walk(path.join(full, child));
    } else {
      hash.update(full).update(readFileSync(full));
    }
  };
  entries.forEach(walk);
  return hash.digest('hex');
}
