import type { Strings } from './i18n/index.ts';
import type { Library } from './story/library.ts';

/**
 * The site's name in the header and the page titles: SITE_TITLE if set, else the title of
 * the only work, else "Library" (in the site's language).
 */
export function getSiteTitle(
  library: Library,
  env: Record<string, string | undefined> = process.env,
): string {
  if (env['SITE_TITLE']) return env['SITE_TITLE'];
  const [only, ...others] = library.works;
  return only && others.length === 0 ? only.data.title : library.strings.t('site.library');
}

/**
 * The whole site's feed title. It names the library: with one work the site is named after it,
 * and its feed and the work's both said "<title> (new chapters)" side by side in a feed reader.
 */
export function siteFeedTitle(strings: Pick<Strings, 't'>, siteTitle: string): string {
  const library = strings.t('site.library');
  const title = siteTitle === library ? library : `${siteTitle} · ${library}`;
  return strings.t('site.newChapters', { title });
}
