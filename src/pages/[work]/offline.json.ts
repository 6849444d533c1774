// /<work>/offline.json: what "Save for offline" stores for a work. The model says which pages
// are the work's; once the site is built, src/integrations/offline.ts adds every file those
// pages load, the work's search data and their sizes (src/lib/offline/work-files.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import type { WorkPages } from '../../lib/offline/work-files.ts';
import { getLibrary, type Work } from '../../lib/story/index.ts';
import { chapterListUrl, entireWorkUrl } from '../../lib/story/urls.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.works.map((work) => ({ params: { work: work.slug }, props: { work } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props: { work } }) =>
  Response.json({
    work: work.slug,
    title: work.data.title,
    // Old slugs of a chapter too: a saved link to one still finds the chapter offline.
    pages: [
      work.url,
      entireWorkUrl(work.slug),
      ...work.chapters.flatMap((chapter) => [chapter.url, ...chapter.aliasUrls]),
    ],
    // Fetched by "Continue reading" to check the reader's chapter is still there.
    data: [chapterListUrl(work.slug)],
  } satisfies WorkPages);
