import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openEpub } from '../support/epub.ts';
import { pageAt } from '../support/html.ts';
import { distOf, sites } from '../support/sites.ts';

// A 365-chapter novel in four books of three parts (generated: tests/support/sites.ts), as its
// reader finds it: every place that shows the work's structure shows the parts the author wrote.
const dist = distOf('longNovel');
const workDir = path.join(sites.longNovel, 'work-1');

/** The author's side: each chapter's number, slug and `part`, read from the files. */
const written = readdirSync(workDir)
  .filter((name) => /^\d+-.+\.md$/.test(name))
  .map((name) => ({
    number: Number(name.split('-')[0]),
    slug: name.replace(/^\d+-|\.md$/g, ''),
    part: /^part: "(.*)"$/m.exec(readFileSync(path.join(workDir, name), 'utf8'))?.[1],
  }))
  .sort((a, b) => a.number - b.number);
const partTitles = [...new Set(written.map((c) => c.part))];
const chaptersOf = (title: string) => written.filter((c) => c.part === title).map((c) => c.slug);
const text = (element: Element | null | undefined) =>
  element?.textContent?.replace(/\s+/g, ' ').trim();

test('the generated novel is what these tests need: 365 chapters, every one in one of 12 parts', () => {
  expect(written).toHaveLength(365);
  expect(partTitles).toHaveLength(12);
  expect(partTitles.every(Boolean)).toBe(true);
});

describe('the contents of a work in parts', () => {
  const { document } = pageAt(dist, '/work-1/');

  test('open with a jump list of the parts, each a link to its place', () => {
    const jump = document.querySelector('nav[aria-labelledby="parts-title"]')!;
    const links = Array.from(jump.querySelectorAll('a'));
    expect(links.map(text)).toEqual(partTitles);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName).toBe('DETAILS');
      expect(text(target!.querySelector('summary h3'))).toBe(text(link));
    }
  });

  test('list each part under its heading, open, with its own chapters in order and numbering', () => {
    const parts = Array.from(document.querySelectorAll('details.contents-part'));
    expect(parts.map((part) => text(part.querySelector('summary h3')))).toEqual(partTitles);
    for (const part of parts) {
      expect(part.hasAttribute('open')).toBe(true);
      const title = text(part.querySelector('summary h3'))!;
      const slugs = Array.from(part.querySelectorAll('[data-chapter-slug]')).map((li) =>
        li.getAttribute('data-chapter-slug'),
      );
      expect(slugs).toEqual(chaptersOf(title));
      const first = written.find((c) => c.slug === slugs[0])!.number;
      expect(part.querySelector('ol')!.getAttribute('start')).toBe(String(first));
      expect(text(part.querySelector('summary > span'))).toBe(
        `Chapters ${first}–${first + slugs.length - 1}`,
      );
    }
    // Every chapter once, nothing outside the parts here.
    expect(document.querySelectorAll('[data-chapter-slug]')).toHaveLength(365);
  });

  test('"Start reading" comes before the contents', () => {
    const html = readFileSync(path.join(dist, 'work-1/index.html'), 'utf8');
    expect(html.indexOf('Start reading')).toBeGreaterThan(0);
    expect(html.indexOf('Start reading')).toBeLessThan(html.indexOf('data-contents-of'));
  });
});

test.each([1, 31, 32, 200, 365])(
  'chapter %i names its part in its header, a link to the part in the contents',
  (number) => {
    const chapter = written[number - 1]!;
    const { document } = pageAt(dist, `/work-1/${chapter.slug}/`);
    const link = document.querySelector('header [data-chapter-part] a')!;
    expect(text(link)).toBe(chapter.part);
    const [page, anchor] = link.getAttribute('href')!.split('#');
    expect(page).toBe('/work-1/');
    const target = pageAt(dist, '/work-1/').document.getElementById(anchor!);
    expect(text(target?.querySelector('summary h3'))).toBe(chapter.part);
  },
);

describe('the entire work in parts', () => {
  const { document } = pageAt(dist, '/work-1/all/');

  test('opens each part with its title, its chapters inside it', () => {
    const parts = Array.from(document.querySelectorAll('section.entire-part'));
    expect(parts.map((part) => text(part.querySelector(':scope > h2')))).toEqual(partTitles);
    for (const part of parts) {
      const title = text(part.querySelector(':scope > h2'))!;
      const slugs = Array.from(part.querySelectorAll(':scope > section.entire-chapter')).map((s) =>
        s.id.replace(/^chapter-/, ''),
      );
      expect(slugs).toEqual(chaptersOf(title));
    }
  });

  test('its own contents fold each part, with every chapter a link to its place', () => {
    const nav = document.querySelector('nav.entire-contents')!;
    const folds = Array.from(nav.querySelectorAll('details.entire-contents-part'));
    expect(
      folds.map((fold) => text(fold.querySelector('summary'))!.replace(/ \d+ chapters$/, '')),
    ).toEqual(partTitles);
    // Folded: a dozen rows on a phone, not 365.
    expect(folds.every((fold) => !fold.hasAttribute('open'))).toBe(true);
    const hrefs = Array.from(nav.querySelectorAll('a')).map((a) => a.getAttribute('href')!);
    expect(hrefs).toEqual(written.map((c) => `#chapter-${c.slug}`));
    for (const href of hrefs) expect(document.getElementById(href.slice(1))).not.toBeNull();
  });

  test('no two regions share a name, even with hundreds of chapters on the page', () => {
    const names = Array.from(document.querySelectorAll('section[aria-labelledby]')).map((s) =>
      s
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => text(document.getElementById(id)))
        .join(' '),
    );
    expect(names.length).toBeGreaterThan(377);
    expect(new Set(names).size).toBe(names.length);
  });
});

test('the EPUB gives each part a title page and nests its chapters under it', () => {
  const epub = openEpub(path.join(dist, 'work-1/work-1.epub'));
  // Reading order: each part's title page just before its first chapter.
  const order = epub.spine
    .map((file) => epub.document(file))
    .map((doc) =>
      text(doc.querySelector('section[epub\\:type="part"] h1, section[epub\\:type="chapter"] h2')),
    )
    .filter(Boolean);
  const expected = written.flatMap((c, i) =>
    i === 0 || written[i - 1]!.part !== c.part
      ? [c.part, `Chapter ${c.number}`]
      : [`Chapter ${c.number}`],
  );
  expect(order).toEqual(expected);

  const nav = epub.document('OEBPS/nav.xhtml').querySelector('nav#toc > ol')!;
  const top = Array.from(nav.querySelectorAll(':scope > li'));
  const partEntries = top.filter((li) => li.querySelector(':scope > ol'));
  expect(partEntries.map((li) => text(li.querySelector(':scope > a')))).toEqual(partTitles);
  for (const li of partEntries) {
    const title = text(li.querySelector(':scope > a'))!;
    expect(Array.from(li.querySelectorAll(':scope > ol > li > a')).map(text)).toEqual(
      chaptersOf(title).map((slug) => `Chapter ${slug.replace('chapter-', '')}`),
    );
  }
  const ncx = epub.text('OEBPS/toc.ncx');
  expect(ncx).toContain('<meta name="dtb:depth" content="2" />');
  // A part's navPoint holds its chapters' navPoints.
  expect(ncx).toMatch(
    new RegExp(
      `<text>${partTitles[1]}</text></navLabel>\\n<content src="part-02.xhtml" />\\n<navPoint id="nav-chapter-32"`,
    ),
  );
});
