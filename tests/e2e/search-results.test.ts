import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';
import { outcome, results } from '../support/search-page.ts';

// What a search's results say, and what a landing marks: results only for real words, marks on
// whole words, a word of the title found.
let browser: Browser;
let story: StaticSite;
let library: StaticSite;

browseSites(
  { story: 'story', library: 'library' },
  (served) => ({ browser, story, library } = served),
);

const open = (site: StaticSite, path: string, options: Parameters<Browser['newContext']>[0] = {}) =>
  openPage(browser, site, path, options);

describe('results that inform', () => {
  test('a word the story does not have finds nothing, not passages of its first letters', async () => {
    // Pagefind searches an unknown word as its longest start it knows: "Irene" as "I", "Adler"
    // as "a"; "zzqxj" as "z" where the text has a "(z)".
    for (const [site, query] of [
      [story, 'Irene Adler'],
      [story, 'zzqxj'],
      [library, 'Holmes zzqxj'],
      [library, 'qwertyuiop'],
    ] as const) {
      const page = await open(site, `/search/?q=${encodeURIComponent(query)}`);
      expect(await outcome(page)).toBe(`No results for “${query}”. Try fewer or different words.`);
      expect(await results(page).count()).toBe(0);
      await page.close();
    }
    // A word being typed still finds the words it begins.
    const page = await open(library, '/search/?q=Holmes%20wren');
    expect(await outcome(page)).toMatch(/^1 chapter matches/);
    await page.close();
  });

  test('a passage is labelled by its place only where that adds something', async () => {
    // "Departure" is one scene: its passage comes under the chapter's name alone.
    const page = await open(library, '/search/?q=sharp');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    const departure = page.locator('[data-chapter-result]', { hasText: 'Departure' });
    expect(await departure.locator('.result-passage-title').count()).toBe(0);
    // ...and still links to the passage itself, not the chapter's top.
    expect(await departure.locator('a[data-result]').first().getAttribute('href')).toMatch(
      /^\/markup-showcase\/departure\/\?hl=sharp#p-the-train-left-at-9$/,
    );
    // The story's chapter has four scenes: there the scene is named.
    const multi = await open(story, '/search/?q=destroyed%20alarm%20clock');
    await expect.poll(() => results(multi).count()).toBeGreaterThan(0);
    expect(await multi.locator('.result-passage-title').first().textContent()).toBe('Scene 2');
    await page.close();
    await multi.close();
  });

  test('cut excerpts say so, highlights cover words only, and the count says what is shown', async () => {
    const page = await open(library, '/search/?q=Holmes');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    const excerpts = await page.locator('.result-excerpt').allTextContents();
    expect(excerpts.some((text) => text.startsWith('…') || text.endsWith('…'))).toBe(true);
    const marks = await page.locator('.result-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    // No punctuation at either end of a highlight ("Holmes," is marked "Holmes").
    for (const mark of marks) expect(mark).toMatch(/^[\p{L}\p{N}](.*[\p{L}\p{N}])?$/u);
    const total = Number((await outcome(page)).match(/^(\d+) chapters match/)?.[1]);
    expect(total).toBeGreaterThan(4);
    expect(await outcome(page)).toMatch(/passages shown, from the first 4\.$/);
    const more = page.locator('[data-more]');
    expect(await more.textContent()).toBe(`Show 4 more chapters (of ${total - 4})`);
    await more.click();
    await expect.poll(() => page.locator('[data-chapter-result]').count()).toBe(Math.min(8, total));
    await page.close();
  });
});

describe('landing marks words, not pieces of words', () => {
  // "The Man with the Twisted Lip" is long, and "as", "an" and "old" stand inside hundreds of
  // other words ("was", "and", "told").
  const chapter = '/the-adventures-of-sherlock-holmes/the-man-with-the-twisted-lip/';

  async function land(query: string, where = chapter): Promise<Page> {
    const page = await open(library, `/search/?q=${encodeURIComponent(query)}`);
    const link = page.locator(`a[data-result][href^="${where}"]`).first();
    await expect.poll(() => link.count()).toBe(1);
    const target = new URL((await link.getAttribute('href'))!, library.origin).pathname;
    await link.click();
    await page.waitForURL((url) => url.pathname === target);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    return page;
  }

  /** Each mark with the characters either side of it. */
  const marks = (page: Page) =>
    page.locator('mark.search-hit').evaluateAll((all) =>
      all.map((mark) => {
        const before = mark.previousSibling?.textContent?.slice(-1) ?? '';
        const after = mark.nextSibling?.textContent?.slice(0, 1) ?? '';
        return { text: mark.textContent ?? '', before, after };
      }),
    );

  test('a quoted phrase marks the phrase, once where it stands', async () => {
    const page = await land('"my wife as an old friend"');
    expect(page.url()).toMatch(/#p-it-was-not-the-first$/);
    const found = await marks(page);
    expect(found.map((mark) => mark.text)).toEqual(['my wife as an old friend']);
    // In view, inside the passage the link named.
    const passage = page.locator(decodeURIComponent(new URL(page.url()).hash));
    expect(await passage.locator('mark.search-hit').count()).toBe(1);
    await page.close();
  });

  test('words are marked whole, with the forms the index matched', async () => {
    // The first result, wherever it is: short words that stand inside many others.
    const page = await land('as an old friend', '/');
    const found = await marks(page);
    expect(found.length).toBeGreaterThan(0);
    for (const { text, before, after } of found) {
      expect(text.toLowerCase()).toMatch(/^(as|an|old|older|oldest|friends?|friendly|friendship)$/);
      expect(before).not.toMatch(/\p{L}/u);
      expect(after).not.toMatch(/\p{L}/u);
    }
    await page.close();
  });
});

describe('a word of the title', () => {
  test('"slayer", in the story\'s title and its text, finds the chapter, not "No results"', async () => {
    const page = await open(story, `/search/?q=slayer`);
    const said = await outcome(page);
    expect(said).not.toContain('No results');
    const hrefs = await results(page).evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs).toContain('/entwined-destinies/part-1/');
    await page.close();
  });
});
