// /<work>/<chapter>/preview.png: a chapter's link-preview image.
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  renderPreviewImage,
  startPreviewImages,
  type PreviewText,
} from '../../../lib/sharing/preview-image.ts';
import { getLibrary, type Chapter, type Work } from '../../../lib/story/index.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  const paths = library.works.flatMap((work) =>
    work.chapters.map((chapter) => ({
      params: { work: work.slug, chapter: chapter.slug },
      props: { text: previewText(work, chapter) },
    })),
  );
  // In a build every image is drawn, so drawing starts now, beside the pages; `astro dev` draws
  // only the images it is asked for.
  if (!import.meta.env.DEV_SERVER) startPreviewImages(paths.map((path) => path.props.text));
  return paths;
}) satisfies GetStaticPaths;

function previewText(work: Work, chapter: Chapter): PreviewText {
  return {
    eyebrow: work.data.title,
    title: chapter.title,
    subtitle: `Chapter ${chapter.position} of ${work.chapters.length} · ${chapter.words.toLocaleString(work.data.language)} words`,
    author: work.data.author,
    cover: work.cover?.file,
  };
}

export const GET: APIRoute<{ text: PreviewText }> = async ({ props: { text } }) => {
  const png = await renderPreviewImage(text);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
