import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatBytes } from '../../src/lib/format.ts';
import { stringsFor } from '../../src/lib/i18n/index.ts';
import { addedTextSelectors } from '../../src/lib/markup/vocabulary.ts';
import { openEpub } from '../support/epub.ts';
import { firstDifference, pageAt, visibleText, wordsOf } from '../support/html.ts';
import {
  availableSites,
  distOf,
  root,
  runAstroBuild,
  sites,
  type SiteName,
} from '../support/sites.ts';

// Every work of every test site as an EPUB: there, linked, valid, and word for word the site.
const epubSites = availableSites.filter(
  (site) => site !== 'libraryUnderBase' && site !== 'publishingPreview',
);

/** The works of a built site: folders holding a work page (not the search page). */
function worksOf(dist: string): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && e.name !== 'search' && e.name !== '_astro' && e.name !== 'pagefind',
    )
    .map((e) => e.name)
    .filter((slug) => existsSync(path.join(dist, slug, 'index.html')))
    .sort();
}

const isAddedLabel = (element: Element) =>
  addedTextSelectors.some((selector) => element.matches(selector));
const wordsIn = (element: Element | null) => wordsOf(element ? visibleText(element) : '');

/** The chapters the site's contents list for a work, in order: slug and title. */
function contentsOf(dist: string, work: string): { slug: string; title: string }[] {
  return Array.from(pageAt(dist, `/${work}/`).document.querySelectorAll('[data-chapter-slug]')).map(
    (li) => ({
      slug: li.getAttribute('data-chapter-slug')!,
      title: li
        .querySelector('a')!
        .textContent!.replace(/^\s*\d+\.\s*/, '')
        .trim(),
    }),
  );
}

describe.each(epubSites)('the EPUBs of the %s site', (site: SiteName) => {
  const dist = distOf(site);
  const works = worksOf(dist).filter((work) => contentsOf(dist, work).length > 0);

  test('every work with chapters has one, at /<work>/<work>.epub', () => {
    expect(works.length).toBeGreaterThan(0);
    for (const work of works) expect(existsSync(path.join(dist, work, `${work}.epub`))).toBe(true);
  });

  test.each(works)(
    '%s is linked with its size from the work and entire-work pages, and announced in the head',
    (work) => {
      const href = `/${work}/${work}.epub`;
      const size = formatBytes(statSync(path.join(dist, work, `${work}.epub`)).size);
      for (const url of [`/${work}/`, `/${work}/all/`]) {
        const { document } = pageAt(dist, url);
        const link = document.querySelector('a[data-epub-download]');
        expect(link?.getAttribute('href'), url).toBe(href);
        // "EPUB, 312 KB", in the work's language ("EPUB，7 KB").
        const { t } = stringsFor(document.documentElement.getAttribute('lang') ?? 'en');
        expect(link?.textContent?.replace(/\s+/g, ' ').trim(), url).toMatch(
          new RegExp(`^${escapeRegExp(t('work.epubSize', { size }))}(\\s|$)`),
        );
        expect(
          document
            .querySelector('link[rel="alternate"][type="application/epub+zip"]')
            ?.getAttribute('href'),
          url,
        ).toBe(href);
      }
      const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
      expect(headers).toContain(`${href}\n  Content-Type: application/epub+zip\n`);
    },
  );

  test.each(works)('%s starts with its mimetype, stored, as readers expect', (work) => {
    const { bytes } = openEpub(path.join(dist, work, `${work}.epub`));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // a local file header
    expect(view.getUint16(8, true)).toBe(0); // stored, not deflated
    expect(view.getUint16(26, true)).toBe(8); // the name's length
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(new TextDecoder().decode(bytes.subarray(30, 38 + 20))).toBe(
      'mimetypeapplication/epub+zip',
    );
  });

  test.each(works)(
    '%s holds every chapter in the site’s order, titled as on the site, in its navigation too',
    (work) => {
      const epub = openEpub(path.join(dist, work, `${work}.epub`));
      const chapters = contentsOf(dist, work);
      const chapterDocs = epub.spine.filter((file) => /chapter-\d+\.xhtml$/.test(file));
      expect(
        chapterDocs.map((file) => epub.document(file).querySelector('h2')?.textContent),
      ).toEqual(chapters.map((c) => c.title));
      // The title page opens the book, after the cover when the work has one.
      expect(epub.spine.filter((file) => file !== 'OEBPS/cover.xhtml')[0]).toBe(
        'OEBPS/title.xhtml',
      );
      const nav = epub.document('OEBPS/nav.xhtml');
      const navTitles = Array.from(nav.querySelectorAll('nav#toc li a')).map((a) => a.textContent);
      expect(navTitles).toEqual(expect.arrayContaining(chapters.map((c) => c.title)));
      const ncx = epub.text('OEBPS/toc.ncx');
      for (const { title } of chapters)
        expect(ncx).toContain(`<text>${title.replace(/&/g, '&amp;')}</text>`);
      expect(`${navTitles.join('\n')}\n${ncx}`).not.toMatch(/untitled/i);
    },
  );

  test.each(works)('%s has every word of every chapter, in order, as the site shows it', (work) => {
    const epub = openEpub(path.join(dist, work, `${work}.epub`));
    const chapterDocs = epub.spine.filter((file) => /chapter-\d+\.xhtml$/.test(file));
    contentsOf(dist, work).forEach(({ slug }, index) => {
      const page = pageAt(dist, `/${work}/${slug}/`).document;
      const book = epub.document(chapterDocs[index]!);
      const expected = wordsOf(visibleText(page.querySelector('.story-text')!, isAddedLabel));
      const actual = wordsOf(visibleText(book.querySelector('.story-text')!, isAddedLabel));
      expect(firstDifference(expected, actual), `${slug}`).toBeUndefined();
      expect(actual.length).toBe(expected.length);
      // Labels the pipeline adds (flashbacks) are the same labels, in the same places.
      const labels = (d: Document) =>
        Array.from(d.querySelectorAll(addedTextSelectors.join(','))).map((el) => el.textContent);
      expect(labels(book)).toEqual(labels(page));
      // Summary, notes and end notes: the site's words, under the same headings.
      const notes = (d: Document, heading: string) =>
        Array.from(d.querySelectorAll('h2, h3'))
          .find((h) => h.textContent?.trim() === heading)
          ?.closest('details, section');
      const { t } = stringsFor(page.documentElement.getAttribute('lang') ?? 'en');
      for (const heading of [t('chapter.summary'), t('chapter.notes'), t('chapter.endNotes')]) {
        const onPage = notes(page, heading)?.querySelector(':scope > div') ?? null;
        const inBook = notes(book, heading);
        expect(Boolean(inBook), `${slug}: ${heading}`).toBe(Boolean(onPage));
        if (onPage && inBook)
          expect(wordsIn(inBook).slice(wordsOf(heading).length)).toEqual(wordsIn(onPage));
      }
    });
  });
});

