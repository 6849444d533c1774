// Which built files a page needs in order to read right with no connection: read from the
// built HTML, CSS and JavaScript themselves, so nothing is listed by hand and nothing is missed
// when a component gains a script or a font. Build-time only (Node).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { stopWordListOf } from '../search/stop-words.ts';

/** A file of the built site, by its URL path under the base, and its size on disk. */
export interface SiteFile {
  url: string;
  bytes: number;
}

/** The built site on disk, addressed by the URL paths pages use (`/my-story/_astro/x.css`). */
export class BuiltSite {
  readonly #texts = new Map<string, string>();
  readonly dir: string;
  readonly base: string;

  // Fields written out, not as constructor parameters: Node runs this file as it is (the CLI
  // and tests strip types only).
  constructor(dir: string, base: string) {
    this.dir = dir;
    this.base = base;
  }

  /** The file a URL path is served from (`/base/work/` → `work/index.html`); undefined if none. */
  fileOf(url: string): string | undefined {
    if (!url.startsWith(this.base)) return undefined;
    const relative = decodeURIComponent(url.slice(this.base.length));
    const file = path.join(
      this.dir,
      relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative,
    );
    if (!file.startsWith(this.dir) || !existsSync(file) || !statSync(file).isFile())
      return undefined;
    return file;
  }

  /** The URL path and size of a file that exists; throws naming the page that needs a missing one. */
  siteFile(url: string, neededBy: string): SiteFile {
    const file = this.fileOf(url);
    if (!file) throw new Error(`offline: ${neededBy} loads ${url}, which the build did not write`);
    return { url, bytes: statSync(file).size };
  }

  text(url: string): string {
    let text = this.#texts.get(url);
    if (text === undefined) {
      text = readFileSync(this.fileOf(url)!, 'utf8');
      this.#texts.set(url, text);
    }
    return text;
  }
}

/**
 * Every file a page loads, the page first: its stylesheets, scripts and the modules they import,
 * the fonts it preloads, icons, the app manifest and its icons, and one size of each picture
 * (see {@link pictureFiles}). With `allFonts`, every font its CSS names too (WOFF2 only: every
 * browser with a service worker reads it), so a reader can switch fonts offline.
 */
export function filesLoadedBy(
  site: BuiltSite,
  pageUrl: string,
  { allFonts = true }: { allFonts?: boolean } = {},
): string[] {
  const found = new Set<string>([pageUrl]);
  const html = site.text(pageUrl);
  const queue = [...htmlReferences(html, site.base)];
  // A search from this page marks words with its language's stop words only (stop-words.ts).
  const stopWords = `stopwords_${stopWordListOf(scanPage(html).language) ?? ''}.`;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (found.has(url)) continue;
    found.add(url);
    if (url.endsWith('.css')) {
      const named = cssReferences(site.text(url), url, site.base);
      queue.push(...(allFonts ? named : named.filter((file) => !file.endsWith('.woff2'))));
    } else if (url.endsWith('.js')) {
      const imported = moduleImports(site.text(url), url);
      queue.push(
        ...imported.filter((module) => {
          const name = module.slice(module.lastIndexOf('/') + 1);
          return !name.startsWith('stopwords_') || name.startsWith(stopWords);
        }),
      );
    } else if (url.endsWith('.webmanifest')) {
      const { icons = [] } = JSON.parse(site.text(url)) as { icons?: { src: string }[] };
      queue.push(...icons.map((icon) => new URL(icon.src, `http://site${url}`).pathname));
    }
  }
  return [...found];
}

/** Same-site URL paths a page loads as it opens (not the pages it links to). */
export function htmlReferences(html: string, base: string): string[] {
  const { links, scripts, pictures } = scanPage(html);
  return [...links, ...scripts, ...pictures].filter(
    (url) => url.startsWith(base) && !url.startsWith('//'),
  );
}

/**
 * One file for each picture on a page: the widest candidate of its first format (the WebP
 * `<source>` of a `<picture>`), else the widest of an `<img srcset>`, else its `src`. A phone
 * may ask for another width of it (turned sideways); the worker then offers the one saved
 * (`pictureSource` in caches.ts).
 */
export function pictureFiles(html: string): string[] {
  return scanPage(html).pictures;
}

const loadedRels = [
  'stylesheet',
  'preload',
  'modulepreload',
  'icon',
  'apple-touch-icon',
  'manifest',
];

/**
 * What a page's tags load, read with an HTML parser (htmlparser2, streaming: the L benchmark's
 * pages are 300 MB), so any quoting, case or entity an HTML writer may use is read right. In
 * document order: the `<link>`s that load a file, the scripts, one file per picture.
 */
function scanPage(html: string): {
  links: string[];
  scripts: string[];
  pictures: string[];
  language: string;
} {
  let language = '';
  const links: string[] = [];
  const scripts: string[] = [];
  const pictures: string[] = [];
  let picture: { chosen?: string | undefined } | undefined;
  const chosen = (attributes: Record<string, string>) =>
    widest(attributes['srcset']) ?? attributes['src'];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html') {
          language = attributes['lang'] ?? '';
        } else if (name === 'link') {
          const rel = attributes['rel']?.toLowerCase().split(/\s+/) ?? [];
          if (rel.some((value) => loadedRels.includes(value))) links.push(attributes['href'] ?? '');
        } else if (name === 'script') {
          if (attributes['src']) scripts.push(attributes['src']);
        } else if (name === 'picture') {
          picture = {};
        } else if ((name === 'source' || name === 'img') && picture) {
          // A picture's first format: its first <source>, or its <img> when it has none.
          picture.chosen ??= chosen(attributes);
        } else if (name === 'img') {
          const file = chosen(attributes);
          if (file && !file.startsWith('data:')) pictures.push(file);
        }
      },
      onclosetag(name) {
        if (name !== 'picture' || !picture) return;
        if (picture.chosen) pictures.push(picture.chosen);
        picture = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { links, scripts, pictures, language };
}

function widest(srcset: string | undefined): string | undefined {
  if (!srcset) return undefined;
  const candidates = srcset.split(',').map((candidate) => {
    const [url = '', descriptor = '1x'] = candidate.trim().split(/\s+/);
    return { url, size: Number.parseFloat(descriptor) || 1 };
  });
  return candidates.sort((a, b) => b.size - a.size)[0]?.url;
}

/** Files a stylesheet names with `url(…)`, fonts in WOFF2 only. */
export function cssReferences(css: string, cssUrl: string, base: string): string[] {
  return [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)]
    .map(([, , url = '']) => url)
    .filter((url) => !url.startsWith('data:') && !/\.(woff|ttf|otf|eot)$/.test(url))
    .map((url) => new URL(url, `http://site${cssUrl}`).pathname)
    .filter((url) => url.startsWith(base));
}

/** The modules a built script imports, statically or dynamically, by relative path. */
export function moduleImports(js: string, jsUrl: string): string[] {
  // Rolldown writes a dynamic import's path between backticks.
  return [...js.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map(
    ([, specifier = '']) => new URL(specifier, `http://site${jsUrl}`).pathname,
  );
}

/** Sizes for a list of URL paths, each once, in the order given. */
export function withSizes(site: BuiltSite, urls: Iterable<string>, neededBy: string): SiteFile[] {
  return [...new Set(urls)].map((url) => site.siteFile(url, neededBy));
}
