import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages, pageAt } from '../support/html.ts';
import { distOf, root, sites } from '../support/sites.ts';

/** The chapter files of a work folder, in reading order, as `[number, slug]`. */
function chapterFiles(workDir: string): string[] {
  return readdirSync(workDir)
    .map((name) => /^(\d+)-(.+)\.md$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => m[2] ?? '');
}

describe('the library site', () => {
  const dist = distOf('library');
  const works = readdirSync(sites.library, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  test('every work and every chapter of the story folder has its page, and nothing else does', () => {
    const expected = ['/', '/404.html', '/offline/', '/search/'];
    for (const work of works) {
      expected.push(
        `/${work}/`,
        `/${work}/all/`,
        ...chapterFiles(path.join(sites.library, work)).map((slug) => `/${work}/${slug}/`),
      );
    }
    expected.push('/markup-showcase/old-letter/'); // the renamed "The Letter" (aliases)
    expect(
      loadPages(dist)
        .map((p) => p.url)
        .sort(),
    ).toEqual(expected.sort());
  });

  test.each(works)(
    '%s: the contents list every chapter in file-number order, and each page links to its neighbours',
    (work) => {
      const slugs = chapterFiles(path.join(sites.library, work));
      const contents = pageAt(dist, `/${work}/`).document;
      const listed = Array.from(
        contents.querySelectorAll('section[aria-labelledby="contents"] ol a'),
      ).map((a) => a.getAttribute('href'));
      expect(listed).toEqual(slugs.map((slug) => `/${work}/${slug}/`));
      slugs.forEach((slug, i) => {
        const { document } = pageAt(dist, `/${work}/${slug}/`);
        const prev = slugs[i - 1];
        const next = slugs[i + 1];
        expect(document.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(
          prev ? `/${work}/${prev}/` : undefined,
        );
        expect(document.querySelector('link[rel="next"]')?.getAttribute('href')).toBe(
          next ? `/${work}/${next}/` : undefined,
        );
        expect(
          document.querySelector('nav[aria-label="Chapters"] a[rel="prev"]')?.getAttribute('href'),
        ).toBe(prev ? `/${work}/${prev}/` : undefined);
        expect(
          document.querySelector('nav[aria-label="Chapters"] a[rel="next"]')?.getAttribute('href'),
        ).toBe(next ? `/${work}/${next}/` : undefined);
        expect(
          document.querySelector('nav[aria-label="Chapters"] a[href="/' + work + '/"]'),
        ).not.toBeNull();
      });
    },
  );

  test('the entire-work page holds every chapter, in order, with ids kept unique', () => {
    const { document } = pageAt(dist, '/the-adventures-of-sherlock-holmes/all/');
    const sections = Array.from(document.querySelectorAll('article > section[id^="chapter-"]'));
    expect(sections.map((s) => s.id)).toEqual(
      chapterFiles(path.join(sites.library, 'the-adventures-of-sherlock-holmes')).map(
        (s) => `chapter-${s}`,
      ),
    );
    expect(document.querySelectorAll('[data-scene]').length).toBeGreaterThan(14);
  });

  test('a work page shows its summary, notes, labels, status and counts', () => {
    const { document } = pageAt(dist, '/markup-showcase/');
    expect(document.querySelector('h1')?.textContent).toBe('The Markup Showcase');
    expect(
      document.querySelector('[aria-labelledby="summary-heading"] > div em')?.textContent,
    ).toBe('scenes');
    expect(
      document.querySelector('[aria-labelledby="work-notes-heading"] > div strong')?.textContent,
    ).toBe('thank you');
    const facts = Object.fromEntries(
      Array.from(document.querySelectorAll('dl dt')).map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent?.trim(),
      ]),
    );
    expect(facts).toMatchObject({
      Status: 'Complete',
      Chapters: '3',
      Fandoms: 'Original Work',
      Published: 'January 5, 2024',
      Updated: 'March 1, 2024',
    });
    expect(
      document.querySelector('nav[aria-label="Series"] [aria-current="page"]')?.textContent,
    ).toBe('The Markup Showcase');
  });

  test('a chapter page shows its summary and notes before the text and its end notes after', () => {
    const { document } = pageAt(dist, '/markup-showcase/arrival/');
    const headings = Array.from(document.querySelectorAll('article .notes h2')).map(
      (h) => h.textContent,
    );
    expect(headings).toEqual(['Chapter summary', 'Notes', 'End notes']);
    const article = document.querySelector('article');
    const order = Array.from(article?.querySelectorAll('.notes, .story-text') ?? []).map(
      (el) => el.className,
    );
    expect(order).toEqual(['notes', 'notes', 'story-text', 'notes']);
  });
});

