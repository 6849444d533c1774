import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readAo3, looksLikeAo3 } from './ao3.ts';
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

/** Reads a story file of any supported kind. */
export function readStory(bytes: Uint8Array): ImportedStory {
  // A zip: an EPUB (its first entry is "mimetype", stored).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (
      !new TextDecoder().decode(bytes.subarray(30, 58)).startsWith('mimetypeapplication/epub+zip')
    ) {
      throw new ImportError(
        'This is a zip file but not an EPUB (a Word document is one too). Save the story as plain text or HTML, or download it from AO3 as HTML or EPUB.',
      );
    }
    return readEpub(bytes);
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
  options: { slug?: string | undefined },
): Promise<ImportResult> {
  const story = readStory(bytes);
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
    text: 'plain text',
  }[format];
}

function fidelityError(difference: Difference): ImportError {
  return new ImportError(
    `Nothing was written: a word would have changed in ${difference.where}.\n  the source:  …${difference.expected}…\n  the output:  …${difference.found}…\nThis is the importer's mistake, not yours: please report it with the file.`,
  );
}
