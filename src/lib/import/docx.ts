import type { Element, ElementContent, Root, RootContent } from 'hast';
import mammoth from 'mammoth';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { visit } from 'unist-util-visit';
import { parseHtml, select, textOf } from './html.ts';
import { languageTag } from './meta.ts';
import { attribute, children, readXml, textsOf } from './xml.ts';
import {
  fragment,
  ImportError,
  type ImportedChapter,
  type ImportedMeta,
  type ImportedPicture,
  type ImportedStory,
} from './story.ts';

// Word documents (.docx, Google Docs' export among them) through mammoth, which turns Word's
// styles into plain semantic HTML: headings from Heading 1–6, emphasis, strong, strikethrough,
// footnotes, pictures with their alt text. This reader then cuts that HTML into chapters and
// takes the work's fields from the document's properties (docProps/core.xml).

const styleMap = [
  // Word's own Title and Subtitle styles name the work, not a chapter.
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  // Pandoc's (and some templates') Author and Abstract: the work's author and summary.
  "p[style-name='Author'] => p.docx-author:fresh",
  "p[style-name='Abstract'] => p.docx-abstract:fresh",
  // A page break is where a chapter starts when the document has no headings.
  "br[type='page'] => hr.docx-page-break",
];

/** A chapter heading, or the page break that stands for one. */
type Cut = { kind: 'heading'; element: Element } | { kind: 'page' };

