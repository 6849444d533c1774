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
