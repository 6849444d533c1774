import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';
import { outcome, results } from '../support/search-page.ts';

// "Did you mean": a word no page holds gets the library's closest words, as links that search
// them; it loads the word lists only then.
let browser: Browser;
let story: StaticSite;
let languages: StaticSite;

browseSites(
  { story: 'story', languages: 'languages' },
  (served) => ({ browser, story, languages } = served),
);

const search = (site: StaticSite, query: string) =>
  openPage(browser, site, `/search/?q=${encodeURIComponent(query)}`);
const corrections = (page: Page) =>
  page.locator('passage-search [data-status] a[data-correction]').allTextContents();

/** The word lists a page fetches. */
function listsFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/words/')) fetched.push(request.url());
  });
  return fetched;
}

describe('a misspelled word', () => {
  test.each([
    ['Sunydale', ['Sunnydale']], // a letter left out
    ['slayr', ['Slayer']], // the title's word, as the title writes it
    ['hcloe', ['Chloe']], // the first two letters swapped
    ['Chloe Sunydale', ['Chloe Sunnydale']], // one word of two
  ])('"%s" offers %j, and the link finds it', async (query, offered) => {
    const page = await search(story, query);
    const said = await outcome(page);
    expect(said).toBe(
      `No results for “${query}”. Try fewer or different words. Did you mean ${offered.join(', ')}?`,
    );
    expect(await corrections(page)).toEqual(offered);
    const link = page.locator('a[data-correction]').first();
    expect(await link.getAttribute('href')).toBe(
      `/search/?q=${encodeURIComponent(offered[0]!).replace(/%20/g, '+')}`,
    );
    await link.click();
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(offered[0]);
    expect(await page.locator('passage-search input').inputValue()).toBe(offered[0]);
    await page.close();
  });

  test('a transposition offers the name first, then the closest other words by frequency', async () => {
    const page = await search(story, 'Chole');
    await outcome(page);
    const offered = await corrections(page);
    expect(offered[0]).toBe('Chloe');
    expect(offered.length).toBeLessThanOrEqual(3);
    expect(await page.locator('[data-did-you-mean]').textContent()).toMatch(
      /^Did you mean Chloe(, \w+)*,? (or \w+)?\?$/,
    );
    await page.close();
  });

  test('no correction for a word with nothing close, or a short one', async () => {
    for (const query of ['zzqxj', 'Irene Adler', 'xq']) {
      const page = await search(story, query);
      expect(await outcome(page)).toBe(`No results for “${query}”. Try fewer or different words.`);
      await page.close();
    }
  });

  test('in other scripts and languages: Cyrillic, Hebrew, Latin with accents', async () => {
    for (const [query, offered] of [
      ['полнчь', 'полночь'],
      ['במאפיה', 'במאפייה'],
      ['boulangrie', 'boulangerie'],
    ] as const) {
      const page = await search(languages, query);
      await outcome(page);
      expect(await corrections(page), query).toContain(offered);
      // The site's language writes the sentence (this library's is French).
      expect(await page.locator('[data-did-you-mean]').textContent()).toMatch(
        /^Vouliez-vous dire /,
      );
      await page.close();
    }
  });
});

describe('the word lists load only on a miss', () => {
  test('a search that finds results loads none; a miss loads the lists of two letters at most', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = listsFetched(page);
    await page.goto(`${story.origin}/search/?q=Sunnydale`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    expect(fetched).toEqual([]);
    await page.goto(`${story.origin}/search/?q=${encodeURIComponent('hcloe')}`);
    expect(await outcome(page)).toContain('Did you mean');
    expect(fetched.map((url) => url.replace(/^.*\/words\//, '')).sort()).toEqual([
      '0063.txt', // c
      '0068.txt', // h
    ]);
    await context.close();
  });
});

describe('in the header', () => {
  test('the popover offers the correction, and the link searches it there', async () => {
    const page = await openPage(browser, story, '/entwined-destinies/', {
      viewport: { width: 1200, height: 800 },
    });
    const field = page.locator('passage-search[data-mode="popover"] input');
    await field.fill('Sunydale');
    const link = page.locator('passage-search[data-mode="popover"] a[data-correction]');
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    expect(await field.inputValue()).toBe('Sunnydale');
    await expect
      .poll(() => page.locator('passage-search[data-mode="popover"] a[data-result]').count())
      .toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/entwined-destinies/');
    await page.close();
  });
});

describe('accessible', () => {
  test.each(['light', 'dark', 'sepia'] as const)(
    'the announcement with its links has no axe violations (%s)',
    async (theme) => {
      const page = await openPage(browser, story, '/search/', {
        colorScheme: theme === 'dark' ? 'dark' : 'light',
      });
      if (theme === 'sepia') {
        await page.evaluate(() => localStorage.setItem('reader-settings', '{"theme":"sepia"}'));
      }
      await page.goto(`${story.origin}/search/?q=Sunydale`);
      expect(await outcome(page)).toContain('Did you mean');
      if (theme === 'sepia')
        expect(await page.locator('html').getAttribute('data-reader-theme')).toBe('sepia');
      // The links are inside the status region: announced with it, reachable by Tab.
      expect(await page.locator('[role="status"] a[data-correction]').count()).toBe(1);
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await page.close();
    },
  );
});