describe('the story site', () => {
  const dist = distOf('story');
  const { document } = pageAt(dist, '/entwined-destinies/part-1/');
  const text = (el: Element | null | undefined) =>
    el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  test('Part 1 has four scenes: the Talon, Buffy waking, the farm that evening, a few days later', () => {
    const scenes = Array.from(document.querySelectorAll('section[data-scene]'));
    expect(scenes.map((s) => s.id)).toEqual(['scene-1', 'scene-2', 'scene-3', 'scene-4']);
    expect(scenes.map((s) => text(s.querySelector('p')).slice(0, 30))).toEqual([
      'Clark is sitting in the Talon ',
      'Buffy wakes up to yet another ',
      'Evening time on the farm Clark',
      'A few days later Clark had man',
    ]);
    expect(
      document.querySelectorAll('hr[data-scene-break][aria-label="Scene break"]'),
    ).toHaveLength(3);
  });

  test('both flashbacks are labelled regions closed exactly where the present returns', () => {
    const flashbacks = Array.from(document.querySelectorAll('section[data-flashback]'));
    expect(
      flashbacks.map((f) => text(document.getElementById(f.getAttribute('aria-labelledby') ?? ''))),
    ).toEqual(['Flashback: A few days ago', 'Flashback: Leaving Sunnydale']);
    const passages = (f: Element) =>
      Array.from(f.querySelectorAll('[data-passage]')).map((p) => text(p));
    const [chloe, bus] = flashbacks.map(passages);
    expect(chloe?.[0]).toMatch(/^“Clark you have got to stop blaming yourself,”/);
    expect(chloe?.at(-1)).toMatch(/^Clark is stumped there\./);
    expect(text(flashbacks[0]?.nextElementSibling)).toMatch(
      /^Back in the Talon Chloe is working on her laptop\./,
    );
    expect(bus?.[0]).toMatch(/^She survived again but now what/);
    expect(bus?.at(-1)).toMatch(/^She had kept to herself really/);
    expect(text(flashbacks[1]?.nextElementSibling)).toMatch(
      /^Buffy walks into the Talon and sees Chloe/,
    );
    expect(flashbacks.map((f) => f.closest('[data-scene]')?.id)).toEqual(['scene-1', 'scene-2']);
    expect(flashbacks.map((f) => text(f.querySelector('[data-flashback-end]')))).toEqual([
      'End of flashback',
      'End of flashback',
    ]);
  });

  test("every paragraph of the author's text is a passage with an id", () => {
    const original = readFileSync(
      path.join(root, 'tests/fixtures/story/entwined-destinies-part-1.txt'),
      'utf8',
    );
    const bodyParagraphs = original.split(/\n\s*\n/).filter((p) => p.trim()).length - 3; // title, summary, note
    const paragraphs = Array.from(
      document.querySelectorAll(
        '.story-text p:not([data-flashback-start]):not([data-flashback-end])',
      ),
    );
    expect(paragraphs).toHaveLength(bodyParagraphs);
    expect(paragraphs.every((p) => p.id.startsWith('p-') && p.hasAttribute('data-passage'))).toBe(
      true,
    );
  });

  test('the home page leads straight to the one work', () => {
    const home = pageAt(dist, '/').document;
    const links = Array.from(home.querySelectorAll('main a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining(['/entwined-destinies/', '/entwined-destinies/part-1/']),
    );
    expect(home.querySelector('main')?.textContent).toContain('In progress');
  });
});
