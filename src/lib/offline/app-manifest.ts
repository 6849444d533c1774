// The web app manifest: what a phone or desktop browser installs the site as.
import { appColors, appIcons } from './app-icons.ts';

export interface AppManifestInput {
  siteTitle: string;
  description: string;
  lang: string;
  /** The site's base path: the app opens there and every page under it is the app's. */
  base: string;
  iconUrl: (name: string) => string;
}

/**
 * `name` is the site's title; `short_name` (under a home-screen icon, about 12 characters) is
 * the title before any colon, cut to its first words that fit. The theme colour is the light
 * paper's: a manifest holds one, and pages set the bar's colour for the reader's own theme
 * (`<meta name="theme-color">`, src/scripts/reader-settings.ts).
 */
export function appManifest(input: AppManifestInput) {
  return {
    id: input.base,
    name: input.siteTitle,
    short_name: shortName(input.siteTitle),
    description: input.description,
    lang: input.lang,
    dir: 'auto',
    start_url: input.base,
    scope: input.base,
    display: 'standalone',
    background_color: appColors.paper,
    theme_color: appColors.paper,
    categories: ['books'],
    icons: appIcons
      .filter((icon) => icon.name !== 'apple-touch-icon')
      .map((icon) => ({
        src: input.iconUrl(icon.name),
        sizes: `${icon.size}x${icon.size}`,
        type: 'image/png',
        purpose: icon.purpose,
      })),
  };
}

export function shortName(title: string, max = 12): string {
  const head = title.split(':')[0]!.trim();
  if (head.length <= max) return head;
  let short = '';
  for (const word of head.split(/\s+/)) {
    const longer = short ? `${short} ${word}` : word;
    if (longer.length > max) break;
    short = longer;
  }
  return short || head.split(/\s+/)[0]!;
}
