import type { Element, Root } from 'hast';
import {
  blocksOf,
  elementsOf,
  labelOf,
  listOf,
  select,
  selectAll,
  textOf,
  type Block,
} from './html.ts';
import { chapterTitle, dateAfter, languageTag } from './meta.ts';
import {
  fragment,
  ImportError,
  type Html,
  type ImportedChapter,
  type ImportedMeta,
  type ImportedStory,
} from './story.ts';

// Reads an AO3 download: the HTML file, or the EPUB (the same HTML split into files by Calibre,
// its class names rewritten). Keyed on ids (`preface`, `chapters`, `afterword`), the labels'
// words and their order, never on classes. Labels of every vintage: singular and plural
// ("Relationship:", "Relationships:"), old and new warning names, numbers with and without
// separators, headings "Chapter 2: Title", "Chapter 2" and the bare title of older files.

/** The label of a `dt`, as one of the content format's fields. */
const fieldOfLabel: Record<string, keyof ImportedMeta | 'stats' | 'collections'> = {
  rating: 'rating',
  ratings: 'rating',
  'archive warning': 'warnings',
  'archive warnings': 'warnings',
  warning: 'warnings',
  warnings: 'warnings',
  category: 'categories',
  categories: 'categories',
  fandom: 'fandoms',
  fandoms: 'fandoms',
  relationship: 'relationships',
  relationships: 'relationships',
  character: 'characters',
  characters: 'characters',
  'additional tag': 'tags',
  'additional tags': 'tags',
  freeform: 'tags',
  freeforms: 'tags',
  language: 'language',
  series: 'series',
  collection: 'collections',
  collections: 'collections',
  stats: 'stats',
};

/** The preface's words that are the archive's, not the author's. */
const boilerplate = [
  /^posted originally on the archive of our own/i,
  /^see the end of the (chapter|work) for (more )?notes/i,
  /^chapter text$/i,
  /^please drop by the archive/i,
];
const isBoilerplate = (text: string) => boilerplate.some((pattern) => pattern.test(text));

/** True for an AO3 download (HTML, or the EPUB's joined content documents). */
export function looksLikeAo3(doc: Root): boolean {
  const text = textOf(select('#preface', doc) ?? undefined);
  return (
    Boolean(select('#preface', doc)) &&
    (/archive of our own/i.test(text) || Boolean(select('#chapters', doc)))
  );
}

export function readAo3(doc: Root, format: 'ao3-html' | 'ao3-epub'): ImportedStory {
  const notes: string[] = [];
  const blocks = blocksOf(doc);
  const inPreface = (b: Block) => b.ids.includes('preface');
  const inAfterword = (b: Block) => b.ids.includes('afterword');
  const preface = blocks.filter(inPreface);
  const afterword = blocks.filter(inAfterword);
  const body = blocks.filter((b) => !inPreface(b) && !inAfterword(b));
  if (preface.length === 0)
    throw new ImportError(
      'This AO3 download has no preface (the part with the title and tags): the file looks cut short. Download it again.',
    );

  // Every AO3 download ends with its afterword: a file without it was cut short.
  if (!blocks.some(inAfterword) && !select('#afterword', doc))
    throw new ImportError(
      'This AO3 download ends before its last part (the afterword): the file looks cut short. Download it again.',
    );
  const meta = readPreface(preface, doc, notes);
  const chapters = readChapters(body, meta.title, notes);
  if (chapters.length === 0)
    throw new ImportError(
      'This AO3 download has no chapter text: the file looks cut short. Download it again.',
    );
  meta.endNotes = labelled(afterword, /^end notes$/);
  if (afterword.some((b) => /works inspired by this one/i.test(textOf(b.element))))
    notes.push('"Works inspired by this one" (other people\'s works) was left out.');
  return { format, meta, chapters, notes };
}

/** The blockquote that follows a paragraph labelled `label` among `blocks`. */
function labelled(blocks: Block[], label: RegExp): Html | undefined {
  const index = blocks.findIndex(
    (b) => b.element.tagName === 'p' && label.test(labelOf(b.element)),
  );
  const quote = index === -1 ? undefined : blocks[index + 1];
  return quote?.element.tagName === 'blockquote' ? fragment(quote.element.children) : undefined;
}

function readPreface(preface: Block[], doc: Root, notes: string[]): ImportedMeta {
  const heading = preface.find((b) => b.element.tagName === 'h1');
  const docTitle = textOf(select('title', doc) ?? undefined)
    .split(' - ')[0]
    ?.trim();
  const title = textOf(heading?.element) || docTitle;
  if (!title)
    throw new ImportError(
      'This AO3 download has no title: the file looks cut short. Download it again.',
    );
  const byline = preface.find((b) => /^by\s/i.test(textOf(b.element)));
  const authors = byline ? listOf(byline.element).filter((name) => !/^by$/i.test(name)) : [];
  const meta: ImportedMeta = { title, authors: authors.length > 0 ? authors : ['Anonymous'] };
  const source = preface
    .flatMap((b) => selectAll('a', b.element))
    .map((a) => String(a.properties['href'] ?? ''))
    .find((href) => /\/works\/\d+/.test(href));
  if (source) meta.source = source.replace(/^http:/, 'https:');

  const dl = preface.find((b) => b.element.tagName === 'dl');
  if (dl) readTags(dl.element, meta, notes);
  meta.summary = labelled(preface, /^summary$/);
  meta.notes = labelled(preface, /^notes$/);
  // Translations and inspirations: the author's own list, kept with the notes.
  const related = preface.find(
    (b) => b.element.tagName === 'ul' && /(translation|inspired by)/i.test(textOf(b.element)),
  );
  if (related)
    meta.notes = fragment([...(meta.notes?.children ?? []), related.element] as Element[]);
  return meta;
}

