// What the service worker (src/scripts/service-worker.ts) and the "Save for offline" script
// (src/scripts/saved-works.ts) agree on: the names of the caches and which request goes where.
// Pure functions of strings, so the rules are unit-tested without a browser.

/**
 * The kinds of cache a site keeps, each named for one build, so that a page is only ever shown
 * with files of its own build:
 *
 * - `shell`: precached when the worker installs (CSS, scripts, default fonts, home, search, 404,
 *   the offline page, the app manifest and icons).
 * - `pages`: pages the reader opened, and what they loaded, as they were read.
 * - `work`: one saved work: every page of it and everything those pages load. Complete on its
 *   own, so an older build's saved copy still reads right until it is refreshed.
 * - `search`: the search files every saved work shares (Pagefind's script, WebAssembly, entry,
 *   metadata and index chunks); each work keeps its own fragments.
 */
export type CacheKind = 'shell' | 'pages' | 'work' | 'search';

export interface CacheName {
  base: string;
  kind: CacheKind;
  build: string;
  /** The saved work's slug, for `work` caches. */
  work?: string;
}

const prefix = 'fiction-reader';

/**
 * A cache's name: `fiction-reader:<base>:<kind>[:<work>]:<build>`. The base path is in it because
 * Cache Storage belongs to the origin, and two GitHub Pages project sites share one.
 */
export function cacheName({ base, kind, build, work }: CacheName): string {
  return [prefix, base, kind, ...(kind === 'work' ? [work ?? ''] : []), build].join(':');
}

/** The parts of one of this project's cache names; undefined for any other cache. */
export function parseCacheName(name: string): CacheName | undefined {
  const parts = name.split(':');
  if (parts[0] !== prefix) return undefined;
  const [, base, kind] = parts;
  if (!base?.startsWith('/')) return undefined;
  if (kind === 'work' && parts.length === 5) {
    return { base, kind, work: parts[3]!, build: parts[4]! };
  }
  if ((kind === 'shell' || kind === 'pages' || kind === 'search') && parts.length === 4) {
    return { base, kind, build: parts[3]! };
  }
  return undefined;
}

/**
 * The caches a newly active worker of `build` deletes: every other build's shell and pages, and
 * its search files unless a saved work of that build still needs them. Saved works of other
 * builds stay (they read right on their own) until the page refreshes them: that needs the
 * network and a new download, which is the page's job, not the activating worker's.
 */
export function cachesToDelete(names: string[], base: string, build: string): string[] {
  const ours = names.map((name) => ({ name, parsed: parseCacheName(name) }));
  const savedBuilds = new Set(
    ours
      .filter(({ parsed }) => parsed?.base === base && parsed.kind === 'work')
      .map(({ parsed }) => parsed!.build),
  );
  return ours
    .filter(({ parsed }) => {
      if (!parsed || parsed.base !== base || parsed.build === build) return false;
      if (parsed.kind === 'work') return false;
      if (parsed.kind === 'search') return !savedBuilds.has(parsed.build);
      return true;
    })
    .map(({ name }) => name);
}

/**
 * How the worker answers a request:
 *
 * - `page`: a page (a navigation): network first, so an online reader always gets the newest
 *   text; the saved or read copy when the network fails.
 * - `asset`: a file whose name changes with its content (`/_astro/*`, Pagefind's chunks,
 *   fragments and metadata): cache first, it can never be stale.
 * - `file`: any other file of the site (Pagefind's script and entry, the app manifest, feeds,
 *   EPUBs): network first, the cache when offline.
 * - `none`: not the worker's business: another origin, not a GET, outside the site, or the
 *   worker script itself (the browser fetches that on its own terms).
 */
export type Strategy = 'page' | 'asset' | 'file' | 'none';

export function strategyFor(
  request: { url: string; method: string; mode: string },
  scope: string,
): Strategy {
  if (request.method !== 'GET') return 'none';
  const url = new URL(request.url);
  const site = new URL(scope);
  if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return 'none';
  const path = url.pathname.slice(site.pathname.length - 1); // the site path, from its `/`
  if (path === `/${workerFile}`) return 'none';
  if (request.mode === 'navigate') return 'page';
  if (/^\/_astro\//.test(path) || /^\/pagefind\/(fragment|index|filter)\//.test(path)) {
    return 'asset';
  }
  if (/^\/pagefind\/pagefind\.[^/]+\.pf_meta$/.test(path)) return 'asset';
  return 'file';
}

/** The worker script's file name at the site's root (its scope is the whole site). */
export const workerFile = 'sw.js';

/** The work manifest's file name in each work's folder: `/<work>/offline.json`. */
export const workManifestFile = 'offline.json';

/**
 * The key a page is cached under: its URL without query or fragment, so a search result's link
 * (`/work/chapter/?hl=alarm#p-…`) opens the saved page.
 */
export function pageKey(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/**
 * The source picture a resized image was made from, or undefined for any other file. Astro
 * names every size and format of one picture `<name>.<source hash>_<transform hash>.<ext>`
 * (`/_astro/map.CBlu_G9q_Z2h17ij.webp`); a saved work keeps one size of each, and the worker
 * offers it when the page asks for another (a phone turned sideways picks a wider one).
 */
export function pictureSource(url: string): string | undefined {
  const match = /\/_astro\/([^/]+\.[\w-]{8})_[\w-]+\.(?:webp|avif|png|jpe?g|gif)$/.exec(
    new URL(url).pathname,
  );
  return match?.[1];
}
