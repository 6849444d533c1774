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
    // "12 chapters match “Holmes”; 9 passages shown, from the first 4. A work page matches too."
    const said = await outcome(page);
    const chapters = Number(said.match(/^(\d+) chapters match/)?.[1]);
    const workPages = said.endsWith(' A work page matches too.')
      ? 1
      : Number(said.match(/ (\d+) work pages match too\.$/)?.[1] ?? 0);
    expect(chapters).toBeGreaterThan(4);
    expect(said).toMatch(/passages shown, from the first 4\.( .*)?$/);
    const total = chapters + workPages;
    const more = page.locator('[data-more]');
    expect(await more.textContent()).toBe(`Show 4 more chapters (of ${total - 4})`);
    await more.click();
    await expect.poll(() => page.locator('[data-chapter-result]').count()).toBe(Math.min(8, total));
    await page.close();
  });

  test('chapters and work pages are counted apart', async () => {
    // The story has one chapter; "the" is in it and in its work page's summary.
    const page = await open(story, '/search/?q=the');
    expect(await outcome(page)).toMatch(
      /^1 chapter matches “the”; \d+ passages shown\. A work page matches too\.$/,
    );
    const pages = await page.locator('[data-chapter-result] .result-where').allTextContents();
    expect(pages).toHaveLength(2);
    // A tag of a work ("Shorts", of Holmes) finds the work page, counted as such.
    const tag = await open(library, '/search/?q=shorts');
    expect(await outcome(tag)).toMatch(/ A work page matches too\.$/);
    await expect
      .poll(() =>
        tag.locator('a[data-result][href^="/the-adventures-of-sherlock-holmes/?"]').count(),
      )
      .toBe(1);
    await tag.close();
    // A word only in a work's summary ("sinecure", of Holmes): the work page alone.
    const summary = await open(library, '/search/?q=sinecure');
    expect(await outcome(summary)).toMatch(/^A work page matches “sinecure”; 1 passage shown\.$/);
    await page.close();
    await summary.close();
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

  test('words typed without quotes that stand together: that passage first, the run marked', async () => {
    // Pagefind ranks this chapter fourth for these words; the one passage that has them
    // together comes first, and its landing marks the run once.
    const page = await open(
      library,
      `/search/?q=${encodeURIComponent('my wife as an old friend')}`,
    );
    const first = results(page).first();
    await expect.poll(() => first.count()).toBe(1);
    expect(await first.getAttribute('href')).toMatch(
      new RegExp(`^${chapter}\\?hl=my\\+wife\\+as\\+an\\+old\\+friend#p-it-was-not-the-first$`),
    );
    expect(await first.locator('mark').allTextContents()).toEqual(['my wife as an old friend']);
    await page.close();
  });

  test('words are marked whole, with the forms the index matched', async () => {
    // The first result, wherever it is: short words that stand inside many others, in an order
    // the text does not have them (else the run is marked, as one phrase).
    const page = await land('friend as an old', '/');
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

describe('Back to a page whose header search was open', () => {
  const desktop = { viewport: { width: 1200, height: 800 } };
  const chapter = '/the-adventures-of-sherlock-holmes/a-scandal-in-bohemia-1/';

  /** Searches "Irene Adler" from the header of `chapter` and follows the first result. */
  async function searchAndFollow(page: Page) {
    await page.locator('#site-search').fill('Irene Adler');
    const popover = page.locator('.search-popover');
    const first = popover.locator('a[data-result]').first();
    await expect.poll(() => first.isVisible()).toBe(true);
    const target = new URL((await first.getAttribute('href'))!, library.origin).pathname;
    await first.click();
    await page.waitForURL((url) => url.pathname === target);
  }

  test.each([
    ['the browser keeps the page whole', false],
    ['the browser loads it again', true],
  ])('brings back its query and results (%s)', async (_, reloaded) => {
    const context = await browser.newContext(desktop);
    // A page with a `Cache-Control: no-store` answer is never kept in the back/forward cache.
    if (reloaded)
      await context.route(`${library.origin}${chapter}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'cache-control': 'no-store' },
        });
      });
    const page = await context.newPage();
    await page.goto(`${library.origin}${chapter}`);
    await searchAndFollow(page);
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(chapter);
    const popover = page.locator('.search-popover');
    await expect.poll(() => page.locator('#site-search').inputValue()).toBe('Irene Adler');
    await expect.poll(() => popover.locator('a[data-result]').count()).toBeGreaterThan(0);
    expect(await popover.isVisible()).toBe(true);
    // The field is not focused: a phone's keyboard does not open over the page.
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('site-search');
    await context.close();
  });

  test('does not open results the reader had closed, nor on a reload', async () => {
    const page = await open(library, chapter, desktop);
    await searchAndFollow(page);
    await page.goBack();
    await expect.poll(() => page.locator('.search-popover').isVisible()).toBe(true);
    await page.reload();
    // Once loaded again, and its scripts have run, the header is as on any first visit.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#site-search').inputValue()).toBe('');
    expect(await page.locator('.search-popover').isVisible()).toBe(false);
    // Escape closes the results: leaving then, and coming back, shows none.
    await searchAndFollow(page);
    await page.goBack();
    await expect.poll(() => page.locator('.search-popover').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('#site-search').press('Escape');
    await expect.poll(() => page.locator('.search-popover').isVisible()).toBe(false);
    await page.getByRole('link', { name: /next/i }).first().click();
    await page.waitForURL((url) => url.pathname !== chapter);
    await page.goBack();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.search-popover').isVisible()).toBe(false);
    await page.close();
  });
});

describe('a landing stays put', () => {
  /**
   * Opens the first result for `query` on the search page and records where its passage stood,
   * from the page's load event, frame by frame for a second and a half (fonts, the highlighter,
   * the marks and the search words bar all arrive in that time), and whether the first mark
   * ended on screen.
   */
  async function landing(query: string, width: number) {
    const page = await open(library, `/search/?q=${encodeURIComponent(query)}`, {
      viewport: { width, height: 800 },
    });
    await page.addInitScript(() => {
      const w = window as unknown as { tops: number[]; done: boolean };
      w.tops = [];
      addEventListener('load', () => {
        const passage = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (!passage) return;
        const start = performance.now();
        const frame = () => {
          w.tops.push(Math.round(passage.getBoundingClientRect().top));
          if (performance.now() - start < 1500) requestAnimationFrame(frame);
          else w.done = true;
        };
        frame();
      });
    });
    const link = results(page).first();
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
    const tops = await page.evaluate(() => (window as unknown as { tops: number[] }).tops);
    // The first mark in the passage the link named.
    const markInView = await page.evaluate(() => {
      const passage = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      const box = passage?.querySelector('mark.search-hit')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
    });
    await page.close();
    return { tops, markInView, moves: new Set(tops).size - 1 };
  }

  test.each([390, 1280])('a result opens at its passage and stays there (%i px)', async (width) => {
    const { tops, markInView } = await landing('"my wife as an old friend"', width);
    expect(markInView).toBe(true);
    const [atLoad] = tops;
    expect(atLoad).toBeGreaterThanOrEqual(0);
    expect(atLoad).toBeLessThan(100);
    expect(Math.max(...tops.map((top) => Math.abs(top - atLoad!)))).toBeLessThan(4);
  });

  test('in a passage longer than the screen, the page moves once, to show the first mark', async () => {
    // At 390 px the first result's passage runs past the screen, its words further down.
    const { markInView, moves } = await landing('my wife as an old friend', 390);
    expect(markInView).toBe(true);
    expect(moves).toBeLessThanOrEqual(1);
  });
});
