import type { RSSFeedItem } from '@astrojs/rss';
import type { Chapter, Library, Work } from '../story/library.ts';

/** How many of the newest chapters a feed carries: feed readers only need what is new. */
export const feedLength = 30;

/**
 * Feed items for chapters, newest first: by publication date, and for chapters without one
 * (or on the same day) the later chapter first, so a new Part 2 chapter tops the feed.
 */
export function feedItems(chapters: { work: Work; chapter: Chapter }[]): RSSFeedItem[] {
  return [...chapters]
    .sort(
      (a, b) =>
        (b.chapter.data.published?.getTime() ?? 0) - (a.chapter.data.published?.getTime() ?? 0) ||
        b.chapter.position - a.chapter.position,
    )
    .slice(0, feedLength)
    .map(({ work, chapter }) => ({
      title: `${work.data.title}: ${chapter.title}`,
      link: chapter.url,
      ...(chapter.data.published ? { pubDate: chapter.data.published } : {}),
      description: chapter.description,
      content: chapter.html,
      categories: [work.data.title],
    }));
}

/** Every chapter of the library with its work, for the site feed. */
export function allChapters(library: Library): { work: Work; chapter: Chapter }[] {
  return library.works.flatMap((work) => work.chapters.map((chapter) => ({ work, chapter })));
}
