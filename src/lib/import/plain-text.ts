import type { Element, ElementContent, Root } from 'hast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { indentedLine, remarkProseAsTyped } from '../markup/prose-as-typed.ts';
import { remarkRestoreUnownedDirectives } from '../markup/restore-unowned-directives.ts';
import { remarkFictionSyntax } from '../markup/syntax.ts';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { languageTag } from './meta.ts';
import {
  fragment,
  ImportError,
  type Html,
  type ImportedChapter,
  type ImportedMeta,
  type ImportedStory,
} from './story.ts';

// Reads a story pasted as plain text or Markdown: a header block (a title line, "by Name",
// lines such as "Rating:", "Fandom:", "Pairing:", "Summary:", "Author's note:", "Disclaimer:"),
// then chapters under headings ("Chapter 1", "Chapter 1: Title", "1. Title", "Part 1",
// "Prologue", "Epilogue", or Markdown's "# Title"). Paragraphs are separated by blank lines,
// or start at a line indented by a tab or two spaces (prose as typed); a line break inside one
// is kept. Scene breaks and flashback lines are the writer's to find.

const fieldPattern =
  /^(rating|fandoms?|pairings?|relationships?|characters?|tags?|warnings?|summary|author'?s?\s*notes?|a\/n|notes?|disclaimer|status|language|author|series|category|categories|genres?)\s*:\s*([\s\S]*)$/i;

/** A blank paragraph (two or more blank lines in the source). */
const spacer = '\u00a0';

const chapterHeading =
  /^(?:#{1,3}\s*)?(?:(?:chapter|part)\s+(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|prologue\b|epilogue\b|interlude\b)\s*(?:[:.\-–—]\s*(.*))?$/i;

/** True for text that uses Markdown's syntax (headings, emphasis), not just its paragraphs. */
function isMarkdown(text: string): boolean {
  return (
    /^#{1,3}[ \t]+\S/m.test(text) || /(^|\s)(\*|_)[^*_\s][^*_\n]*\2(?=[\s.,!?;:]|$)/m.test(text)
  );
}

export function readPlainText(input: string): ImportedStory {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/\u0000/.test(text))
    throw new ImportError(
      'This file is not text (it holds binary data). Import an AO3 or FanFicFare download (HTML or EPUB), or save the story as plain text.',
    );
  const markdown = isMarkdown(text);
  // Two or more blank lines in a row may be a scene break on sites that strip break lines: kept
  // as a blank paragraph, which the writer reports without guessing.
  const paragraphs: string[] = [];
  for (const piece of text.split(/(\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+)/)) {
    if (/^\n/.test(piece)) {
      if ((piece.match(/\n/g) ?? []).length >= 3 && paragraphs.length > 0) paragraphs.push(spacer);
    } else if (piece.trim() !== '') paragraphs.push(piece.replace(/\s+$/, '').replace(/^\n+/, ''));
  }
  if (paragraphs.length === 0) throw new ImportError('This file is empty.');
  const notes: string[] = [];

  // The header block.
  const title = paragraphs.shift()!.replace(/^#\s+/, '').trim();
  if (title.includes('\n'))
    throw new ImportError(
      "The first line should be the story's title, on a line of its own with a blank line after it.",
    );
  const meta: ImportedMeta = { title, authors: [] };
  const workNotes: string[] = [];
  while (paragraphs.length > 0) {
    const first = paragraphs[0]!;
    if (first === spacer) {
      paragraphs.shift();
      continue;
    }
    const by = /^by\s+(.+)$/i.exec(first);
    if (by && !first.includes('\n')) {
      meta.authors.push(...by[1]!.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean));
      paragraphs.shift();
      continue;
    }
    if (!fieldPattern.test(first)) break;
    // One field a line ("Rating: T" then "Fandom: …"); a line that is no field continues the one before.
    const fields: string[] = [];
    for (const line of first.split('\n')) {
      if (fieldPattern.test(line) || fields.length === 0) fields.push(line);
      else fields[fields.length - 1] += `\n${line}`;
    }
    for (const field of fields) {
      const match = fieldPattern.exec(field)!;
      applyField(meta, match[1]!.toLowerCase(), match[2]!.trim(), field, workNotes, markdown);
    }
    paragraphs.shift();
  }
  // Between the header and the first chapter heading: the author's notes on the whole work.
  const firstHeading = paragraphs.findIndex((p) => headingOf(p, 1, markdown) !== undefined);
  if (firstHeading > 0) {
    const intro = paragraphs.splice(0, firstHeading).filter((p) => p !== spacer);
    if (intro.length > 0) {
      workNotes.push(...intro);
      notes.push(
        `The ${intro.length} paragraph${intro.length === 1 ? '' : 's'} before the first chapter heading became the work's notes (work.md).`,
      );
    }
  }
  if (meta.authors.length === 0) {
    meta.authors = ['Anonymous'];
    notes.push(
      'The file names no author ("by Name" under the title): the work says "Anonymous". Set "author:" in work.md.',
    );
  }
  if (workNotes.length > 0) meta.notes = toHtml(workNotes, markdown);

  // Chapters.
  const chapters: { title: string; paragraphs: string[] }[] = [];
  let expected = 1;
  for (const paragraph of paragraphs) {
    const heading = headingOf(paragraph, expected, markdown);
    if (heading !== undefined) {
      chapters.push({ title: heading, paragraphs: [] });
      if (/^\d+\./.test(paragraph.trim())) expected += 1;
      continue;
    }
    if (chapters.length === 0) chapters.push({ title, paragraphs: [] });
    chapters.at(-1)!.paragraphs.push(paragraph);
  }
  if (chapters.length === 0) throw new ImportError('The file has a title but no text after it.');

  const imported: ImportedChapter[] = chapters.map((chapter) => {
    // An author's note opening or closing a chapter ("A/N: …") is its notes.
    const isNote = (p: string | undefined) =>
      p !== undefined && /^(a\/n|author'?s?\s*notes?)\s*:/i.test(p);
    const head: string[] = [];
    const tail: string[] = [];
    while (isNote(chapter.paragraphs[0]) && chapter.paragraphs.length > 1)
      head.push(chapter.paragraphs.shift()!);
    while (isNote(chapter.paragraphs.at(-1)) && chapter.paragraphs.length > 1)
      tail.unshift(chapter.paragraphs.pop()!);
    return {
      title: chapter.title,
      notes: head.length > 0 ? toHtml(head, markdown) : undefined,
      endNotes: tail.length > 0 ? toHtml(tail, markdown) : undefined,
      body: toHtml(chapter.paragraphs, markdown),
    };
  });
  return { format: 'text', meta, chapters: imported, notes };
}

function applyField(
  meta: ImportedMeta,
  label: string,
  value: string,
  paragraph: string,
  workNotes: string[],
  markdown: boolean,
) {
  const list = value.split(/\s*,\s*/).filter(Boolean);
  if (label === 'summary') meta.summary = toHtml([value], markdown);
  else if (/^(author'?s?\s*notes?|a\/n|notes?|disclaimer)$/.test(label)) workNotes.push(paragraph);
  else if (label === 'rating') meta.rating = value;
  else if (/^fandoms?$/.test(label)) meta.fandoms = list;
  else if (/^(pairings?|relationships?)$/.test(label)) meta.relationships = list;
  else if (/^characters?$/.test(label)) meta.characters = list;
  else if (/^(tags?|genres?|category|categories)$/.test(label))
    meta.tags = [...(meta.tags ?? []), ...list];
  else if (/^warnings?$/.test(label)) meta.warnings = list;
  else if (label === 'status') meta.status = /complete/i.test(value) ? 'complete' : 'in-progress';
  else if (label === 'language') meta.language = languageTag(value);
  else if (label === 'author') meta.authors.push(...list);
  else if (label === 'series') {
    const match = /^(.+?)[,\s]+(?:part|book)\s+(\d+)$/i.exec(value);
    if (match) meta.series = { name: match[1]!, part: Number(match[2]) };
    else workNotes.push(paragraph);
  }
}

/** A chapter's title if `paragraph` is a chapter heading, else undefined. */
function headingOf(paragraph: string, expected: number, markdown: boolean): string | undefined {
  const line = paragraph.trim();
  if (line.includes('\n') || line.length > 100) return undefined;
  const named = chapterHeading.exec(line);
  if (named) {
    const plain = line.replace(/^#{1,3}\s*/, '');
    return named[1]?.trim() || plain.replace(/[:.\-–—]\s*$/, '');
  }
  // "1. Title": only as the next number in order, so "1984. It was…" stays prose.
  const numbered = /^(\d+)\.\s+(\S.*)$/.exec(line);
  if (numbered && Number(numbered[1]) === expected && !/[.!?"”]$/.test(numbered[2]!))
    return numbered[2]!.trim();
  if (markdown && /^#{1,2}\s+\S/.test(line)) return line.replace(/^#{1,2}\s+/, '').trim();
  return undefined;
}

// Markdown read with the site's own syntax rules (prose as authors type it: "1984. It was…" is a
// paragraph, not a list), so the import means what the site would have shown.
const markdownToHast = unified()
  .use(remarkFictionSyntax)
  .use(remarkParse)
  .use(remarkDirective)
  .use(remarkRestoreUnownedDirectives, { owned: [] })
  .use(remarkProseAsTyped)
  .use(remarkRehype);

/** Paragraphs as HTML: literal text (line breaks kept), or Markdown read as CommonMark. */
function toHtml(paragraphs: string[], markdown: boolean): Html {
  if (markdown) {
    const tree = markdownToHast.runSync(markdownToHast.parse(paragraphs.join('\n\n'))) as Root;
    return tree;
  }
  // Prose as typed: a line indented by a tab or two spaces starts a paragraph, as on the site.
  const typed = paragraphs.flatMap((paragraph) => {
    const pieces: string[] = [];
    for (const line of paragraph.split('\n')) {
      if (pieces.length === 0) pieces.push(line);
      else if (indentedLine.test(line)) pieces.push(line.trimStart());
      else pieces[pieces.length - 1] += `\n${line}`;
    }
    return pieces;
  });
  return fragment(
    typed.map((paragraph): Element => ({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: paragraph
        .split('\n')
        .flatMap((line, index): ElementContent[] => [
          ...(index > 0
            ? [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element]
            : []),
          { type: 'text', value: line },
        ]),
    })),
  );
}
