// /preview.png: the site's link-preview image (home, search, and pages of no single work).
import type { APIRoute } from 'astro';
import { getSiteTitle } from '../lib/site.ts';
import { renderPreviewImage } from '../lib/sharing/preview-image.ts';
import { getLibrary } from '../lib/story/index.ts';

export const GET: APIRoute = async () => {
  const library = await getLibrary();
  const [only, ...others] = library.works;
  const png = await renderPreviewImage({
    eyebrow: library.strings.t('preview.readOnline'),
    title: getSiteTitle(library),
    subtitle:
      others.length === 0 && only
        ? only.description
        : library.strings.t('preview.works', { count: library.works.length }),
    author:
      others.length === 0 && only
        ? only.strings.t('work.by', { author: only.data.author })
        : undefined,
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
