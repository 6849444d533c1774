import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'yaml';
import { importStory } from '../../src/lib/import/index.ts';

// EPUBs made the way the tools authors use make theirs, from this project's own fixture
// stories (tests/fixtures/import/): no one else's file is needed, and none is committed.

export const importFixtures = path.resolve(import.meta.dirname, '../fixtures/import');

export const fixture = (name: string) => readFileSync(path.join(importFixtures, name));

/** A file's bytes as the importer takes them. */
export const bytes = (buffer: Buffer | Uint8Array) => new Uint8Array(buffer);

/** A fresh, empty folder to import into. */
export const contentDir = () => mkdtempSync(path.join(tmpdir(), 'import-'));

function epub(
  files: Record<string, string | Uint8Array>,
  opf: { metadata: string; spine: string[]; items?: string },
): Uint8Array {
  const manifest =
    opf.spine
      .map(
        (name, index) =>
          `<item id="doc${index}" href="${name}" media-type="application/xhtml+xml"/>`,
      )
      .join('\n') + (opf.items ?? '');
  const spine = opf.spine.map((_, index) => `<itemref idref="doc${index}"/>`).join('\n');
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': [
      strToU8(
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
      ),
      { level: 6 },
    ],
    'OEBPS/content.opf': [
      strToU8(
        `<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${opf.metadata}</metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`,
      ),
      { level: 6 },
    ],
  };
  for (const [name, content] of Object.entries(files))
    entries[`OEBPS/${name}`] = [
      typeof content === 'string' ? strToU8(content) : content,
      { level: 6 },
    ];
  return zipSync(entries);
}