export async function readDocx(bytes: Uint8Array, fileName?: string): Promise<ImportedStory> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === 'docProps/core.xml' || file.name === 'word/styles.xml',
    });
  } catch {
    throw new ImportError(
      'This Word document cannot be opened: the file is damaged or cut short. Save it again.',
    );
  }
  const notes: string[] = [];
  const pictures: ImportedPicture[] = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(withBreakLines(bytes)) },
      {
        styleMap,
        // Pictures come along into the work's images/ folder, with the alt text Word keeps.
        convertImage: mammoth.images.imgElement(async (image) => {
          const ext = (image.contentType.split('/')[1] ?? 'png').replace('jpeg', 'jpg');
          const where = `images/picture-${pictures.length + 1}.${ext.replace(/[^a-z0-9]/g, '')}`;
          pictures.push({ path: where, bytes: new Uint8Array(await image.readAsArrayBuffer()) });
          // Mammoth adds the picture's alt text (Word's description, else its title) itself.
          return { src: where };
        }),
      },
    );
    html = result.value;
    // Mammoth's warnings name styles it reads as plain paragraphs ("First Paragraph", "Body
    // Text"): the words are all there, so they are not the author's concern.
  } catch {
    throw new ImportError(
      'This Word document cannot be read: the file is damaged. Open it in Word or LibreOffice and save it again as .docx.',
    );
  }

  const core = files['docProps/core.xml'] ? readXml(strFromU8(files['docProps/core.xml'])) : {};
  const property = (name: string) => textsOf(core, 'coreProperties', name)[0]?.trim() || undefined;

  const blocks: RootContent[] = [
    ...((select('body', parseHtml(`<body>${html}</body>`)) as Element | null)?.children ?? []),
  ];
  const footnotes = takeFootnotes(blocks);

  // The work's title: the document's Title style, else its properties, else a lone Heading 1
  // above Heading 2 chapters, else the file's name.
  const elements = blocks.filter((b): b is Element => b.type === 'element');
  const titled = elements.find((e) => hasClass(e, 'docx-title'));
  const h1s = elements.filter((e) => e.tagName === 'h1' && !hasClass(e, 'docx-title'));
  const h2s = elements.filter((e) => e.tagName === 'h2');
  let level: 'h1' | 'h2' | undefined = h1s.length > 0 ? 'h1' : h2s.length > 0 ? 'h2' : undefined;
  let titleHeading: Element | undefined = titled;
  if (
    h1s.length === 1 &&
    h2s.length > 0 &&
    elements.indexOf(h1s[0]!) < elements.indexOf(h2s[0]!) &&
    !titled
  ) {
    titleHeading = h1s[0];
    level = 'h2';
  }
  const title =
    (titleHeading && textOf(titleHeading).trim()) ||
    property('title') ||
    fileName?.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ') ||
    '';
  if (!title)
    throw new ImportError(
      'This Word document has no title: give its first line the Title style, or set the title in its properties, and save it again.',
    );

  // "by Name" under the title, as in plain text, else the Author paragraphs, else the
  // document's author.
  const meta: ImportedMeta = { title, authors: [] };
  const authorLines = elements.filter((e) => hasClass(e, 'docx-author'));
  const abstract = elements.filter((e) => hasClass(e, 'docx-abstract'));
  // A subtitle stays in the text (the work's notes when it stands above the first chapter).
  let rest = blocks.filter(
    (b) =>
      b !== titleHeading && !authorLines.includes(b as Element) && !abstract.includes(b as Element),
  );
  const byLine = rest.find((b) => b.type === 'element' && textOf(b).trim() !== '') as
    Element | undefined;
  const by = byLine ? /^by\s+(.+)$/i.exec(textOf(byLine).trim()) : null;
  if (by && byLine) {
    meta.authors = by[1]!.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean);
    rest = rest.filter((b) => b !== byLine);
  } else if (authorLines.some(hasWords)) {
    meta.authors = authorLines.map((line) => textOf(line).trim()).filter(Boolean);
  } else if (property('creator')) {
    meta.authors = property('creator')!
      .split(/\s*[;,]\s*/)
      .filter(Boolean);
  } else {
    meta.authors = ['Anonymous'];
    notes.push(
      'The document names no author (a "by Name" line under the title, or Author in its properties): the work says "Anonymous". Set "author:" in work.md.',
    );
  }
  const summary = property('description');
  if (abstract.length > 0) meta.summary = fragment(abstract.map((p) => ({ ...p, properties: {} })));
  else if (summary) meta.summary = parseHtml(`<p>${escapeHtml(summary)}</p>`);
  // Word keeps the language of the text in its default style, seldom in the properties.
  const styles = files['word/styles.xml'] ? readXml(strFromU8(files['word/styles.xml'])) : {};
  const styleLanguage = attribute(
    children(styles, 'styles', 'docDefaults', 'rPrDefault', 'rPr', 'lang')[0],
    'val',
  );
  const language = languageTag(property('language') ?? styleLanguage);
  if (language) meta.language = language;
  const keywords = property('keywords');
  if (keywords) meta.tags = keywords.split(/\s*[;,]\s*/).filter(Boolean);

  // Chapters: at each heading of the chapter level, else at each page break, else one chapter.
  const cuts = new Map<RootContent, Cut>();
  for (const block of rest) {
    if (block.type !== 'element') continue;
    if (level && block.tagName === level) cuts.set(block, { kind: 'heading', element: block });
    else if (!level && isPageBreak(block)) cuts.set(block, { kind: 'page' });
  }
  const intro: RootContent[] = [];
  const chapters: { title: string; body: RootContent[] }[] = [];
  for (const block of rest) {
    const cut = cuts.get(block);
    if (cut) {
      chapters.push({
        title: cut.kind === 'heading' ? textOf(cut.element).trim() : '',
        body: [],
      });
    } else if (isPageBreak(block)) {
      // A page break inside a chapter is layout, not text.
    } else if (chapters.length > 0) chapters.at(-1)!.body.push(block);
    else intro.push(block);
  }
  if (chapters.length === 0) {
    chapters.push({ title, body: intro.splice(0) });
    notes.push(
      'The document has no Heading 1 or 2 and no page breaks: it became one chapter. Give each chapter title the Heading 1 style to split it.',
    );
  } else if (!level) {
    // Text before the first page break is a chapter too: page breaks separate chapters.
    if (intro.some(hasWords)) chapters.unshift({ title: '', body: intro.splice(0) });
    notes.push(
      `The document has no headings: its ${chapters.length} chapters were cut at page breaks. Give each chapter title the Heading 1 style for chapter titles of your own.`,
    );
  }
  if (intro.some(hasWords)) {
    meta.notes = fragment(intro.filter((b) => b.type === 'element') as ElementContent[]);
    notes.push("The text before the first chapter heading became the work's notes (work.md).");
  }
  const read: ImportedChapter[] = chapters
    .filter((chapter, index) => chapter.title || chapter.body.some(hasWords) || index === 0)
    .map((chapter, index) => ({
      title: chapter.title || `Chapter ${index + 1}`,
      body: fragment(withFootnotes(chapter.body, footnotes) as ElementContent[]),
    }));
  const empty = read.filter((chapter) => !chapter.body.children.some(hasWords));
  if (empty.length > 0)
    throw new ImportError(
      `The heading "${empty[0]!.title}" has no text under it: a chapter needs words. Remove the heading or write the chapter, then save the document again.`,
    );
  return {
    format: 'docx',
    meta,
    chapters: read,
    notes,
    pictures,
    cover: undefined,
  };
}

