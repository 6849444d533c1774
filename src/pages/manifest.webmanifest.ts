// /manifest.webmanifest: what a browser installs the site as (src/lib/offline/app-manifest.ts).
import type { APIRoute } from 'astro';
import { base } from '../lib/base.ts';
import { appManifest } from '../lib/offline/app-manifest.ts';
import { getSiteTitle } from '../lib/site.ts';
import { getLibrary } from '../lib/story/index.ts';
import { appIconUrl } from '../lib/story/urls.ts';

export const GET: APIRoute = async () => {
  const library = await getLibrary();
  const [only, ...others] = library.works;
  const single = only && others.length === 0 ? only : undefined;
  return new Response(
    JSON.stringify(
      appManifest({
        siteTitle: getSiteTitle(library),
        description: single ? single.description : `${library.works.length} works to read.`,
        lang: single?.data.language ?? library.works[0]?.data.language ?? 'en',
        base,
        iconUrl: appIconUrl,
      }),
    ),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
};
