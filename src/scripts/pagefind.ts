// Loads the Pagefind index the build wrote to /pagefind/ (under the site's base path). Its URL is built at run time: a
// literal import('/pagefind/pagefind.js') breaks the Vite build, and `astro dev` has no index.

import { storageKey, withBase } from '../lib/base.ts';

/** Pagefind's filters: a value, all of several, or `{ any: [...] }` for any of several. */
export type PagefindFilters = Record<string, string | string[] | { any: string[] }>;

/** The part of Pagefind's browser API this site uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: PagefindFilters }): Promise<PagefindSearch>;
  preload(query: string, options?: { filters?: PagefindFilters }): Promise<void>;
}

export interface PagefindSearch {
  results: { id: string; score: number; data(): Promise<PagefindPage> }[];
  unfilteredResultCount: number;
  /** For each filter, how many of the results have each of its values. */
  filters: Record<string, Record<string, number>>;
}

export interface PagefindLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  weighted_locations?: PagefindLocation[];
}

export interface PagefindPage {
  url: string;
  /** The page's indexed text; `locations` count its words. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
  locations: number[];
}

/** The query parameter that carries search words to the opened page, for highlighting. */
export const highlightParam = 'hl';

/**
 * Where a page keeps the query its header search showed when the reader left it (for Back):
 * per page address, in the tab's session storage.
 */
export function headerQueryKey(page: string): string {
  return storageKey(`header-search:${page}`);
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind, initialised once per page; rejects where it cannot load (offline, or `astro dev`,
 * which builds no index). The first call decides where it searches: `{ worker: true }` for a
 * page that searches as it opens (see below), else the page's own thread.
 */
export function loadPagefind({ worker = false } = {}): Promise<Pagefind> {
  loading ??= (async () => {
    const url = new URL(withBase('/pagefind/pagefind.js'), location.origin).href;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // A search typed into an idle page takes a few milliseconds of WebAssembly after typing
    // pauses: on the page's own thread, as the worker would cost one more download (13 KB) and
    // its start-up. A page opened with a query (/search/?q=…) searches while it is still
    // starting: there Pagefind's worker (pagefind-worker.js) unpacks and searches the index,
    // and the page stays responsive (Lighthouse's blocking time on that page: 190–280 ms on its
    // own thread, under 75 ms with the worker). Where the worker cannot start, Pagefind falls
    // back to the page's thread.
    // Result URLs are indexed as the site serves them, base path included
    // (src/integrations/search-index.ts); Pagefind would otherwise prefix the folder it was
    // loaded from (`/my-story/`) a second time.
    // The entry is fetched as `pagefind-entry.json?ts=<build>`: one URL per build, which the
    // service worker finds in a saved work's search files offline (Pagefind would otherwise
    // add the time, a URL no cache holds).
    await pagefind.options({
      highlightParam,
      excerptLength: 28,
      // An excerpt cut from its passage says so at the cut.
      excerptEllipsis: '…',
      baseUrl: '/',
      noWorker: !worker,
      metaCacheTag: document.documentElement.dataset['build'],
    });
    await pagefind.init();
    return pagefind;
  })();
  // A failed load (a dropped connection, a blocked file) is tried again by the next search,
  // rather than leaving search broken until the page reloads.
  loading.catch(() => (loading = undefined));
  return loading;
}
