// The path the site is published under: `/` for a site at a domain's root, `/my-story/` for a
// GitHub Pages project site at https://someone.github.io/my-story/. It comes from SITE_URL
// (siteBase below, used by astro.config.mjs as Astro's `base`), and Vite writes it into every
// module as import.meta.env.BASE_URL, server and client alike. Tools that run outside Vite
// (the CLI, worker threads) see `/`: they make no URLs.

/** `/` or `/<path>/`, always with both slashes. */
// Spelt out in full: Vite replaces the exact text `import.meta.env.BASE_URL` (not `env?.`).
export const base: string = import.meta.env ? import.meta.env.BASE_URL : '/';

/** A site path (`/search/`) as served under the base (`/my-story/search/`). */
export function withBase(path: string, under: string = base): string {
  if (!path.startsWith('/')) throw new Error(`a site path starts with "/": "${path}"`);
  return `${under}${path.slice(1)}`;
}

/**
 * The base path in a SITE_URL: `https://host/my-story` and `https://host/my-story/` both give
 * `/my-story/` (the trailing slash is added, not required); a root address gives `/`.
 */
export function siteBase(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** SITE_URL with its path ending in a slash (`https://host/my-story` → `https://host/my-story/`). */
export function normalizeSiteUrl(siteUrl: string): string {
  return new URL(siteBase(siteUrl), siteUrl).href;
}

/**
 * The name of a key in the reader's browser storage. Sites that share an origin (two GitHub
 * Pages project sites of one account) share localStorage, so a site under a base path keeps
 * its keys under that path (`/my-story/reader-settings`); a root site keeps the plain names
 * it always had, so readers' saved settings and progress carry over.
 */
export function storageKey(name: string, under: string = base): string {
  return under === '/' ? name : `${under}${name}`;
}