/**
 * The document with its drawn rules as break lines. Word's horizontal line and Pandoc's rule
 * for `***` are a VML shape (`o:hr="t"`), which mammoth, reading text, skips: each becomes the
 * text "* * *", which the writer makes the site's scene break (and reports).
 */
function withBreakLines(bytes: Uint8Array): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return bytes;
  }
  const document = files['word/document.xml'];
  if (!document) return bytes;
  const xml = strFromU8(document);
  // One `<w:pict>` run content at a time; the shape inside it says whether it is a rule.
  const replaced = xml.replace(/<w:pict\b[\s\S]*?<\/w:pict>/g, (pict) =>
    /\bo:hr="t"/.test(pict) ? '<w:t>* * *</w:t>' : pict,
  );
  if (replaced === xml) return bytes;
  return zipSync({ ...files, 'word/document.xml': strToU8(replaced) });
}

/** Mammoth's footnotes and endnotes (`<li id="footnote-1">` at the end), by number, taken out. */
function takeFootnotes(blocks: RootContent[]): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.type !== 'element' || block.tagName !== 'ol') continue;
    const items = block.children.filter((c): c is Element => c.type === 'element');
    if (
      items.length === 0 ||
      !items.every((li) => /^(foot|end)note-\d+$/.test(String(li.properties['id'])))
    )
      continue;
    for (const li of items) {
      // The "↑" link back to the call is the site's to draw.
      visit(li, 'element', (a, index, parent) => {
        if (a.tagName !== 'a' || !/^#(foot|end)note-ref-/.test(String(a.properties['href'])))
          return;
        parent!.children.splice(index!, 1);
        return index;
      });
      notes.set(String(li.properties['id']), li.children);
    }
    blocks.splice(i, 1);
  }
  // Each call becomes `<sup data-footnote="…">`, which the writer makes a Markdown footnote.
  return notes;
}

/**
 * A chapter's blocks with its footnote calls marked and their notes after it, in the order
 * they are called (as the site numbers them).
 */
function withFootnotes(
  body: RootContent[],
  footnotes: Map<string, ElementContent[]>,
): RootContent[] {
  const called: string[] = [];
  const root: Root = { type: 'root', children: body };
  visit(root, 'element', (sup) => {
    if (sup.tagName !== 'sup') return;
    const link = sup.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
    const id = /^#((?:foot|end)note-\d+)$/.exec(String(link?.properties['href'] ?? ''))?.[1];
    if (!id || !footnotes.has(id)) return;
    if (!called.includes(id)) called.push(id);
    // Numbered in the order the chapter calls them, as the site shows them.
    sup.properties = { dataFootnoteCall: String(called.indexOf(id) + 1) };
    sup.children = [];
  });
  const notes: Element[] = called.map((id, index) => ({
    type: 'element',
    tagName: 'aside',
    properties: { dataFootnote: String(index + 1) },
    children: footnotes.get(id)!,
  }));
  return [...root.children, ...notes];
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties['className'];
  return Array.isArray(classes) && classes.includes(name);
}

function isPageBreak(node: RootContent): boolean {
  if (node.type !== 'element') return false;
  if (node.tagName === 'hr' && hasClass(node, 'docx-page-break')) return true;
  return false;
}

function hasWords(node: RootContent | ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() !== '';
  if (node.type !== 'element') return false;
  if (node.tagName === 'img') return true;
  return node.children.some(hasWords);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
