import type { ImageMetadata } from 'astro';
import { excerpt, textOf } from '../format.ts';
import type { Strings } from '../i18n/index.ts';
import { stringsWithOverrides, type Overrides } from '../i18n/overrides.ts';
import { withoutAddedText } from '../markup/vocabulary.ts';
import { parseChapterFileName } from './layout.ts';
import { partAnchors, runsOf } from './parts.ts';
import { unpublished, type Publishing, type Unpublished } from './publishing.ts';
import type { ChapterData, WorkData } from './schema.ts';
import { readingMinutes } from './words.ts';
import { chapterUrl, entireWorkUrl, workUrl } from './urls.ts';

/** A picture of the story: Astro's image (for the pages) and its file (for other renderers). */
export interface StoryPicture {
  image: ImageMetadata;
  /** Absolute path of the source file. */
  file: string;
}

/** A work's cover: its picture and what it shows, in words. */
export interface Cover extends StoryPicture {
  alt: string;
}

/** A work as the loader hands it over: its slug, front matter and rendered notes. */
export interface WorkSource {
  slug: string;
  data: WorkData;
  cover: Cover | undefined;
  /** HTML of the work.md body (the author's notes for the whole work); empty if none. */
  notesHtml: string;
  /** HTML of the summary field. */
  summaryHtml: string;
}

/** A chapter as the loader hands it over. */
export interface ChapterSource {
  /** `<work>/<NN-slug>` */
  id: string;
  data: ChapterData;
  html: string;
  words: number;
  /** The pictures of its text, by the path their placeholders name (`./images/map.png`). */
  pictures: ReadonlyMap<string, StoryPicture>;
  /** HTML of the summary, notes and end notes fields; empty where absent. */
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
}

/** A chapter with everything pages need, derived once. */
export interface Chapter {
  id: string;
  workSlug: string;
  /** 1-based position in the work's reading order (file numbers may have gaps). */
  position: number;
  slug: string;
  title: string;
  data: ChapterData;
  html: string;
  /** The pictures of its text, by the path their placeholders name (`./images/map.png`). */
  pictures: ReadonlyMap<string, StoryPicture>;
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
  /** For link previews and feeds: the summary as text, else the chapter's opening lines. */
  description: string;
  words: number;
  readingMinutes: number;
  url: string;
  /** Old URLs of a renamed chapter (`aliases`), each redirecting to `url`. */
  aliasUrls: string[];
  /** Set only in a build that shows drafts (`astro dev`, PREVIEW=1): why it is not published. */
  unpublished: Unpublished | undefined;
  previous: Chapter | undefined;
  next: Chapter | undefined;
  /** The part (book, volume) it belongs to; undefined outside any, and in works without parts. */
  part: Part | undefined;
}

/** A part of a work (a book, volume, arc): consecutive chapters under one title. */
export interface Part {
  title: string;
  /** 1-based, in reading order. */
  number: number;
  /** Id of its heading on the work's pages (`part-book-one`), unique within the work. */
  anchor: string;
  chapters: Chapter[];
}

/** A stretch of the contents: a part's chapters, or chapters outside any part (a prologue). */
export interface ContentsSection {
  part: Part | undefined;
  chapters: Chapter[];
}

/** A work with its chapters in reading order and its derived totals. */
export interface Work {
  slug: string;
  data: WorkData;
  cover: Cover | undefined;
  notesHtml: string;
  summaryHtml: string;
  /** The summary as plain text, for link previews and search results. */
  description: string;
  chapters: Chapter[];
  /** Its parts in order; empty when no chapter names one. */
  parts: Part[];
  /** The chapters in reading order, cut where a part begins or ends. */
  contents: ContentsSection[];
  words: number;
  readingMinutes: number;
  /** `updated` from the front matter, else the newest chapter's `published`. */
  updated: Date | undefined;
  url: string;
  entireUrl: string;
  /** The other works of its series in part order, this one included; empty outside a series. */
  series: Work[];
  /** Set only in a build that shows drafts: the whole work is a draft. */
  unpublished: Unpublished | undefined;
  /** The interface in the work's language (with the author's overrides): its pages speak it. */
  strings: Strings;
}

/** Every work, in library order, with lookups by slug. */
export interface Library {
  works: Work[];
  /** The interface of the site's own pages (home, search, 404, offline): see `siteLanguage`. */
  strings: Strings;
  getWork(slug: string): Work | undefined;
  getChapter(workSlug: string, chapterSlug: string): Chapter | undefined;
}

/** A build that publishes what is due now and shows no drafts. */
const publishNow = (): Publishing => ({ now: new Date(), includeDrafts: false });

/**
 * Derives the whole reading model from loaded entries, once per build: which works and
 * chapters are published (drafts and chapters scheduled after `publishing.now` are left out
 * entirely, unless the build shows drafts), chapter order from the file numbers, slugs and
 * URLs, previous/next, word counts and reading times, series order. Pages read this model; they
 * never sort, filter or count. Chapters of a folder with no work.md are left out (the content
 * check reports that folder).
 */
