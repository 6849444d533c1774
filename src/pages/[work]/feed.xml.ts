// /<work>/feed.xml: one work's newest chapters, so readers learn of each new one.
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems } from '../../lib/sharing/feeds.ts';
import { getLibrary, type Work } from '../../lib/story/index.ts';

export const getStaticPaths = (async () => {
  const library = await getLibrary();
  return library.works.map((work) => ({ params: { work: work.slug }, props: { work } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props: { work }, site }) =>
  rss({
    // Whose feed it is, beside the site's ("The Night Shift (new chapters)").
    title: work.strings.t('site.newChapters', { title: work.data.title }),
    description: work.description,
    // The channel links to the work; item links are absolute paths on the same site.
    site: new URL(work.url, site),
    items: feedItems(work.chapters.map((chapter) => ({ work, chapter }))),
    trailingSlash: true,
  });