function readTags(dl: Element, meta: ImportedMeta, notes: string[]): void {
  const items = elementsOf(dl);
  for (let index = 0; index < items.length; index++) {
    const dt = items[index]!;
    const dd = items[index + 1];
    if (dt.tagName !== 'dt' || dd?.tagName !== 'dd') continue;
    const field = fieldOfLabel[labelOf(dt)];
    const values = listOf(dd);
    switch (field) {
      case 'rating':
        meta.rating = values.join(', ') || undefined;
        break;
      case 'warnings':
      case 'categories':
      case 'fandoms':
      case 'relationships':
      case 'characters':
      case 'tags':
        meta[field] = values;
        break;
      case 'language':
        meta.language = languageTag(textOf(dd));
        if (!meta.language)
          notes.push(
            `The language "${textOf(dd)}" is not one the importer knows: set "language:" in work.md.`,
          );
        break;
      case 'series': {
        const match = /part\s+(\d+)\s+of\s+(.+?)(?:,\s*part\s+\d+\s+of\s+|$)/i.exec(textOf(dd));
        if (match) meta.series = { name: match[2]!.trim(), part: Number(match[1]) };
        break;
      }
      case 'stats': {
        const text = textOf(dd);
        meta.published = dateAfter(text, /published/);
        const completed = dateAfter(text, /completed/);
        meta.updated = completed ?? dateAfter(text, /updated/);
        const chapters = /chapters\s*:?\s*([\d,.\s]+)\/\s*([\d,.]+|\?)/i.exec(text);
        const done =
          chapters &&
          chapters[2] !== '?' &&
          chapters[1]!.replace(/\D/g, '') === chapters[2]!.replace(/\D/g, '');
        meta.status = completed || (done && !/updated/i.test(text)) ? 'complete' : 'in-progress';
        break;
      }
      case 'collections':
        notes.push(
          `Collections (${values.join(', ')}) are an archive's, not the story's: left out.`,
        );
        break;
      default:
        notes.push(`"${textOf(dt)}" is not a field the site knows: left out (${textOf(dd)}).`);
    }
  }
}

function classesOf(element: Element): string {
  const own = element.properties['className'];
  return Array.isArray(own) ? own.join(' ') : '';
}

/**
 * The chapters: each `h2` outside the preface starts one; before its text come its labelled
 * summary and notes, after it "Chapter End Notes". The archive's words ("Chapter Text", "See
 * the end of the chapter for notes") are dropped.
 */
function readChapters(blocks: Block[], workTitle: string, notes: string[]): ImportedChapter[] {
  const chapters: ImportedChapter[] = [];
  let current: (ImportedChapter & { started: boolean }) | undefined;
  // The first <h2> is a chapter's heading; the others that look like it (AO3's class "heading",
  // or the name Calibre renamed it to) are too. An <h2> the author wrote in the text, without
  // that class, stays text.
  const first = blocks.find((b) => b.element.tagName === 'h2');
  const signature = first ? classesOf(first.element) : '';
  for (let index = 0; index < blocks.length; index++) {
    const { element } = blocks[index]!;
    const text = textOf(element);
    if (element.tagName === 'h2' && classesOf(element) === signature) {
      current = { title: chapterTitle(text) || workTitle, body: fragment([]), started: false };
      chapters.push(current);
      continue;
    }
    if (!current) continue;
    if (isBoilerplate(text) && element.tagName !== 'blockquote') continue;
    const label = element.tagName === 'p' ? labelOf(element) : '';
    const next = blocks[index + 1]?.element;
    const quote = next?.tagName === 'blockquote' ? fragment(next.children) : undefined;
    if (quote && !current.started && /^(chapter )?summary$/.test(label)) {
      current.summary = quote;
      index++;
      continue;
    }
    if (quote && !current.started && /^(chapter )?notes$/.test(label)) {
      current.notes = quote;
      index++;
      continue;
    }
    if (quote && /^chapter end notes$/.test(label)) {
      current.endNotes = quote;
      index++;
      continue;
    }
    if (!current.started && element.tagName === 'p' && /^chapter by\s/i.test(text)) {
      notes.push(
        `"${current.title}": "${text}" (a chapter's co-creators) is not a field the site has: left out.`,
      );
      continue;
    }
    current.started = true;
    current.body.children.push(element);
  }
  // A one-chapter work's text has no heading of its own in some downloads.
  if (chapters.length === 0 && blocks.some((b) => b.ids.includes('chapters'))) {
    chapters.push({
      title: workTitle,
      body: fragment(blocks.map((b) => b.element).filter((e) => !isBoilerplate(textOf(e)))),
    });
  }
  return chapters.map(({ title, summary, notes: n, endNotes, body }) => ({
    title,
    summary,
    notes: n,
    endNotes,
    body,
  }));
}
