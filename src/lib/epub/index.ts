import { createHash } from 'node:crypto';
import type { Strings } from '../i18n/index.ts';
import type { Chapter, Part, Work } from '../story/library.ts';
import { publishingFromEnv } from '../story/publishing.ts';
import { splitAtImages } from '../markup/images.ts';
import { epubPicture, type EpubPicture } from './pictures.ts';
import { epubStylesheet } from './stylesheet.ts';
import { escapeXml, toXhtml, xhtmlDocument } from './xhtml.ts';
import { cachedZipEpub, type ContainerFile } from './zip.ts';

// The EPUB renderer: a second renderer beside the pages, over the same model and the same
// chapter HTML the site shows (no scraping of built pages). One EPUB 3 file per work, with an
// EPUB 2 NCX for older readers, EPUB Accessibility metadata, and bytes that depend only on the
// content: a work built twice gives the same file.

/** The chapter content documents, by position: `chapter-001.xhtml`. */
const chapterFile = (chapter: Chapter) =>
  `chapter-${String(chapter.position).padStart(3, '0')}.xhtml`;

/** One entry of the reading order (spine), navigation and manifest. */
interface Document {
  id: string;
  file: string;
  title: string;
  body: string;
  /** The cover is read first but is no entry of the contents. */
  cover?: boolean;
  /** A part's title page: the contents list the part's chapters under it. */
  part?: boolean;
  /** A chapter of a part, listed under the part's title page. */
  inPart?: boolean;
}

/**
 * The EPUB of a work. `site` is the site's public address: the work's URL on it is printed on the
 * title page and gives the book its identifier, so the same work has the same identifier in
 * every build, and two works never share one.
 */
