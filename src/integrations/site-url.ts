import type { AstroIntegration } from 'astro';

/** What a build falls back to without SITE_URL (astro.config.mjs): `npm start`'s own address. */
export const localSiteUrl = 'http://localhost:4321';

/**
 * An honest build: without SITE_URL, every absolute URL the site writes (canonical links, link
 * previews, feeds, the sitemap, robots.txt, the EPUB's source) points at this machine. That is
 * right for `npm start`, which serves the build here, and wrong for anything published, and the
 * pages give no sign of it. Said once, at the start of a build; `astro dev` is always local.
 */
export function siteUrlNotice(
  env: Record<string, string | undefined> = process.env,
): AstroIntegration {
  return {
    name: 'fiction-reader:site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (env['SITE_URL']) return;
        logger.warn(
          `SITE_URL is not set: links, link previews, feeds, the sitemap and the EPUB point at ${localSiteUrl}. ` +
            'Fine for `npm start`, which serves the site on this machine only; to publish, build with ' +
            'SITE_URL=https://your.address/ (docs/publishing.md).',
        );
      },
    },
  };
}
