import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readAo3, looksLikeAo3 } from './ao3.ts';
import { readDocx } from './docx.ts';
import { readEpub } from './epub.ts';
import { looksLikeFanFicFare, readFanFicFareHtml } from './fanficfare.ts';
import { parseHtml } from './html.ts';
import { readPlainText } from './plain-text.ts';
import { checkFidelity, type Difference } from './fidelity.ts';
import { ImportError, type ImportedStory } from './story.ts';
import { writeStory, type Written } from './write.ts';

export { ImportError } from './story.ts';
export type { ImportedStory } from './story.ts';

// The importer: one reader per input format, told from the file itself, feeding one writer of
// the content format, then the proof that every word survived. `src/cli/import.ts` is its shell.

/**
 * Reads a story file of any supported kind. `fileName` (without folders) names the work when
 * the file itself does not (a Word document without a title).
 */
export async function readStory(bytes: Uint8Array, fileName?: string): Promise<ImportedStory> {
  // A zip: an EPUB (its first entry is "mimetype", stored), a Word or OpenDocument file.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const head = new TextDecoder().decode(bytes.subarray(30, 100));
    if (head.startsWith('mimetypeapplication/epub+zip')) return readEpub(bytes);
    if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument'))
      throw new ImportError(
        'This is an OpenDocument file (.odt): no well-kept library reads it. In LibreOffice choose File › Save As › Word 2007-365 (.docx), and import that.',
      );
    if (zipHolds(bytes, 'word/document.xml')) return readDocx(bytes, fileName);
    throw new ImportError(
      'This is a zip file but not an EPUB or a Word document. Import the EPUB, the .docx, or the story saved as plain text or HTML.',
    );
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    throw new ImportError(
      'This is a PDF: its text cannot be read back faithfully. Download the work as HTML or EPUB, or save it as plain text.',
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (
    /^\s*(<!doctype html|<html|<head|<body|<\?xml)/i.test(text) ||
    /<\/(p|div|body)>/i.test(text.slice(0, 200_000))
  ) {
    const doc = parseHtml(text);
    if (looksLikeAo3(doc)) return readAo3(doc, 'ao3-html');
    if (looksLikeFanFicFare(doc)) return readFanFicFareHtml(doc);
    throw new ImportError(
      'This HTML file is not an AO3 or FanFicFare download, the HTML the importer reads. Save the story as plain text (a title line, then the chapters), and import that.',
    );
  }
  return readPlainText(text);
}

/** What an import made: the story read, the files written and the report. */
export interface ImportResult {
  story: ImportedStory;
  written: Written;
  /** Lines for the author: what was found, added, left out or guessed. */
  report: string[];
}

/**
 * Reads and writes a story in memory, then checks every word of what it wrote against the
 * source through the site's own pipeline. Throws an ImportError naming the first difference.
 */
export async function importStory(
  bytes: Uint8Array,
  options: { slug?: string | undefined; fileName?: string | undefined },
): Promise<ImportResult> {
  const story = await readStory(bytes, options.fileName);
  const written = writeStory(story, options.slug);
  // Pictures are checked by the site's pipeline where the chapters will find them: staged in a
  // folder of their own for the check, so nothing reaches the content folder before it passes.
  const staging = await mkdtemp(path.join(tmpdir(), 'fiction-import-'));
  try {
    for (const file of written.files) {
      if (typeof file.content === 'string') continue;
      await mkdir(path.dirname(path.join(staging, file.path)), { recursive: true });
      await writeFile(path.join(staging, file.path), file.content);
    }
    const difference = await checkFidelity(story, written, staging);
    if (difference) throw fidelityError(difference);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const words = written.texts
    .filter((t) => t.label.endsWith(' text'))
    .reduce((sum, t) => sum + t.converted.markdown.split(/\s+/).length, 0);
  const report = [
    `Read as ${describe(story.format)}: "${story.meta.title}" by ${story.meta.authors.join(', ')}, ${story.chapters.length} chapter${story.chapters.length === 1 ? '' : 's'}, about ${words.toLocaleString('en')} words.`,
    ...story.notes,
    ...written.texts.flatMap((t) => t.converted.notes.map((note) => `${t.label}: ${note}`)),
    ...written.texts
      .filter((t) => t.converted.structural.length > 0)
      .map(
        (t) =>
          `${t.label}: became structure, shown by the site's own labels and breaks: ${t.converted.structural.map((line) => `"${line}"`).join(', ')}.`,
      ),
    ...(story.pictures?.length
      ? [
          `${story.pictures.length} picture${story.pictures.length === 1 ? '' : 's'} from the file written to ${written.slug}/images/${story.cover ? `, the cover among them (${story.cover})` : ''}.`,
        ]
      : []),
    ...written.added.map((line) => `Added: ${line}.`),
  ];
  return { story, written, report };
}

function describe(format: ImportedStory['format']): string {
  return {
    'ao3-html': 'an AO3 HTML download',
    'ao3-epub': 'an AO3 EPUB download',
    'fanficfare-html': 'a FanFicFare HTML file',
    'fanficfare-epub': 'a FanFicFare EPUB',
    epub: 'an EPUB',
    docx: 'a Word document',
    text: 'plain text',
  }[format];
}

function fidelityError(difference: Difference): ImportError {
  return new ImportError(
    `Nothing was written: a word would have changed in ${difference.where}.\n  the source:  …${difference.expected}…\n  the output:  …${difference.found}…\nThis is the importer's mistake, not yours: please report it with the file.`,
  );
}

/** True when the zip holds an entry `name` (fflate lists the entries; nothing is unpacked). */
function zipHolds(bytes: Uint8Array, name: string): boolean {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (file.name === name) found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}