export async function buildEpub(work: Work, site: URL): Promise<Uint8Array> {
  const workUrl = new URL(work.url, site).href;
  const lang = work.data.language;
  const { t } = work.strings;
  const pictures = await picturesOf(work);
  const documents: Document[] = [titlePage(work, workUrl)];
  const cover = work.cover && pictures.get(work.cover.file);
  if (work.cover && cover) {
    documents.unshift({
      id: 'cover',
      file: 'cover.xhtml',
      title: t('epub.cover'),
      body: `<section class="cover" epub:type="cover">\n<img role="doc-cover" src="${cover.href}" alt="${escapeXml(work.cover.alt)}" />\n</section>`,
      cover: true,
    });
  }
  const front =
    notesSection(t('work.summary'), work.summaryHtml, 'summary') +
    notesSection(t('work.notes'), work.notesHtml, 'notes');
  if (front) {
    documents.push({
      id: 'about',
      file: 'about.xhtml',
      title: t('epub.summaryAndNotes'),
      body: `<section epub:type="preface" role="doc-preface" aria-labelledby="about-title">\n<h2 id="about-title">${escapeXml(t('epub.summaryAndNotes'))}</h2>\n${front}</section>`,
    });
  }
  for (const section of work.contents) {
    if (section.part) documents.push(partDocument(section.part));
    for (const chapter of section.chapters) {
      documents.push({
        ...chapterDocument(chapter, pictures, work.strings),
        inPart: Boolean(section.part),
      });
    }
  }

  const modified = modifiedDate(work);
  const files: ContainerFile[] = [
    {
      path: 'META-INF/container.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml" />
</rootfiles>
</container>
`,
    },
    {
      path: 'OEBPS/content.opf',
      content: packageDocument(work, workUrl, documents, [...pictures.values()], cover, modified),
    },
    { path: 'OEBPS/nav.xhtml', content: navigationDocument(work, documents) },
    { path: 'OEBPS/toc.ncx', content: ncx(work, workUrl, documents) },
    { path: 'OEBPS/style.css', content: epubStylesheet },
    ...documents.map((doc) => ({
      path: `OEBPS/${doc.file}`,
      content: xhtmlDocument({ title: doc.title, lang, dir: work.strings.dir, body: doc.body }),
    })),
    ...[...pictures.values()].map((picture) => ({
      path: `OEBPS/${picture.href}`,
      content: picture.bytes,
    })),
  ];
  return cachedZipEpub(files, modified);
}

/** A work's EPUB, made once per build and shared by its download route and the pages that link it with its size. */
const made = new Map<string, Promise<Uint8Array>>();
export function getEpub(work: Work, site: URL): Promise<Uint8Array> {
  const key = `${work.slug} ${site.href}`;
  let epub = made.get(key);
  if (!epub) {
    const started = performance.now();
    epub = buildEpub(work, site).then((bytes) => {
      // One line per book in the build log; `npm run bench` adds these up (the time is spent on
      // the build's main thread, beside the pages).
      console.log(
        `\nEPUB ${work.slug}.epub: ${bytes.byteLength} bytes in ${Math.round(performance.now() - started)} ms`,
      );
      return bytes;
    });
    made.set(key, epub);
  }
  return epub;
}

/** Every picture of the work (its cover, its chapters'), once each, by source file. */
async function picturesOf(work: Work): Promise<Map<string, EpubPicture>> {
  const files = new Set<string>();
  if (work.cover) files.add(work.cover.file);
  for (const chapter of work.chapters)
    for (const picture of chapter.pictures.values()) files.add(picture.file);
  const packed = await Promise.all([...files].map(epubPicture));
  return new Map([...files].map((file, index) => [file, packed[index]!]));
}

/** A chapter's HTML with each picture placeholder as the book's own `<img>`. */
function withPictures(chapter: Chapter, pictures: Map<string, EpubPicture>): string {
  return splitAtImages(chapter.html)
    .map((part) => {
      if (typeof part === 'string') return part;
      const file = chapter.pictures.get(part.reference)?.file;
      const picture = file && pictures.get(file);
      if (!picture) throw new Error(`${chapter.id}: no picture "${part.reference}"`);
      return `<img src="${picture.href}" alt="${escapeXml(part.alt)}" />`;
    })
    .join('');
}

function chapterDocument(
  chapter: Chapter,
  pictures: Map<string, EpubPicture>,
  { t }: Strings,
): Document {
  const { title } = chapter;
  const parts = [
    `<h2 id="chapter-title">${escapeXml(title)}</h2>`,
    notesSection(t('chapter.summary'), chapter.summaryHtml, 'chapter-summary'),
    notesSection(t('chapter.notes'), chapter.notesHtml, 'notes'),
    `<div class="story-text">\n${toXhtml(withPictures(chapter, pictures))}\n</div>`,
    notesSection(t('chapter.endNotes'), chapter.endNotesHtml, 'end-notes'),
  ];
  return {
    id: `chapter-${chapter.position}`,
    file: chapterFile(chapter),
    title,
    body: `<section epub:type="chapter" role="doc-chapter" aria-labelledby="chapter-title">\n${parts.filter(Boolean).join('\n')}\n</section>`,
  };
}

/** A part's title page, as in a printed book: the reading system's contents nest its chapters under it. */
function partDocument(part: Part): Document {
  return {
    id: `part-${part.number}`,
    file: `part-${String(part.number).padStart(2, '0')}.xhtml`,
    title: part.title,
    body: `<section class="part-title" epub:type="part" role="doc-part" aria-labelledby="part-title">\n<h1 id="part-title">${escapeXml(part.title)}</h1>\n</section>`,
    part: true,
  };
}

/**
 * The contents as nested entries: the front matter and chapters outside any part at the top, a
 * part's chapters under its title page. `render(doc, children)` writes one entry.
 */
function contentsTree(
  documents: Document[],
  render: (doc: Document, children: string[]) => string,
) {
  const entries: string[] = [];
  let part: { doc: Document; children: string[] } | undefined;
  const closePart = () => {
    if (part) entries.push(render(part.doc, part.children));
    part = undefined;
  };
  for (const doc of documents) {
    if (doc.cover) continue;
    if (doc.part) {
      closePart();
      part = { doc, children: [] };
    } else if (doc.inPart && part) part.children.push(render(doc, []));
    else {
      closePart();
      entries.push(render(doc, []));
    }
  }
  closePart();
  return entries;
}

/** A titled block of the author's notes, as the site shows them beside the text; empty when there are none. */
function notesSection(heading: string, html: string, kind: string): string {
  if (!html) return '';
  const id = `notes-${kind}`;
  return `<section class="notes" aria-labelledby="${id}">\n<h3 id="${id}">${escapeXml(heading)}</h3>\n${toXhtml(html)}\n</section>\n`;
}

function titlePage(work: Work, workUrl: string): Document {
  const { data, strings } = work;
  const { t } = strings;
  const facts: [string, string][] = [];
  const list = (label: string, values: string[] | undefined) => {
    if (values?.length) facts.push([label, values.join(', ')]);
  };
  if (data.series)
    facts.push([
      t('work.series'),
      t('work.seriesPart', { series: data.series.name, part: data.series.part }),
    ]);
  if (data.rating) facts.push([t('facts.rating'), data.rating]);
  list(t('facts.warnings'), data.warnings);
  list(t('facts.fandoms'), data.fandoms);
  list(t('facts.relationships'), data.relationships);
  list(t('facts.characters'), data.characters);
  list(t('facts.tags'), data.tags);
  // The language by its own name ("English", "中文"), not its code.
  facts.push([t('facts.language'), strings.languageName()]);
  if (data.published) facts.push([t('facts.published'), strings.date(data.published)]);
  if (work.updated) facts.push([t('facts.updated'), strings.date(work.updated)]);
  facts.push([
    t('facts.status'),
    t(data.status === 'complete' ? 'work.complete' : 'work.inProgress'),
  ]);
  facts.push([t('facts.words'), strings.number(work.words)]);
  facts.push([t('facts.chapters'), strings.number(work.chapters.length)]);
  const dl = facts
    .map(([term, value]) => `<dt>${escapeXml(term)}</dt>\n<dd>${escapeXml(value)}</dd>`)
    .join('\n');
  return {
    id: 'title-page',
    file: 'title.xhtml',
    title: data.title,
    body: `<section class="title-page" epub:type="titlepage" aria-labelledby="book-title">
<h1 id="book-title">${escapeXml(data.title)}</h1>
<p class="author">${escapeXml(t('work.by', { author: data.author }))}</p>
<dl class="facts">
${dl}
</dl>
<p>${escapeXml(t('epub.readOnline'))} <a href="${escapeXml(workUrl)}">${escapeXml(workUrl)}</a></p>
</section>`,
  };
}

function packageDocument(
  work: Work,
  workUrl: string,
  documents: Document[],
  pictures: EpubPicture[],
  cover: EpubPicture | undefined,
  modified: Date,
): string {
  const { data } = work;
  const meta: string[] = [
    `<dc:identifier id="book-id">${identifierOf(workUrl)}</dc:identifier>`,
    `<dc:title>${escapeXml(data.title)}</dc:title>`,
    `<dc:creator id="author">${escapeXml(data.author)}</dc:creator>`,
    `<meta refines="#author" property="role" scheme="marc:relators">aut</meta>`,
    `<dc:language>${escapeXml(data.language)}</dc:language>`,
    `<dc:source>${escapeXml(workUrl)}</dc:source>`,
  ];
  if (work.description)
    meta.push(`<dc:description>${escapeXml(work.description)}</dc:description>`);
  if (data.published) meta.push(`<dc:date>${data.published.toISOString().slice(0, 10)}</dc:date>`);
  for (const subject of [...(data.fandoms ?? []), ...(data.tags ?? [])])
    meta.push(`<dc:subject>${escapeXml(subject)}</dc:subject>`);
  meta.push(`<meta property="dcterms:modified">${modified.toISOString().slice(0, 19)}Z</meta>`);
  if (data.series) {
    meta.push(
      `<meta property="belongs-to-collection" id="series">${escapeXml(data.series.name)}</meta>`,
      `<meta refines="#series" property="collection-type">series</meta>`,
      `<meta refines="#series" property="group-position">${data.series.part}</meta>`,
    );
  }
  // EPUB Accessibility: text (and pictures, each described in words), navigable by its
  // structure; no hazards.
  if (cover) meta.push(`<meta name="cover" content="${cover.id}" />`);
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'ARIA'];
  if (pictures.length > 0) features.push('alternativeText');
  meta.push(
    `<meta property="schema:accessMode">textual</meta>`,
    ...(pictures.length > 0 ? [`<meta property="schema:accessMode">visual</meta>`] : []),
    `<meta property="schema:accessModeSufficient">textual</meta>`,
    ...features.map((feature) => `<meta property="schema:accessibilityFeature">${feature}</meta>`),
    `<meta property="schema:accessibilityHazard">none</meta>`,
    `<meta property="schema:accessibilitySummary">All text, in reading order, with a table of contents and headed chapters. Scene breaks are announced as such, and flashbacks are labelled where they start and end.${pictures.length > 0 ? ' Every picture is described in words, except pure decoration.' : ''} The reading app's own typeface, size and colours apply.</meta>`,
  );
  const manifest = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />`,
    `<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml" />`,
    `<item id="style" href="style.css" media-type="text/css" />`,
    ...documents.map(
      (doc) => `<item id="${doc.id}" href="${doc.file}" media-type="application/xhtml+xml" />`,
    ),
    ...pictures.map(
      (picture) =>
        `<item id="${picture.id}" href="${picture.href}" media-type="${picture.mediaType}"${picture === cover ? ' properties="cover-image"' : ''} />`,
    ),
  ];
  // The contents page is read after the title page, as in a printed book.
  const spine = documents.map((doc) => `<itemref idref="${doc.id}" />`);
  spine.splice(
    documents.findIndex((doc) => doc.id === 'title-page') + 1,
    0,
    `<itemref idref="nav" />`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(data.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine toc="ncx"${work.strings.dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${spine.join('\n')}
</spine>
</package>
`;
}

function navigationDocument(work: Work, documents: Document[]): string {
  const { t } = work.strings;
  const hasCover = documents.some((doc) => doc.cover);
  const items = contentsTree(
    documents,
    (doc, children) =>
      `<li><a href="${doc.file}">${escapeXml(doc.title)}</a>${children.length ? `\n<ol>\n${children.join('\n')}\n</ol>\n` : ''}</li>`,
  ).join('\n');
  const firstChapter = documents.find((doc) => doc.part || doc.id.startsWith('chapter-'));
  const body = `<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">
<h1 id="toc-title">${escapeXml(t('epub.contents'))}</h1>
<ol>
${items}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>${escapeXml(t('epub.landmarks'))}</h2>
<ol>
${hasCover ? `<li><a epub:type="cover" href="cover.xhtml">${escapeXml(t('epub.cover'))}</a></li>\n` : ''}<li><a epub:type="titlepage" href="title.xhtml">${escapeXml(t('epub.titlePage'))}</a></li>
<li><a epub:type="toc" href="nav.xhtml#toc">${escapeXml(t('epub.contents'))}</a></li>
${firstChapter ? `<li><a epub:type="bodymatter" href="${firstChapter.file}">${escapeXml(t('epub.startOfStory'))}</a></li>\n` : ''}</ol>
</nav>`;
  return xhtmlDocument({
    title: `${work.data.title}: ${t('epub.contents')}`,
    lang: work.data.language,
    dir: work.strings.dir,
    body,
  });
}

function ncx(work: Work, workUrl: string, documents: Document[]): string {
  // playOrder follows the reading order, which is document order.
  const order = new Map(documents.filter((doc) => !doc.cover).map((doc, i) => [doc, i + 1]));
  const points = contentsTree(
    documents,
    (doc, children) => `<navPoint id="nav-${doc.id}" playOrder="${order.get(doc)}">
<navLabel><text>${escapeXml(doc.title)}</text></navLabel>
<content src="${doc.file}" />${children.length ? `\n${children.join('\n')}` : ''}
</navPoint>`,
  ).join('\n');
  const depth = documents.some((doc) => doc.part) ? 2 : 1;
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${escapeXml(work.data.language)}">
<head>
<meta name="dtb:uid" content="${identifierOf(workUrl)}" />
<meta name="dtb:depth" content="${depth}" />
<meta name="dtb:totalPageCount" content="0" />
<meta name="dtb:maxPageNumber" content="0" />
</head>
<docTitle><text>${escapeXml(work.data.title)}</text></docTitle>
<docAuthor><text>${escapeXml(work.data.author)}</text></docAuthor>
<navMap>
${points}
</navMap>
</ncx>
`;
}

/** A name-based UUID (version 5 layout, SHA-1) of the work's URL: stable, and unique per work and site. */
export function identifierOf(workUrl: string): string {
  const hash = createHash('sha1').update(`fiction-reader epub ${workUrl}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * When the content last changed, as the content itself says: the work's updated date, else its
 * newest chapter's or its own publication date. A story with no dates at all takes the build's:
 * `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else the day of
 * the build (BUILD_DATE or the clock) at midnight UTC, so rebuilds on one day give the same
 * bytes. (A fixed date said 2000-01-01 in every reading app's "modified".)
 */
export function modifiedDate(
  work: Pick<Work, 'updated' | 'data' | 'chapters'>,
  env: Record<string, string | undefined> = process.env,
): Date {
  const dates = [work.updated, work.data.published, ...work.chapters.map((c) => c.data.published)]
    .filter((d): d is Date => d !== undefined)
    .map((d) => d.getTime());
  if (dates.length > 0) return new Date(Math.max(...dates));
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  const today = publishingFromEnv(env, false).now;
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}
