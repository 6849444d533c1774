import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { codeKey } from './code-key.ts';

/**
 * What `astro build` keeps between builds so that a rebuild after an edit redoes only the work
 * the edit touched. Every entry is named by a hash of *all* its inputs and of the code that
 * made it ({@link codeKey}), so an entry can only be found by a build that would make the same
 * bytes: a cache that is never stale by construction, with nothing to invalidate.
 *
 * | kind       | inputs                                     | code                       |
 * | ---------- | ------------------------------------------ | -------------------------- |
 * | `chapters` | the file's path and its Markdown body      | the render worker's graph  |
 * | `previews` | the card's text, the cover's bytes         | the preview worker's graph |
 * | `epubs`    | every file of the container, its date      | the zip module             |
 * | `fonts`    | the font's bytes, the characters to keep   | the font-subset step       |
 *
 * It lives in Astro's cache folder (`cacheDir`, `node_modules/.astro` unless set), beside
 * Astro's own image cache; `astro build --force` clears Astro's content store, not this. Only
 * builds use it (`astro dev` renders on demand). A build that succeeds removes the entries it did
 * not use ({@link sweepBuildCache}), so the folder holds one build's worth.
 */
export type CacheKind = 'chapters' | 'previews' | 'epubs' | 'fonts';

/** What each kind's work is called in the build log. */
const kindNames: Record<CacheKind, string> = {
  chapters: 'rendered chapters',
  previews: 'preview images',
  epubs: 'EPUBs',
  fonts: 'font subsets',
};

/** The code each kind's entries depend on (module graphs, from the project root). */
const kindCode: Record<CacheKind, string> = {
  chapters: 'src/lib/story/render-worker.ts',
  previews: 'src/lib/sharing/preview-image-worker.ts',
  epubs: 'src/lib/epub/zip.ts',
  fonts: 'src/integrations/font-subsets.ts',
};

/**
 * The build's cache, shared by the content loader, the pages (bundled by Vite, so not the same
 * module instance) and the integrations through one global: all run in the build's process.
 */
interface BuildCacheState {
  dir: string;
  /** When the build started: entries not used since are the ones a sweep removes. */
  started: number;
  hits: Record<CacheKind, number>;
  misses: Record<CacheKind, number>;
}

const stateKey = Symbol.for('fiction-reader.build-cache');
type WithState = typeof globalThis & { [stateKey]?: BuildCacheState };

/** Opens the cache for this build (the `buildCache` integration does, for `astro build`). */
export function openBuildCache(dir: string): void {
  const zero = () => ({ chapters: 0, previews: 0, epubs: 0, fonts: 0 });
  // A second's margin: file times may be coarser than the clock.
  (globalThis as WithState)[stateKey] = {
    dir,
    started: Date.now() - 1000,
    hits: zero(),
    misses: zero(),
  };
}

function state(): BuildCacheState | undefined {
  return (globalThis as WithState)[stateKey];
}

/**
 * The key of one piece of work: its kind's code and every input, in order. Inputs are joined
 * unambiguously (each is length-prefixed), so two different input lists never share a key.
 */
export function cacheKey(kind: CacheKind, inputs: (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(`${kind}\0${codeKey(kindCode[kind])}`);
  for (const input of inputs) {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    hash.update(`\0${bytes.byteLength}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * The output cached under `key`, or what `make` makes (then cached). Without an open cache
 * (`astro dev`, `npm run check`), always `make`.
 */
export async function cached(
  kind: CacheKind,
  key: () => string,
  make: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const cache = state();
  if (!cache) return make();
  const file = path.join(cache.dir, kind, key());
  try {
    const bytes = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now); // used by this build: the sweep keeps it
    cache.hits[kind] += 1;
    return bytes;
  } catch {
    // not cached yet
  }
  const bytes = await make();
  cache.misses[kind] += 1;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then renamed: a build killed mid-write never leaves half an entry.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return bytes;
}

/** {@link cached} for a JSON value. */
export async function cachedJson<T>(
  kind: CacheKind,
  key: () => string,
  make: () => Promise<T>,
): Promise<T> {
  let made: { value: T } | undefined;
  const bytes = await cached(kind, key, async () => {
    made = { value: await make() };
    return Buffer.from(JSON.stringify(made.value));
  });
  // What was just made is handed back as is, not read back from its JSON.
  return made ? made.value : (JSON.parse(Buffer.from(bytes).toString('utf8')) as T);
}

/**
 * After a build that succeeded: removes the entries it did not use (what an edit replaced, or a
 * change of code made unreachable) and says what was reused, e.g. "reused 199 of 200 rendered
 * chapters". Returns that line, or nothing without an open cache.
 */
export function sweepBuildCache(): string | undefined {
  const cache = state();
  if (!cache) return undefined;
  let removed = 0;
  for (const kind of Object.keys(kindNames) as CacheKind[]) {
    const dir = path.join(cache.dir, kind);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (statSync(file).mtimeMs < cache.started) {
        rmSync(file, { force: true });
        removed += 1;
      }
    }
  }
  const reused = (Object.keys(kindNames) as CacheKind[])
    .filter((kind) => cache.hits[kind] + cache.misses[kind] > 0)
    .map(
      (kind) =>
        `${cache.hits[kind]} of ${cache.hits[kind] + cache.misses[kind]} ${kindNames[kind]}`,
    );
  return `reused ${reused.join(', ') || 'nothing'}; removed ${removed} unused entr${removed === 1 ? 'y' : 'ies'}`;
}
