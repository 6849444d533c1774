import type { Chapter, Work } from '../story/library.ts';

/**
 * schema.org JSON-LD for a work: a Book (a CreativeWork in a series when it has one), with its
 * cover's URL as `image` when it has one.
 */
export function workJsonLd(work: Work, site: URL, coverUrl?: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Book',
    name: work.data.title,
    ...(coverUrl ? { image: coverUrl } : {}),
    author: { '@type': 'Person', name: work.data.author },
    description: work.description,
    inLanguage: work.data.language,
    url: new URL(work.url, site).href,
    numberOfPages: work.chapters.length,
    wordCount: work.words,
    creativeWorkStatus: work.data.status === 'complete' ? 'Complete' : 'In progress',
    ...(work.data.published ? { datePublished: isoDay(work.data.published) } : {}),
    ...(work.updated ? { dateModified: isoDay(work.updated) } : {}),
    ...(work.data.tags?.length ? { keywords: work.data.tags.join(', ') } : {}),
    ...(work.data.series
      ? {
          isPartOf: { '@type': 'CreativeWorkSeries', name: work.data.series.name },
          position: work.data.series.part,
        }
      : {}),
  };
}

/** schema.org JSON-LD for a chapter: a Chapter that is part of its Book. */
export function chapterJsonLd(
  work: Work,
  chapter: Chapter,
  site: URL,
  coverUrl?: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Chapter',
    name: chapter.title,
    position: chapter.position,
    url: new URL(chapter.url, site).href,
    description: chapter.description,
    wordCount: chapter.words,
    inLanguage: work.data.language,
    author: { '@type': 'Person', name: work.data.author },
    ...(chapter.data.published ? { datePublished: isoDay(chapter.data.published) } : {}),
    isPartOf: {
      '@type': 'Book',
      name: work.data.title,
      url: new URL(work.url, site).href,
      ...(coverUrl ? { image: coverUrl } : {}),
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the tag. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
