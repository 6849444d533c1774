// /<work>/chapters.json: which chapters exist now, so a returning reader's "Continue reading"
// can check their saved chapter is still there. Fetched only by readers with saved progress.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLibrary, type Work } from '../../lib/story/index.ts';
import type { ListedChapter } from '../../lib/reader/progress.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.works.map((work) => ({ params: { work: work.slug }, props: { work } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props: { work } }) =>
  Response.json(
    work.chapters.map((chapter): ListedChapter => ({
      slug: chapter.slug,
      url: chapter.url,
      title: chapter.title,
    })),
  );
