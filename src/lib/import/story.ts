import type { Element, Root } from 'hast';

// The neutral shape every reader produces and the one writer consumes: a story as the
// importer understands it, before it is the content format. Text that may carry markup (a
// summary, notes, a chapter's body) stays HTML (hast) until the writer turns it into Markdown.

/** A piece of the author's HTML: the children of one element, or a whole fragment. */
export type Html = Root;

/** One chapter as read from the source. */
export interface ImportedChapter {
  title: string;
  summary?: Html | undefined;
  notes?: Html | undefined;
  endNotes?: Html | undefined;
  body: Html;
}

/** What a work says about itself, mapped to the content format's fields. */
export interface ImportedMeta {
  title: string;
  /** Pseuds as shown ("Pseud (user)"), in order. */
  authors: string[];
  summary?: Html | undefined;
  notes?: Html | undefined;
  /** The work's end notes: written as the last chapter's end notes (after its own). */
  endNotes?: Html | undefined;
  rating?: string | undefined;
  warnings?: string[] | undefined;
  /** AO3's categories (F/M, Gen…): kept among the tags. */
  categories?: string[] | undefined;
  fandoms?: string[] | undefined;
  relationships?: string[] | undefined;
  characters?: string[] | undefined;
  tags?: string[] | undefined;
  /** BCP 47 (`en`), mapped from a language's name. */
  language?: string | undefined;
  series?: { name: string; part: number } | undefined;
  published?: string | undefined;
  updated?: string | undefined;
  status?: 'in-progress' | 'complete' | undefined;
  /** Where it came from (the work's URL on the archive), for the report. */
  source?: string | undefined;
}

/** The formats the importer reads, told from the file itself. */
export type InputFormat =
  'ao3-html' | 'ao3-epub' | 'fanficfare-html' | 'fanficfare-epub' | 'epub' | 'docx' | 'text';

/** A picture that came inside the file (an EPUB's), to be written beside the chapters. */
export interface ImportedPicture {
  /** Its path in the work's folder, as the text's `<img src>` now names it: `images/map.jpg`. */
  path: string;
  bytes: Uint8Array;
}

/** A whole story as read. `notes` are the reader's remarks for the report. */
export interface ImportedStory {
  format: InputFormat;
  meta: ImportedMeta;
  chapters: ImportedChapter[];
  notes: string[];
  /** Pictures the file carries (an EPUB's), by their path in the work's folder. */
  pictures?: ImportedPicture[];
  /** The work's cover, one of `pictures`, by path. */
  cover?: string | undefined;
}

/** A bad input: what is wrong, in words for the author, never a stack trace. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Wraps elements as a fragment. */
export function fragment(children: Root['children'] | Element['children']): Html {
  return { type: 'root', children: children as Root['children'] };
}
