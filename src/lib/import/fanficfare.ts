import type { Element, Root } from 'hast';
import { blocksOf, labelOf, select, selectAll, textOf, type Block } from './html.ts';
import { chapterTitle, languageTag } from './meta.ts';
import {
  fragment,
  ImportError,
  type Html,
  type ImportedChapter,
  type ImportedMeta,
  type ImportedStory,
} from './story.ts';

// Reads FanFicFare's output (JimmXinu/FanFicFare, fanficfare/writers/): the HTML file (a title
// line, a table of `<b>Label:</b> value`, then chapters after `<a name="sectionNNNN">`) and the
// EPUB (title_page.xhtml with the same labels, one fileNNNN.xhtml a chapter under
// `h3.fff_chapter_title`). From AO3 sources, a chapter's head notes sit in
// `div.fff_head_notes`, its end notes in `div.fff_foot_notes` (the work's end notes are
// appended to the last chapter's), its text in `div.userstuff`. FanFicFare's classes are its
// own and stable, so they are used.

/** True for a FanFicFare HTML file or title page. */
export function looksLikeFanFicFare(doc: Root): boolean {
  return (
    Boolean(select('a.authorlink, .fff_chapter_title, .fff_chapter_notes', doc)) ||
    (Boolean(select('table.full', doc)) && Boolean(select('a[name^="section"]', doc)))
  );
}

/** `Label: value` pairs of a title page or table, by lower-case label. */
export function labelledValues(
  root: Root | Element,
): Map<string, { text: string; links: string[] }> {
  const values = new Map<string, { text: string; links: string[] }>();
  for (const bold of selectAll('b', root)) {
    const label = labelOf(bold);
    if (!label || !/:\s*$/.test(textOf(bold))) continue;
    // The value: what follows the label up to the next <br> or the end of its cell.
    const parent = findParent(root, bold);
    if (!parent) continue;
    const after = parent.children.slice(parent.children.indexOf(bold) + 1);
    const until = after.findIndex(
      (n) => n.type === 'element' && (n.tagName === 'br' || n.tagName === 'b'),
    );
    const nodes = until === -1 ? after : after.slice(0, until);
    const holder: Element = {
      type: 'element',
      tagName: 'span',
      properties: {},
      children: nodes as Element[],
    };
    values.set(label, {
      text: textOf(holder),
      links: selectAll('a', holder).map(textOf).filter(Boolean),
    });
  }
  return values;
}

function findParent(root: Root | Element, target: Element): Element | Root | undefined {
  const stack: (Root | Element)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.children) {
      if (child === target) return node;
      if (child.type === 'element') stack.push(child);
    }
  }
  return undefined;
}

const list = (value: { text: string; links: string[] } | undefined) =>
  !value
    ? []
    : value.links.length > 0
      ? value.links
      : value.text
          .split(/,\s*/)
          .map((s) => s.trim())
          .filter(Boolean);

export function metaFromLabels(
  values: Map<string, { text: string; links: string[] }>,
  title: string,
  authors: string[],
  summary: Html | undefined,
): ImportedMeta {
  const get = (...labels: string[]) => labels.map((label) => values.get(label)).find(Boolean);
  const status = get('status')?.text.toLowerCase();
  const series = /^(.+?)\s*\[(\d+)\]$/.exec(get('series')?.text ?? '');
  return {
    title,
    authors:
      authors.length > 0
        ? authors
        : list(get('author', 'authors')).concat().slice(0) || ['Anonymous'],
    summary,
    rating: get('rating')?.text || undefined,
    warnings: list(get('warnings')),
    fandoms: list(get('category', 'categories', 'fandoms')),
    relationships: list(get('relationships', 'pairing', 'pairings', 'ships')),
    characters: list(get('characters')),
    tags: list(get('genre', 'genres', 'freeform tags', 'additional tags')),
    language: languageTag(get('language')?.text),
    series: series ? { name: series[1]!, part: Number(series[2]) } : undefined,
    published: /\d{4}-\d{2}-\d{2}/.exec(get('published')?.text ?? '')?.[0],
    updated: /\d{4}-\d{2}-\d{2}/.exec(get('updated')?.text ?? '')?.[0],
    status: status ? (/complete/.test(status) ? 'complete' : 'in-progress') : undefined,
  };
}

/** A chapter's content: head notes, text, foot notes told apart by FanFicFare's classes. */
export function chapterFrom(title: string, blocks: Block[]): ImportedChapter {
  const chapter: ImportedChapter = { title: chapterTitle(title), body: fragment([]) };
  const head = blocks.filter((b) => b.classes.includes('fff_head_notes'));
  const foot = blocks.filter((b) => b.classes.includes('fff_foot_notes'));
  const text = blocks.filter((b) => !head.includes(b) && !foot.includes(b));
  const quoteAfter = (list: Block[], label: RegExp) => {
    const at = list.findIndex((b) => label.test(labelOf(b.element)));
    const quote = at === -1 ? undefined : list[at + 1];
    return quote?.element.tagName === 'blockquote' ? fragment(quote.element.children) : undefined;
  };
  chapter.summary = quoteAfter(head, /summary/);
  chapter.notes = quoteAfter(head, /^(author's note|notes for the chapter|notes)$/);
  const endNotes = foot
    .filter((b) => b.element.tagName === 'blockquote')
    .flatMap((b) => b.element.children);
  if (endNotes.length > 0) chapter.endNotes = fragment(endNotes);
  chapter.body.children.push(...text.map((b) => b.element));
  return chapter;
}

/** FanFicFare's HTML file. */
export function readFanFicFareHtml(doc: Root): ImportedStory {
  const h1 = select('h1', doc);
  const title = textOf(select('a', h1 ?? { type: 'root', children: [] }) ?? h1 ?? undefined);
  if (!title)
    throw new ImportError(
      'This FanFicFare file has no title line: it looks cut short. Make it again.',
    );
  const authors = selectAll('a.authorlink', doc).map(textOf);
  const table = select('table.full', doc);
  const values = table ? labelledValues(table) : new Map();
  const summaryCell = values.get('summary');
  const meta = metaFromLabels(
    values,
    title,
    authors,
    summaryCell
      ? fragment([
          {
            type: 'element',
            tagName: 'p',
            properties: {},
            children: [{ type: 'text', value: summaryCell.text }],
          },
        ])
      : undefined,
  );
  // Chapters: each section anchor (`<a name="section0001"><h2>Title</h2></a>`) starts one.
  const chapters: ImportedChapter[] = [];
  let heading: string | undefined;
  let current: Block[] = [];
  const flush = () => {
    if (heading !== undefined) chapters.push(chapterFrom(heading, current));
    current = [];
  };
  for (const block of blocksOf(doc)) {
    if (block.element.tagName === 'h2' && block.names.some((name) => /^section\d+/i.test(name))) {
      flush();
      heading = textOf(block.element);
    } else if (heading !== undefined) current.push(block);
  }
  flush();
  if (chapters.length === 0)
    throw new ImportError(
      'This FanFicFare file has no chapters: it looks cut short. Make it again.',
    );
  return { format: 'fanficfare-html', meta, chapters, notes: [] };
}
