// /<work>/<chapter>/preview.png: a chapter's link-preview image.
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderPreviewImage } from '../../../lib/sharing/preview-image.ts';
import { getLibrary, type Chapter, type Work } from '../../../lib/story/index.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.works.flatMap((work) =>
    work.chapters.map((chapter) => ({
      params: { work: work.slug, chapter: chapter.slug },
      props: { work, chapter },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work; chapter: Chapter }> = async ({
  props: { work, chapter },
}) => {
  const png = await renderPreviewImage({
    eyebrow: work.data.title,
    title: chapter.title,
    subtitle: `Chapter ${chapter.position} of ${work.chapters.length} · ${chapter.words.toLocaleString(work.data.language)} words`,
    author: work.data.author,
  });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