export function buildLibrary(
  allWorkSources: WorkSource[],
  allChapterSources: ChapterSource[],
  publishing: Publishing = publishNow(),
  options: { overrides?: Overrides; siteLanguage?: string | undefined } = {},
): Library {
  const overrides = options.overrides ?? { site: {}, works: {} };
  const stringsOf = (language: string, slug?: string) =>
    stringsWithOverrides(overrides, language, slug);
  const { now, includeDrafts } = publishing;
  const shown = (data: { draft?: boolean | undefined; published?: Date | undefined }) =>
    includeDrafts || !unpublished(data, now);
  // A work is held back only by `draft: true`; its `published` is when it first appeared.
  const workSources = allWorkSources.filter((source) => shown({ draft: source.data.draft }));
  const chapterSources = allChapterSources.filter((source) => shown(source.data));
  const chaptersByWork = new Map<
    string,
    { number: number; slug: string; source: ChapterSource }[]
  >();
  for (const source of chapterSources) {
    const [workSlug, fileName] = source.id.split('/');
    const parsed = fileName ? parseChapterFileName(`${fileName}.md`) : undefined;
    if (!workSlug || !parsed)
      throw new Error(`chapter id "${source.id}" is not "<work>/<NN-slug>"`);
    const list = chaptersByWork.get(workSlug) ?? [];
    list.push({ ...parsed, source });
    chaptersByWork.set(workSlug, list);
  }

  const works = workSources.map((source): Work => {
    const strings = stringsOf(source.data.language, source.slug);
    const ordered = (chaptersByWork.get(source.slug) ?? []).sort((a, b) => a.number - b.number);
    const chapters = ordered.map(({ slug, source: chapter }, index): Chapter => ({
      id: chapter.id,
      workSlug: source.slug,
      position: index + 1,
      slug,
      title: chapter.data.title,
      data: chapter.data,
      html: chapter.html,
      pictures: chapter.pictures,
      summaryHtml: chapter.summaryHtml,
      notesHtml: chapter.notesHtml,
      endNotesHtml: chapter.endNotesHtml,
      // An empty draft (shown in a preview) has no opening lines: say what it is instead.
      description:
        excerpt(textOf(chapter.summaryHtml || withoutAddedText(chapter.html))) ||
        strings.t('chapter.description', {
          chapter: chapter.data.title,
          position: index + 1,
          title: source.data.title,
        }),
      words: chapter.words,
      readingMinutes: readingMinutes(chapter.words, source.data.language),
      url: chapterUrl(source.slug, slug),
      aliasUrls: (chapter.data.aliases ?? []).map((alias) => chapterUrl(source.slug, alias)),
      unpublished: unpublished(chapter.data, now),
      previous: undefined,
      next: undefined,
      part: undefined,
    }));
    chapters.forEach((chapter, index) => {
      chapter.previous = chapters[index - 1];
      chapter.next = chapters[index + 1];
    });
    const { parts, contents } = partsOf(chapters);
    const words = chapters.reduce((sum, chapter) => sum + chapter.words, 0);
    return {
      slug: source.slug,
      data: source.data,
      cover: source.cover,
      notesHtml: source.notesHtml,
      summaryHtml: source.summaryHtml,
      description: textOf(source.summaryHtml),
      chapters,
      parts,
      contents,
      words,
      readingMinutes: readingMinutes(words, source.data.language),
      updated: source.data.updated ?? newest(chapters.map((c) => c.data.published)),
      url: workUrl(source.slug),
      entireUrl: entireWorkUrl(source.slug),
      series: [],
      unpublished: unpublished({ draft: source.data.draft }, now),
      strings,
    };
  });

  works.sort(compareWorks);
  for (const work of works) {
    const name = work.data.series?.name;
    if (name) work.series = works.filter((other) => other.data.series?.name === name);
  }

  const bySlug = new Map(works.map((work) => [work.slug, work]));
  return {
    works,
    strings: stringsOf(options.siteLanguage ?? commonLanguage(works)),
    getWork: (slug) => bySlug.get(slug),
    getChapter: (workSlug, chapterSlug) =>
      bySlug.get(workSlug)?.chapters.find((c) => c.slug === chapterSlug),
  };
}

/**
 * A work's parts, from its chapters' `part` fields (the content check has made sure each part's
 * chapters are consecutive), and its contents cut into sections at the parts' edges.
 */
function partsOf(chapters: Chapter[]): { parts: Part[]; contents: ContentsSection[] } {
  const runs = runsOf(chapters, (chapter) => chapter.data.part);
  const titled = runs.filter((run) => run.title !== undefined);
  const anchors = partAnchors(titled.map((run) => run.title!));
  const parts: Part[] = [];
  const contents = runs.map((run): ContentsSection => {
    if (run.title === undefined) return { part: undefined, chapters: run.items };
    const part: Part = {
      title: run.title,
      number: parts.length + 1,
      anchor: anchors[parts.length]!,
      chapters: run.items,
    };
    parts.push(part);
    for (const chapter of run.items) chapter.part = part;
    return { part, chapters: run.items };
  });
  return { parts, contents };
}

/** Library order: a series' works together in part order, everything by (series) title. */
function compareWorks(a: Work, b: Work): number {
  const keyA = a.data.series?.name ?? a.data.title;
  const keyB = b.data.series?.name ?? b.data.title;
  return (
    keyA.localeCompare(keyB) ||
    (a.data.series?.part ?? 0) - (b.data.series?.part ?? 0) ||
    a.slug.localeCompare(b.slug)
  );
}

/**
 * The language most works share (the first work's among equals, in library order): the site's
 * own pages speak it unless SITE_LANGUAGE says otherwise. English for an empty library.
 */
export function commonLanguage(works: readonly { data: { language: string } }[]): string {
  const counts = new Map<string, number>();
  for (const work of works)
    counts.set(work.data.language, (counts.get(work.data.language) ?? 0) + 1);
  let best = 'en';
  let most = 0;
  for (const [language, count] of counts) if (count > most) [best, most] = [language, count];
  return best;
}

function newest(dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((max, d) => (d && (!max || d > max) ? d : max), undefined);
}