const xhtml = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`;

/**
 * The 2025 AO3 download as Calibre converts it: split into three files (the second cut in the
 * middle of chapter 1's text, so its wrappers are repeated without their ids), every class
 * renamed (`calibre1`, `userstuff1`).
 */
export function ao3Epub(): Uint8Array {
  const html = fixture('ao3-2025-multi.html').toString('utf8');
  const body = html.slice(html.indexOf('<body'), html.indexOf('</body>'));
  const preface = body.slice(
    body.indexOf('<div id="preface">'),
    body.indexOf('<div id="chapters"'),
  );
  const chapters = body.slice(
    body.indexOf('<div id="chapters"'),
    body.indexOf('<div id="afterword">'),
  );
  const afterword = body.slice(body.indexOf('<div id="afterword">'));
  const cut = chapters.indexOf('<p>&nbsp;</p>\n    <hr/>');
  const first = `${chapters.slice(0, cut)}</div></div>`;
  const second = `<div class="userstuff"><div class="userstuff">${chapters.slice(cut)}`;
  let counter = 0;
  const renamed = new Map<string, string>();
  const rename = (text: string) =>
    text.replace(/class="([^"]+)"/g, (_, names: string) => {
      if (!renamed.has(names))
        renamed.set(
          names,
          names.includes('userstuff') ? `userstuff${++counter}` : `calibre${++counter}`,
        );
      return `class="${renamed.get(names)}"`;
    });
  const files = {
    'Stars_split_000.xhtml': xhtml(rename(preface)),
    'Stars_split_001.xhtml': xhtml(rename(first)),
    'Stars_split_002.xhtml': xhtml(rename(second + afterword)),
  };
  return epub(files, {
    metadata:
      '<dc:title>*Stars* &amp; &lt;Hearts&gt;: [A] #1</dc:title><dc:creator>Quill_Writer (quill)</dc:creator><dc:publisher>Archive of Our Own</dc:publisher><dc:subject>Fanworks</dc:subject><dc:description>&lt;p&gt;The ovens keep their promise.&lt;/p&gt;</dc:description>',
    spine: Object.keys(files),
  });
}

/**
 * A FanFicFare EPUB of an AO3 work: a title page of labels, one file a chapter, a cover and two
 * pictures inside (one in the middle of a line, one without alt text).
 */
export async function fanFicFareEpub(): Promise<Uint8Array> {
  const sharp = (await import('sharp')).default;
  const picture = (width: number, height: number, colour: string) =>
    sharp({ create: { width, height, channels: 3, background: colour } })
      .png()
      .toBuffer();
  const pictures = {
    'images/cover.png': new Uint8Array(await picture(400, 600, '#223355')),
    'images/map.png': new Uint8Array(await picture(640, 400, '#88aa66')),
    'images/ornament.png': new Uint8Array(await picture(300, 40, '#aa8844')),
  };
  const chapters = {
    'title_page.xhtml': xhtml(
      '<h3><a href="https://archiveofourown.org/works/777">Moonlit Errands</a> by <a class="authorlink" href="#">Pip</a></h3><div><b>Category:</b> Original Work<br/><b>Genre:</b> Fluff, Adventure<br/><b>Characters:</b> Pip, Moss<br/><b>Relationships:</b> Pip &amp; Moss<br/><b>Status:</b> In-Progress<br/><b>Published:</b> 2024-10-01<br/><b>Updated:</b> 2024-12-24<br/><b>Rating:</b> General Audiences<br/><b>Warnings:</b> No Archive Warnings Apply<br/><b>Language:</b> English<br/><b>Series:</b> Night Walks [3]<br/><b>Summary:</b> Two friends run errands by moonlight.<br/></div>',
    ),
    'file0001.xhtml': xhtml(
      '<h3 class="fff_chapter_title">Chapter 1: The Baker</h3><div class="fff_chapter_notes fff_head_notes"><b>Summary for the Chapter:</b><blockquote><p>Bread at midnight.</p></blockquote><b>Notes for the Chapter:</b><blockquote><p>A head note.</p></blockquote></div><div class="userstuff"><p>Pip knocked on the <span class="u">bakery</span> door.</p><hr/><p>Moss answered.</p><p>Before the map. <img src="../images/map.png" alt="A map of the moonlit streets"/> After the map.</p><p><img src="../images/ornament.png" alt=""/></p></div><div class="fff_chapter_notes fff_foot_notes"><b>Notes for the Chapter:</b><blockquote><p>A foot note.</p></blockquote></div>',
    ),
    'file0002.xhtml': xhtml(
      '<h3 class="fff_chapter_title">Chapter 2: The Lamplighter</h3><div class="userstuff"><p>The lamps were lit.</p></div><div class="fff_chapter_notes fff_foot_notes"><b>Notes for the Chapter:</b><blockquote><p>The work’s end note.</p></blockquote></div>',
    ),
  };
  // Chapters in a folder of their own, pictures beside it: paths inside the book are relative.
  const files = {
    ...Object.fromEntries(Object.entries(chapters).map(([name, text]) => [`text/${name}`, text])),
    ...pictures,
  };
  return epub(files, {
    metadata:
      '<dc:title>Moonlit Errands</dc:title><dc:creator>Pip</dc:creator><dc:publisher>FanFicFare</dc:publisher><meta name="cover" content="cover-image"/>',
    spine: Object.keys(chapters).map((name) => `text/${name}`),
    items:
      '<item id="cover-image" href="images/cover.png" media-type="image/png"/><item id="map" href="images/map.png" media-type="image/png"/><item id="ornament" href="images/ornament.png" media-type="image/png"/>',
  });
}

/**
 * A story folder's work exported as plain text the way an author pastes a story: title, "by",
 * "Summary:", the work's notes, then "Chapter N: Title" and each chapter as the site shows it
 * (scene breaks as `***`, flashbacks between the site's own "Flashback: …" and "End of
 * flashback" lines). For the importer's round trip.
 */
export async function exportPlainText(workDir: string): Promise<string> {
  const { readdirSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const { parseHTML } = await import('linkedom');
  const { renderChapterBody } = await import('../../src/lib/markup/index.ts');
  const read = (name: string) => {
    const source = readFileSync(path.join(workDir, name), 'utf8');
    const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source)!;
    return { data: parse(match[1]!) as Record<string, string>, body: match[2]! };
  };
  const textOf = async (markdown: string, file: string) => {
    const rendered = await renderChapterBody(markdown, path.join(workDir, file));
    if ('mistake' in rendered) throw new Error(rendered.mistake.reason);
    const { document } = parseHTML(`<html><body>${rendered.html}</body></html>`);
    const lines: string[] = [];
    for (const element of document.body.querySelectorAll('p, hr, h2, h3, li')) {
      if (element.closest('[data-footnotes]')) continue;
      lines.push(
        element.tagName === 'HR' ? '***' : element.textContent!.replace(/\s+/g, ' ').trim(),
      );
    }
    return lines.filter(Boolean).join('\n\n');
  };
  const work = read('work.md');
  const parts = [
    work.data['title']!,
    `by ${work.data['author']}`,
    `Summary: ${work.data['summary']}`,
  ];
  if (work.body.trim()) parts.push(await textOf(work.body, 'work.md'));
  const chapters = readdirSync(workDir)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort();
  for (const [index, name] of chapters.entries()) {
    const chapter = read(name);
    parts.push(`Chapter ${index + 1}: ${chapter.data['title']}`, await textOf(chapter.body, name));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Imports, then returns the files by name (front matter parsed) and the report. */
export async function imported(input: Uint8Array, slug?: string) {
  const dir = contentDir();
  const result = await importStory(input, { slug });
  const files = new Map(
    result.written.files
      .filter((file) => typeof file.content === 'string')
      .map(({ path: name, content }) => {
        const [, yaml, body] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(String(content))!;
        return [
          name,
          {
            data: parse(yaml!) as Record<string, unknown>,
            body: body!.trim(),
            content: String(content),
          },
        ];
      }),
  );
  return { ...result, files, dir };
}
