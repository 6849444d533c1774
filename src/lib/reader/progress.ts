/**
 * A reader's progress through one work, kept on their device (localStorage, no cookies): where
 * they were, which chapters they finished, and which chapters they already knew of, so the
 * contents can mark what was added since. Pure functions; `src/scripts/reading-progress.ts`
 * reads the page and calls them.
 */
import { storageKey } from '../base.ts';

/** Where the reader was: a chapter, and the passage at the top of their screen. */
export interface Place {
  chapter: string;
  /** The chapter's title when it was read, for "Continue reading — <title>, scene 3". */
  title: string;
  url: string;
  /** Id of the passage (`p-…`), when the reader had scrolled into the text. */
  passage?: string;
  /** Its scene or flashback, as search titles it: "Scene 3", "Flashback: a few days ago". */
  where?: string;
  /** The chapter's end was on screen: the reader finished it, and goes on with the next. */
  atEnd?: boolean;
}

export interface WorkProgress {
  last?: Place;
  /** Slugs of chapters read to the end. */
  read: string[];
  /** Slugs of chapters the reader has seen listed or opened. */
  known: string[];
  /** The most chapters the work had on any page the reader opened ("Chapter 3 of 12"). */
  knownCount: number;
  /** The reader has seen the whole contents, so `known` lists every chapter they knew of. */
  contentsSeen: boolean;
}

export const progressKeyPrefix = storageKey('reading-progress:');
export const progressKey = (work: string) => `${progressKeyPrefix}${work}`;

const emptyProgress: WorkProgress = { read: [], known: [], knownCount: 0, contentsSeen: false };

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/** Reads stored progress, dropping anything malformed rather than failing the page. */
export function parseProgress(saved: string | null): WorkProgress {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(saved ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return emptyProgress;
    data = parsed as Record<string, unknown>;
  } catch {
    return emptyProgress;
  }
  const place = data.last as Record<string, unknown> | undefined;
  const [chapter, url, title, passage, where] = ['chapter', 'url', 'title', 'passage', 'where'].map(
    (field) => text(place?.[field]),
  );
  const last: Place | undefined =
    chapter && url
      ? {
          chapter,
          url,
          title: title ?? chapter,
          ...(passage && { passage }),
          ...(where && { where }),
          ...(place?.atEnd === true && { atEnd: true }),
        }
      : undefined;
  return {
    read: strings(data.read),
    known: strings(data.known),
    knownCount: typeof data.knownCount === 'number' ? data.knownCount : 0,
    contentsSeen: data.contentsSeen === true,
    ...(last && { last }),
  };
}

const adding = (list: string[], ...items: string[]) => [...new Set([...list, ...items])];

/** The reader is at `place` in a chapter that is `position` of `count` in the work. */
export function withPlace(progress: WorkProgress, place: Place, count: number): WorkProgress {
  return {
    ...progress,
    last: place,
    known: adding(progress.known, place.chapter),
    knownCount: Math.max(progress.knownCount, count),
  };
}

export function withChapterRead(progress: WorkProgress, chapter: string): WorkProgress {
  return { ...progress, read: adding(progress.read, chapter) };
}

/** The reader saw the whole contents: every chapter listed is now known. */
export function withContentsSeen(progress: WorkProgress, chapters: string[]): WorkProgress {
  return {
    ...progress,
    known: adding(progress.known, ...chapters),
    knownCount: Math.max(progress.knownCount, chapters.length),
    contentsSeen: true,
  };
}

/** True once the reader has opened anything in the work: before that, nothing is "new". */
export const hasHistory = (progress: WorkProgress) =>
  progress.known.length > 0 || progress.knownCount > 0;

/**
 * How each chapter of the contents (slugs in reading order) stands for this reader. A chapter
 * is new when the reader never saw it listed or opened it. A reader who never saw the contents
 * only knows the count from a chapter page ("Chapter 3 of 12"): a serial grows at its end, so
 * that count vouches for the first 12.
 */
export function chapterMarks(
  progress: WorkProgress,
  chapters: string[],
): Map<string, 'read' | 'new'> {
  const marks = new Map<string, 'read' | 'new'>();
  if (!hasHistory(progress)) return marks;
  const read = new Set(progress.read);
  const known = new Set(progress.known);
  chapters.forEach((slug, index) => {
    if (read.has(slug)) marks.set(slug, 'read');
    else if (!known.has(slug) && (progress.contentsSeen || index >= progress.knownCount))
      marks.set(slug, 'new');
  });
  return marks;
}

/** A chapter as the contents list it: enough to check a saved place still exists. */
export interface ListedChapter {
  slug: string;
  url: string;
  title: string;
}

export type ContinueLink =
  | { kind: 'passage'; href: string; label: string }
  /** The saved chapter is gone (removed or renamed without an alias): go to the contents. */
  | { kind: 'contents'; href: string; label: string }
  /** The reader finished the newest chapter: nothing to continue into until the next one. */
  | { kind: 'up-to-date'; label: string };

type ContinueKey =
  | 'work.continueAt'
  | 'work.continueAtPlace'
  | 'work.continueGone'
  | 'work.upToDate'
  | 'work.finished';

/**
 * Where "Continue reading" leads: the saved passage of a chapter that still exists (its current
 * URL, in case the chapter moved), or the work's contents when the chapter is gone. A passage
 * that no longer exists needs no check here: its link then opens the chapter at the top. A
 * chapter read to its end leads to the next one; after the last, the reader is up to date (a
 * work in progress) or has finished (a complete one), and a chapter published since is next.
 */
export function continueLink(
  progress: WorkProgress,
  chapters: ListedChapter[],
  contentsUrl: string,
  t: (key: ContinueKey, vars: Record<string, string>) => string = english,
  lang = 'en',
  complete = false,
): ContinueLink | undefined {
  const last = progress.last;
  if (!last) return undefined;
  const chapter = chapters.find((candidate) => candidate.slug === last.chapter);
  if (!chapter)
    return {
      kind: 'contents',
      href: contentsUrl,
      label: t('work.continueGone', { chapter: last.title }),
    };
  if (last.atEnd) {
    const following = chapters[chapters.indexOf(chapter) + 1];
    if (following)
      return {
        kind: 'passage',
        href: following.url,
        label: t('work.continueAt', { chapter: following.title }),
      };
    return {
      kind: 'up-to-date',
      label: t(complete ? 'work.finished' : 'work.upToDate', { chapter: last.title }),
    };
  }
  // "Part 1, scene 3": a place is a label ("Scene 3"), lower-cased mid-sentence in English only
  // (German nouns keep their capital; most scripts have none).
  const place =
    last.where && lang.startsWith('en')
      ? `${last.where.charAt(0).toLowerCase()}${last.where.slice(1)}`
      : last.where;
  return {
    kind: 'passage',
    href: last.passage ? `${chapter.url}#${last.passage}` : chapter.url,
    label: place
      ? t('work.continueAtPlace', { chapter: last.title, place })
      : t('work.continueAt', { chapter: last.title }),
  };
}

/** The English labels, when no page strings are at hand (the tests). */
function english(key: string, vars: Record<string, string>): string {
  const text = {
    'work.continueAt': 'Continue reading — {chapter}',
    'work.continueAtPlace': 'Continue reading — {chapter}, {place}',
    'work.continueGone': '“{chapter}” is no longer here: continue from the contents',
    'work.upToDate': 'You are up to date: “{chapter}” is the newest chapter.',
    'work.finished': 'You have read the whole work.',
  }[key]!;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}