describe('an EPUB', () => {
  const outDir = mkdtempSync(path.join(root, '.tmp/epub-again-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('is byte-identical when the same content is built again, in another time zone', () => {
    const result = runAstroBuild(sites.story, outDir, { TZ: 'Pacific/Kiritimati' });
    expect(result.status, result.output).toBe(0);
    const file = 'entwined-destinies/entwined-destinies.epub';
    expect(
      Buffer.compare(
        readFileSync(path.join(outDir, file)),
        readFileSync(path.join(distOf('story'), file)),
      ),
    ).toBe(0);
  });

  test('carries the work’s facts, EPUB Accessibility metadata and a stable identifier', () => {
    const epub = openEpub(path.join(distOf('story'), 'entwined-destinies/entwined-destinies.epub'));
    const opf = epub.text('OEBPS/content.opf');
    for (const property of [
      'schema:accessMode">textual',
      'schema:accessModeSufficient">textual',
      'schema:accessibilityFeature">structuralNavigation',
      'schema:accessibilityFeature">tableOfContents',
      'schema:accessibilityHazard">none',
      'schema:accessibilitySummary">',
    ])
      expect(opf).toContain(property);
    expect(opf).toMatch(
      /<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</,
    );
    expect(opf).toContain('<dc:title>Entwined Destinies: The Last Son and the Slayer</dc:title>');
    expect(opf).toContain('<dc:source>http://localhost:4321/entwined-destinies/</dc:source>');
    const title = visibleText(epub.document('OEBPS/title.xhtml').body).replace(/\s+/g, ' ');
    for (const fact of [
      'Fandoms',
      'Smallville',
      'Relationships',
      'Status',
      'Words',
      'Chapters',
      'http://localhost:4321/entwined-destinies/',
    ])
      expect(title).toContain(fact);
  });

  test('holds nothing the site does not publish: no draft or scheduled chapter', () => {
    const epub = openEpub(path.join(distOf('publishing'), 'weekly-serial/weekly-serial.epub'));
    const all = Object.keys(epub.files)
      .map((file) => epub.text(file))
      .join('\n');
    expect(epub.spine.filter((f) => f.includes('chapter-'))).toHaveLength(2);
    for (const word of ['zephyrdraft', 'quokkafriday', 'marmosetsecret'])
      expect(all).not.toContain(word);
    expect(existsSync(path.join(distOf('publishing'), 'secret-work'))).toBe(false);
  });
});

/** Runs EPUBCheck (Debian's package) on one file; resolves with its summary line and messages. */
function epubcheck(file: string): Promise<string> {
  const jar = process.env['EPUBCHECK_JAR'] ?? '/usr/share/java/epubcheck.jar';
  if (!existsSync(jar))
    throw new Error(`EPUBCheck is not installed: apt-get install epubcheck (or set EPUBCHECK_JAR)`);
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-jar', jar, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(output));
  });
}

describe('EPUBCheck', () => {
  const files = epubSites.flatMap((site) => {
    const dist = distOf(site);
    return worksOf(dist)
      .map((work) => path.join(dist, work, `${work}.epub`))
      .filter((file) => existsSync(file))
      .map((file) => [path.relative(path.join(root, '.tmp/sites'), file), file] as const);
  });

  test.concurrent.each(files)(
    'finds no error and no warning in %s',
    { timeout: 120_000 },
    async (_name, file) => {
      const output = await epubcheck(file);
      expect(output).toContain('Messages: 0 fatals / 0 errors / 0 warnings');
    },
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
