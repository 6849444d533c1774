// Every URL of the site is made here, so a route and every link to it agree. URLs end in a
// slash (one canonical form; `trailingSlash: 'always'` in astro.config.mjs), and all of them lie
// under the site's base path (`/my-story/…` when SITE_URL has one; src/lib/base.ts).
import { withBase } from '../base.ts';

/** `/` */
export const homeUrl = withBase('/');

/** `/<work>/`: the work's contents page. */
export function workUrl(workSlug: string): string {
  return withBase(`/${workSlug}/`);
}

/** `/<work>/<chapter>/`: one chapter. Reordering chapters changes no URL. */
export function chapterUrl(workSlug: string, chapterSlug: string): string {
  return withBase(`/${workSlug}/${chapterSlug}/`);
}

/** `/<work>/all/`: every chapter on one page (the slug `all` is reserved). */
export function entireWorkUrl(workSlug: string): string {
  return withBase(`/${workSlug}/all/`);
}

/** The id of a chapter's section on the entire-work page. */
export function chapterAnchor(chapterSlug: string): string {
  return `chapter-${chapterSlug}`;
}

/** `/<work>/chapters.json`: the work's chapters (slug, URL), for "Continue reading" on the home page. */
export function chapterListUrl(workSlug: string): string {
  return withBase(`/${workSlug}/chapters.json`);
}

/** `/search/`: the search page; `?q=` carries the query. */
export const searchUrl = withBase('/search/');

/**
 * A link-preview image's format: a card with a work's cover is a photograph in part, so JPEG
 * (about 60 KB where a PNG was 300 KB); a card of words alone stays a crisp PNG.
 */
export type PreviewFormat = 'png' | 'jpg';
export const previewFormatOf = (work: { cover?: unknown }): PreviewFormat =>
  work.cover ? 'jpg' : 'png';

/**
 * Link-preview images: `/preview.png`, `/<work>/preview.<format>`,
 * `/<work>/<chapter>/preview.<format>`.
 */
export function previewImageUrl(
  workSlug?: string,
  chapterSlug?: string,
  format: PreviewFormat = 'png',
): string {
  if (!workSlug) return withBase('/preview.png');
  return withBase(
    chapterSlug
      ? `/${workSlug}/${chapterSlug}/preview.${format}`
      : `/${workSlug}/preview.${format}`,
  );
}

/** `/feed.xml`: the whole site's feed. */
export const siteFeedUrl = withBase('/feed.xml');

/** `/<work>/feed.xml`: one work's feed. */
export function workFeedUrl(workSlug: string): string {
  return withBase(`/${workSlug}/feed.xml`);
}

/** `/sitemap.xml` */
export const sitemapUrl = withBase('/sitemap.xml');

/** `/favicon.svg` (from public/). */
export const faviconUrl = withBase('/favicon.svg');

/** `/<work>/<work>.epub`: the work as an ebook (ASCII, no spaces: the slug is both). */
export function epubUrl(workSlug: string): string {
  return withBase(`/${workSlug}/${workSlug}.epub`);
}

/** `/manifest.webmanifest`: what a browser installs the site as (src/lib/offline/app-manifest.ts). */
export const appManifestUrl = withBase('/manifest.webmanifest');

/** `/icons/<name>.png`: the installed app's icons (src/lib/offline/app-icons.ts). */
export function appIconUrl(name: string): string {
  return withBase(`/icons/${name}.png`);
}

/** `/offline/`: what a page not saved on the device shows when there is no connection. */
export const offlinePageUrl = withBase('/offline/');
