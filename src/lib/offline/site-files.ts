// Which built files a page needs in order to read right with no connection: read from the
// built HTML, CSS and JavaScript themselves, so nothing is listed by hand and nothing is missed
// when a component gains a script or a font. Build-time only (Node).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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
  const queue = [...htmlReferences(site.text(pageUrl), site.base)];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (found.has(url)) continue;
    found.add(url);
    if (url.endsWith('.css')) {
      const named = cssReferences(site.text(url), url, site.base);
      queue.push(...(allFonts ? named : named.filter((file) => !file.endsWith('.woff2'))));
    } else if (url.endsWith('.js')) {
      queue.push(...moduleImports(site.text(url), url));
    } else if (url.endsWith('.webmanifest')) {
      const { icons = [] } = JSON.parse(site.text(url)) as { icons?: { src: string }[] };
      queue.push(...icons.map((icon) => new URL(icon.src, `http://site${url}`).pathname));
    }
  }
  return [...found];
}

/** Same-site URL paths a page loads as it opens (not the pages it links to). */
export function htmlReferences(html: string, base: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attribute(tag, 'rel')?.split(/\s+/) ?? [];
    const loaded = [
      'stylesheet',
      'preload',
      'modulepreload',
      'icon',
      'apple-touch-icon',
      'manifest',
    ];
    if (rel.some((value) => loaded.includes(value))) urls.push(attribute(tag, 'href') ?? '');
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) urls.push(attribute(tag, 'src') ?? '');
  urls.push(...pictureFiles(html));
  return urls.filter((url) => url.startsWith(base) && !url.startsWith('//'));
}

/**
 * One file for each picture on a page: the widest candidate of its first format (the WebP
 * `<source>` of a `<picture>`), else the widest of an `<img srcset>`, else its `src`. A phone
 * may ask for another width of it (turned sideways); the worker then offers the one saved
 * (`pictureSource` in caches.ts).
 */
export function pictureFiles(html: string): string[] {
  const files: string[] = [];
  const outside = html.replace(/<picture\b[\s\S]*?<\/picture>/g, (picture) => {
    const tag = /<source\b[^>]*>/.exec(picture)?.[0] ?? /<img\b[^>]*>/.exec(picture)?.[0] ?? '';
    const chosen = widest(attribute(tag, 'srcset')) ?? attribute(tag, 'src');
    if (chosen) files.push(chosen);
    return '';
  });
  for (const [tag] of outside.matchAll(/<img\b[^>]*>/g)) {
    const chosen = widest(attribute(tag, 'srcset')) ?? attribute(tag, 'src');
    if (chosen && !chosen.startsWith('data:')) files.push(chosen);
  }
  return files;
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
  return [...js.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map(
    ([, specifier = '']) => new URL(specifier, `http://site${jsUrl}`).pathname,
  );
}

/** An attribute's value in a tag as Astro writes it (double quotes, entities for `"` and `&`). */
function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value?.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
}

/** Sizes for a list of URL paths, each once, in the order given. */
export function withSizes(site: BuiltSite, urls: Iterable<string>, neededBy: string): SiteFile[] {
  return [...new Set(urls)].map((url) => site.siteFile(url, neededBy));
}
