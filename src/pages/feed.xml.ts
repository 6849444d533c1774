// /feed.xml: the newest chapters of every work, for feed readers.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteTitle, siteFeedTitle } from '../lib/site.ts';
import { allChapters, feedItems } from '../lib/sharing/feeds.ts';
import { getLibrary } from '../lib/story/index.ts';

export const GET: APIRoute = async ({ site }) => {
  const library = await getLibrary();
  const title = getSiteTitle(library);
  return rss({
    title: siteFeedTitle(library.strings, title),
    description: library.strings.t('feed.description', { title }),
    site: site!,
    items: feedItems(allChapters(library)),
    trailingSlash: true,
  });
};
