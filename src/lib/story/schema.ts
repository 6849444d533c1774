import { z } from 'astro/zod';
import { zonelessAsUtc } from './publishing.ts';

// YAML reads `2024-05-01` and `2024-05-01T18:00:00` as Dates (in UTC) and anything quoted, or
// without seconds (`2024-05-01T18:00`), as a string: accept both, keep a Date, and read a date
// and time without a zone as UTC whichever way it is written.
const isoDate = z.preprocess(
  (value) => (typeof value === 'string' ? zonelessAsUtc(value) : value),
  z.coerce.date(),
);
/** `draft: true` keeps a work or chapter out of the published site (src/lib/story/publishing.ts). */
const draft = z.boolean().optional();
const labels = z.array(z.string().min(1)).optional();
const markdown = z.string().trim().min(1);

/** Front matter of `<work>/work.md` (the content contract's work table). */
export const workSchema = z.strictObject({
  title: z.string().trim().min(1),
  author: z.string().trim().min(1),
  summary: markdown,
  status: z.enum(['in-progress', 'complete']).default('in-progress'),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a BCP 47 tag such as "en" or "en-GB"')
    .default('en'),
  published: isoDate.optional(),
  updated: isoDate.optional(),
  /** When the next chapter is expected, said at the end of the newest one while it is ahead. */
  nextChapter: isoDate.optional(),
  series: z
    .strictObject({ name: z.string().trim().min(1), part: z.number().int().positive() })
    .optional(),
  rating: z.string().trim().min(1).optional(),
  warnings: labels,
  fandoms: labels,
  relationships: labels,
  characters: labels,
  tags: labels,
  /** The work's cover art: a picture in the work's folder, checked in validate/cover.ts. */
  cover: z.string().trim().min(1).optional(),
  /** What the cover shows, for readers who can't see it; required with `cover`. */
  coverAlt: z.string().trim().min(1).optional(),
  draft,
});

/** Front matter of `<work>/NN-<slug>.md` (the content contract's chapter table). */
export const chapterSchema = z.strictObject({
  title: z.string().trim().min(1),
  summary: markdown.optional(),
  notes: markdown.optional(),
  endNotes: markdown.optional(),
  /** When the chapter was (or will be) published; a future date keeps it a draft until then. */
  published: isoDate.optional(),
  draft,
  aliases: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a URL slug such as "old-title"'))
    .optional(),
  /**
   * The part (book, volume, arc) the chapter belongs to, named the same on each of its chapters;
   * a part's chapters follow one another (src/lib/story/parts.ts).
   */
  part: z.string().trim().min(1).optional(),
});

export type WorkData = z.output<typeof workSchema>;
export type ChapterData = z.output<typeof chapterSchema>;

/** The front matter fields that hold Markdown, rendered and checked like a chapter's text. */
export const markdownFields = {
  work: ['summary'] as const,
  chapter: ['summary', 'notes', 'endNotes'] as const,
};
