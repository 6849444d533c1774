// /<work>/<chapter>/preview.<png|jpg>: a chapter's link-preview image (JPEG when it shows the
// work's cover).
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  previewMediaType,
  renderPreviewImage,
  startPreviewImages,
  type PreviewText,
} from '../../../lib/sharing/preview-image.ts';
import { getLibrary, type Chapter, type Work } from '../../../lib/story/index.ts';
import { previewFormatOf, type PreviewFormat } from '../../../lib/story/urls.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  const paths = library.works.flatMap((work) =>
    work.chapters.map((chapter) => ({
      params: { work: work.slug, chapter: chapter.slug, format: previewFormatOf(work) },
      props: { text: previewText(work, chapter), format: previewFormatOf(work) },
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
    subtitle: `${work.strings.t('chapter.position', { position: chapter.position, count: work.chapters.length })} · ${work.strings.t('work.words', { count: chapter.words })}`,
    author: work.strings.t('work.by', { author: work.data.author }),
    cover: work.cover?.file,
  };
}

export const GET: APIRoute<{ text: PreviewText; format: PreviewFormat }> = async ({
  props: { text, format },
}) => {
  const image = await renderPreviewImage(text);
  return new Response(new Uint8Array(image), {
    headers: { 'content-type': previewMediaType(format) },
  });
};
