// Every URL of the site is made here, so a route and every link to it agree. URLs end in a
// slash (one canonical form; `trailingSlash: 'always'` in astro.config.mjs).

/** `/` */
export const homeUrl = '/';

/** `/<work>/`: the work's contents page. */
export function workUrl(workSlug: string): string {
  return `/${workSlug}/`;
}

/** `/<work>/<chapter>/`: one chapter. Reordering chapters changes no URL. */
export function chapterUrl(workSlug: string, chapterSlug: string): string {
  return `/${workSlug}/${chapterSlug}/`;
}

/** `/<work>/all/`: every chapter on one page (the slug `all` is reserved). */
export function entireWorkUrl(workSlug: string): string {
  return `/${workSlug}/all/`;
}

/** The id of a chapter's section on the entire-work page. */
export function chapterAnchor(chapterSlug: string): string {
  return `chapter-${chapterSlug}`;
}

/** `/<work>/chapters.json`: the work's chapters (slug, URL), for "Continue reading" on the home page. */
export function chapterListUrl(workSlug: string): string {
  return `/${workSlug}/chapters.json`;
}

/** `/search/`: the search page; `?q=` carries the query. */
export const searchUrl = '/search/';

/** Link-preview images: `/preview.png`, `/<work>/preview.png`, `/<work>/<chapter>/preview.png`. */
export function previewImageUrl(workSlug?: string, chapterSlug?: string): string {
  if (!workSlug) return '/preview.png';
  return chapterSlug ? `/${workSlug}/${chapterSlug}/preview.png` : `/${workSlug}/preview.png`;
}
