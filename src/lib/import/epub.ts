import type { Element, Root } from 'hast';
import { strFromU8, unzipSync } from 'fflate';
import { readAo3 } from './ao3.ts';
import { blocksOf, parseHtml, select, textOf } from './html.ts';
import { chapterFrom, labelledValues, metaFromLabels } from './fanficfare.ts';
import {
  ImportError,
  type ImportedChapter,
  type ImportedPicture,
  type ImportedStory,
} from './story.ts';
import path from 'node:path';
import { visit } from 'unist-util-visit';

// Reads an EPUB the way a reading app does (container.xml, the package, its spine) and hands
// its content documents to the reader of the tool that made it: AO3's (Calibre's conversion of
// its HTML download) or FanFicFare's.

interface Epub {
  /** The package document's text (its metadata). */
  opf: string;
  /** Content documents in reading order: name and parsed tree. */
  documents: { name: string; tree: Root }[];
  /** Pictures the content documents show, now at `images/<name>`; the cover among them. */
  pictures: ImportedPicture[];
  cover: string | undefined;
}

export function openEpub(bytes: Uint8Array): Epub {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ImportError(
      'This EPUB cannot be opened: the file is damaged or cut short. Download it again.',
    );
  }
  const text = (name: string) => {
    const entry = files[name];
    if (!entry)
      throw new ImportError(`This EPUB has no ${name}: it is damaged. Download it again.`);
    return strFromU8(entry);
  };
  const opfPath = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))?.[1];
  if (!opfPath)
    throw new ImportError('This EPUB names no package document: it is damaged. Download it again.');
  const folder = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
  const opf = text(opfPath);
  const items = new Map<string, string>();
  for (const item of opf.matchAll(/<item\b[^>]*>/g)) {
    const id = /\bid="([^"]+)"/.exec(item[0])?.[1];
    const href = /\bhref="([^"]+)"/.exec(item[0])?.[1];
    if (id && href) items.set(id, decodeURIComponent(href));
  }
  const documents = [...opf.matchAll(/<itemref\b[^>]*\bidref="([^"]+)"/g)]
    .map((match) => items.get(match[1]!))
    .filter((href): href is string => Boolean(href))
    .map((href) => ({ name: href, tree: parseHtml(text(`${folder}${href}`)) }));

  // Pictures inside the book come along into the work's images/ folder, each once; the
  // content documents' <img> then name them there.
  const pictures: ImportedPicture[] = [];
  const placed = new Map<string, string>();
  const place = (zipPath: string): string | undefined => {
    const bytes = files[zipPath];
    if (!bytes || !/\.(jpe?g|png|gif|webp|avif|svg)$/i.test(zipPath)) return undefined;
    let where = placed.get(zipPath);
    if (!where) {
      const base = zipPath
        .split('/')
        .pop()!
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, '-');
      where = `images/${[...placed.values()].includes(`images/${base}`) ? `${placed.size}-${base}` : base}`;
      placed.set(zipPath, where);
      pictures.push({ path: where, bytes });
    }
    return where;
  };
  for (const { name, tree } of documents) {
    const dir = `${folder}${name}`.split('/').slice(0, -1).join('/');
    visit(tree, 'element', (element) => {
      if (element.tagName !== 'img' || typeof element.properties['src'] !== 'string') return;
      const src = decodeURIComponent(element.properties['src']);
      if (/^[a-z]+:/i.test(src)) return;
      const zipPath = path.posix.normalize(path.posix.join(dir, src));
      const where = place(zipPath);
      if (where) element.properties['src'] = where;
    });
  }
  // The cover: EPUB 3's cover-image item, or EPUB 2's <meta name="cover">.
  const coverId =
    /<item\b[^>]*properties="[^"]*cover-image[^"]*"[^>]*>/
      .exec(opf)?.[0]
      .match(/\bid="([^"]+)"/)?.[1] ??
    /<meta\b[^>]*name="cover"[^>]*content="([^"]+)"/.exec(opf)?.[1] ??
    /<meta\b[^>]*content="([^"]+)"[^>]*name="cover"/.exec(opf)?.[1];
  const coverHref = coverId ? items.get(coverId) : undefined;
  const cover = coverHref ? place(path.posix.normalize(`${folder}${coverHref}`)) : undefined;
  return { opf, documents, pictures, cover };
}

/** A Dublin Core field of the package, entities decoded. */
function dc(opf: string, field: string): string[] {
  return [...opf.matchAll(new RegExp(`<dc:${field}\\b[^>]*>([\\s\\S]*?)</dc:${field}>`, 'g'))].map(
    (m) => textOf(parseHtml(m[1]!)),
  );
}

export function readEpub(bytes: Uint8Array): ImportedStory {
  const epub = openEpub(bytes);
  const publisher = dc(epub.opf, 'publisher').join(' ');
  const isAo3 =
    /archive of our own/i.test(publisher) ||
    epub.documents.some(
      ({ tree }) => select('#preface', tree) && select('#chapters, #afterword', tree),
    );
  const withPictures = (story: ImportedStory): ImportedStory => ({
    ...story,
    pictures: epub.pictures,
    cover: epub.cover,
  });
  if (isAo3) return withPictures(readAo3(joined(epub.documents.map((d) => d.tree)), 'ao3-epub'));
  const isFanFicFare =
    epub.documents.some(({ name }) => /title_page\.x?html$/.test(name)) ||
    epub.documents.some(({ tree }) => select('.fff_chapter_title', tree));
  if (isFanFicFare) return withPictures(readFanFicFareEpub(epub));
  throw new ImportError(
    'This EPUB was not made by AO3 or FanFicFare, the EPUBs the importer reads. Download the work from AO3 as HTML or EPUB, or save it as plain text, and import that.',
  );
}

/** Every document's body, in order, as one tree (ids kept: AO3's reader keys on them). */
function joined(trees: Root[]): Root {
  const children = trees.flatMap(
    (tree) => (select('body', tree) as Element | null)?.children ?? [],
  );
  return {
    type: 'root',
    children: [{ type: 'element', tagName: 'body', properties: {}, children }],
  };
}

function readFanFicFareEpub(epub: Epub): ImportedStory {
  const titlePage = epub.documents.find(({ name }) => /title_page\.x?html$/.test(name));
  const values = titlePage ? labelledValues(titlePage.tree) : new Map();
  const title = dc(epub.opf, 'title')[0] ?? '';
  if (!title) throw new ImportError('This EPUB has no title: it is damaged. Make it again.');
  const summary = values.get('summary')?.text || dc(epub.opf, 'description')[0];
  const meta = metaFromLabels(
    values,
    title,
    dc(epub.opf, 'creator'),
    summary ? parseHtml(`<p>${escapeHtml(summary)}</p>`) : undefined,
  );
  const chapters: ImportedChapter[] = [];
  for (const { tree } of epub.documents) {
    const heading = select('.fff_chapter_title', tree);
    if (!heading) continue;
    const body = select('body', tree);
    const blocks = body ? blocksOf(body).filter((b) => b.element !== heading) : [];
    chapters.push(chapterFrom(textOf(heading), blocks));
  }
  if (chapters.length === 0)
    throw new ImportError('This FanFicFare EPUB has no chapters: it is damaged. Make it again.');
  return { format: 'fanficfare-epub', meta, chapters, notes: [] };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
