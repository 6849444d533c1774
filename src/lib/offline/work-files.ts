// The lists the offline build step writes: the app shell the worker precaches, and for each work
// what "Save for offline" stores. Build-time only (Node).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFragments } from '../search/fragments.ts';
import { stopWordListOf } from '../search/stop-words.ts';
import { BuiltSite, filesLoadedBy, withSizes, type SiteFile } from './site-files.ts';

/** What the model says of a work (`/<work>/offline.json` as the route writes it). */
export interface WorkPages {
  work: string;
  title: string;
  /** Every page of the work: contents, entire work, chapters and their old URLs. */
  pages: string[];
  /** Files the pages' scripts fetch (the chapter list "Continue reading" checks). */
  data: string[];
}

/** `/<work>/offline.json` once the build step has completed it. */
export interface WorkManifest extends WorkPages {
  /** The build these files belong to (`data-build` on every page). */
  build: string;
  /** The work's pages and everything they load, and the work's search fragments. */
  files: SiteFile[];
  /** The search files every saved work shares (kept once, in the `search` cache). */
  search: SiteFile[];
  /** Bytes of `files` and `search` together: what saving downloads and keeps. */
  bytes: number;
}

/** Pagefind's files a search needs besides the pages' fragments, and which fragment is whose. */
export interface SearchFiles {
  shared: SiteFile[];
  /** Page URL → its fragment's URL. */
  fragments: Map<string, string>;
}

/**
 * The pages and files precached when the worker installs: home, search, 404 and the offline
 * page, every stylesheet and script of the site (pages share them; a chapter's scripts are a
 * few KB), the fonts pages preload (the other fonts come with a saved work), the favicon, the
 * app manifest and its icons.
 */
export function shellFiles(site: BuiltSite): SiteFile[] {
  const pages = ['', 'search/', 'offline/', '404.html'].map((page) => `${site.base}${page}`);
  // Stop words only for the languages the site's search index has (an English site does
  // without the other eighteen lists).
  const languages = new Set(
    Object.keys(pagefindLanguages(site)).map((language) => stopWordListOf(language)),
  );
  const scripts = readdirSync(path.join(site.dir, '_astro'))
    .filter((file) => /\.(js|css)$/.test(file))
    .filter(
      (file) => !/^stopwords_/.test(file) || languages.has(/^stopwords_([a-z]+)/.exec(file)![1]),
    )
    .sort()
    .map((file) => `${site.base}_astro/${file}`);
  const urls = [
    ...pages.flatMap((page) => filesLoadedBy(site, page, { allFonts: false })),
    ...scripts,
  ];
  return withSizes(site, urls, 'the app shell');
}

/**
 * Pagefind's files: its script and its worker's, WebAssembly, highlighter, metadata, and every index and filter
 * chunk (a word of any work can be in any chunk), with the entry under the URL Pagefind asks
 * for when its `metaCacheTag` is the build (`pagefind-entry.json?ts=<build>`). Fragments are
 * per page, read from the fragments themselves (gzip, `pagefind_dcd` then JSON with `url`).
 */
export function searchFiles(site: BuiltSite, build: string): SearchFiles {
  const dir = path.join(site.dir, 'pagefind');
  const at = (file: string) => `${site.base}pagefind/${file}`;
  const languages = Object.values(pagefindLanguages(site));
  const chunks = (folder: string) =>
    readdirSync(path.join(dir, folder))
      .sort()
      .map((file) => at(`${folder}/${file}`));
  const shared = [
    ...withSizes(
      site,
      [
        at('pagefind.js'),
        at('pagefind-worker.js'),
        at('pagefind-highlight.js'),
        ...languages.map(({ wasm }) => at(`wasm.${wasm ?? 'unknown'}.pagefind`)),
        ...languages.map(({ hash }) => at(`pagefind.${hash}.pf_meta`)),
        ...chunks('index'),
        ...chunks('filter'),
        // "Did you mean" offline: the words of every saved work are in these lists.
        ...chunks('words'),
      ],
      'search',
    ),
    {
      ...site.siteFile(at('pagefind-entry.json'), 'search'),
      url: `${at('pagefind-entry.json')}?ts=${build}`,
    },
  ];
  const fragments = new Map(
    readFragments(dir).map(({ file, url }) => [url, at(`fragment/${file}`)]),
  );
  return { shared, fragments };
}

/** A work's manifest: its pages with all they load, and its search data. */
export function workManifest(
  site: BuiltSite,
  work: WorkPages,
  build: string,
  search: SearchFiles,
): WorkManifest {
  const urls = work.pages.flatMap((page) => [
    ...filesLoadedBy(site, page),
    ...(search.fragments.has(page) ? [search.fragments.get(page)!] : []),
  ]);
  const files = withSizes(site, [...urls, ...work.data], `the work "${work.work}"`);
  const bytes = [...files, ...search.shared].reduce((sum, file) => sum + file.bytes, 0);
  return { ...work, build, files, search: search.shared, bytes };
}

/** The languages of the site's search index, as Pagefind's entry names them (`en`, `zh-cn`). */
function pagefindLanguages(site: BuiltSite): Record<string, { hash: string; wasm: string | null }> {
  const entry = JSON.parse(
    readFileSync(path.join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  ) as {
    // `wasm` is null for a language Pagefind cannot stem (zh, ja…): it then loads `unknown`.
    languages: Record<string, { hash: string; wasm: string | null }>;
  };
  return entry.languages;
}
