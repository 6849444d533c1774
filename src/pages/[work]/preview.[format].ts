// /<work>/preview.<png|jpg>: a work's link-preview image (JPEG when it shows the cover).
import type { APIRoute, GetStaticPaths } from 'astro';
import { previewMediaType, renderPreviewImage } from '../../lib/sharing/preview-image.ts';
import { getLibrary, type Work } from '../../lib/story/index.ts';
import { previewFormatOf } from '../../lib/story/urls.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.works.map((work) => ({
    params: { work: work.slug, format: previewFormatOf(work) },
    props: { work },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = async ({ props: { work } }) => {
  const { t } = work.strings;
  const image = await renderPreviewImage({
    eyebrow: work.data.series
      ? t('work.seriesPart', { series: work.data.series.name, part: work.data.series.part })
      : t('preview.aStory'),
    title: work.data.title,
    subtitle: `${t(work.data.status === 'complete' ? 'work.complete' : 'work.inProgress')} · ${t('work.chapters', { count: work.chapters.length })}`,
    author: t('work.by', { author: work.data.author }),
    cover: work.cover?.file,
  });
  return new Response(new Uint8Array(image), {
    headers: { 'content-type': previewMediaType(previewFormatOf(work)) },
  });
};
