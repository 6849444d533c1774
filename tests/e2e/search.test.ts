import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';
import { outcome, results, status } from '../support/search-page.ts';

let browser: Browser;
let story: StaticSite;
let library: StaticSite;

browseSites(
  { story: 'story', library: 'library' },
  (served) => ({ browser, story, library } = served),
);

const open = (site: StaticSite, path: string, options: Parameters<Browser['newContext']>[0] = {}) =>
  openPage(browser, site, path, options);

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
}

describe('where the search runs', () => {
  test("a page opened with a query searches in Pagefind's worker; a typed search stays on the page's thread", async () => {
    const context = await browser.newContext();
    const opened = await context.newPage();
    await opened.goto(`${story.origin}/search/?q=${encodeURIComponent('alarm clock')}`);
    await expect.poll(() => results(opened).count()).toBeGreaterThan(0);
    expect(opened.workers().map((worker) => new URL(worker.url()).pathname)).toContain(
      '/pagefind/pagefind-worker.js',
    );
    expect(await results(opened).first().textContent()).toMatch(/alarm clock/i);

    const typed = await context.newPage();
    const requested: string[] = [];
    typed.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await typed.goto(`${story.origin}/search/`);
    await typed.locator('#search-query').pressSequentially('alarm clock', { delay: 30 });
    await expect.poll(() => results(typed).count()).toBeGreaterThan(0);
    expect(requested).toContain('/pagefind/pagefind.js');
    expect(requested).not.toContain('/pagefind/pagefind-worker.js');
    expect(typed.workers()).toEqual([]);
    await context.close();
  });
});

describe('finding a passage', () => {
  test('search lands on a passage from deep in Part 1, in view, with the words highlighted', async () => {
    const page = await open(story, '/search/');
    await page.getByLabel('Words or a phrase in quotes').fill('Clark knows that look');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    expect(await results(page).first().textContent()).toContain('Scene 4');
    await results(page).first().click();
    await page.waitForURL(/#p-clark-knows-that-look-hes$/);
    const marks = page.locator('#p-clark-knows-that-look-hes mark.search-hit');
    await expect.poll(() => marks.count()).toBe(1);
    await expect
      .poll(() => inViewport(page, '#p-clark-knows-that-look-hes mark.search-hit'))
      .toBe(true);
    // Typed without quotes, the words stand together there: that run is marked, once, and
    // "that" is not lit up all over the chapter.
    expect(await marks.textContent()).toBe('Clark knows that look');
    expect(await page.locator('mark.search-hit').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Clear highlighting' }).isVisible()).toBe(true);
    await page.close();
  });

  test('the highlight is cleared with one button, and the address loses the search words', async () => {
    const page = await open(
      story,
      '/entwined-destinies/part-1/?hl=alarm&hl=clock#p-buffy-wakes-up-to-yet',
    );
    await expect.poll(() => page.locator('mark.search-hit').count()).toBe(2);
    await expect
      .poll(() => inViewport(page, '#p-buffy-wakes-up-to-yet mark.search-hit'))
      .toBe(true);
    await page.getByRole('button', { name: 'Clear highlighting' }).click();
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(
      await page.getByText('Buffy wakes up to yet another destroyed alarm clock.').isVisible(),
    ).toBe(true);
    await page.close();
  });

  test('a hit after a flashback has closed belongs to its scene, one inside it to the flashback', async () => {
    const page = await open(story, '/search/?q=laptop');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    const titles = await page.locator('.result-passage-title').allTextContents();
    expect(titles).toContain('Scene 1');
    expect(titles).not.toContain('Flashback: A few days ago');
    await page.goto(`${story.origin}/search/?q=${encodeURIComponent('siphoned off millions')}`);
    await expect
      .poll(() => page.locator('.result-passage-title').first().textContent())
      .toBe('Flashback: A few days ago');
    await page.close();
  });

  test('a query with no hits says so', async () => {
    const page = await open(story, '/search/?q=xylophone');
    expect(await outcome(page)).toBe('No results for “xylophone”. Try fewer or different words.');
    expect(await results(page).count()).toBe(0);
    await page.close();
  });

  test('a /search/?q= address reproduces the search, so it can be shared', async () => {
    const page = await open(story, '/search/?q=destroyed+alarm+clock');
    expect(await page.getByLabel('Words or a phrase in quotes').inputValue()).toBe(
      'destroyed alarm clock',
    );
    expect(await outcome(page)).toMatch(/^1 chapter matches “destroyed alarm clock”/);
    expect(await results(page).first().getAttribute('href')).toMatch(
      /^\/entwined-destinies\/part-1\/\?hl=destroyed\+alarm\+clock#p-buffy-wakes-up-to-yet$/,
    );
    await page.close();
  });
});

describe('query quality', () => {
  test.each([
    ['a phrase', '"destroyed alarm clock"', 'p-buffy-wakes-up-to-yet'],
    ['a single word in capitals', 'ALARM', 'p-buffy-wakes-up-to-yet'],
    ['a straight apostrophe', "Lex's darkness", 'p-clark-is-stumped-there-had'],
    ['a curly apostrophe', 'Lex’s darkness', 'p-clark-is-stumped-there-had'],
    [
      'the right passage of a phrase whose words are everywhere',
      'a few days later',
      'p-a-few-days-later-clark',
    ],
  ])('%s finds its passage', async (_name, query, passage) => {
    const page = await open(story, `/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    expect(await results(page).first().getAttribute('href')).toMatch(new RegExp(`#${passage}$`));
    await page.close();
  });

  test('a word without its diacritics finds it, and the landing page highlights it', async () => {
    const page = await open(library, '/search/?q=outre');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    // "outre" also matches "outrages" as a prefix; open a passage with "outré" itself.
    // Chapters are drawn as their fragments arrive: wait for the one that holds it.
    const outre = results(page).filter({ has: page.locator('mark', { hasText: /^outré$/ }) });
    await expect.poll(() => outre.count()).toBeGreaterThan(0);
    await outre.first().click();
    await expect
      .poll(() => page.locator('mark.search-hit', { hasText: /^outré$/ }).count())
      .toBeGreaterThan(0);
    await page.close();
  });

  test('results can be filtered by work, and the filter is part of the address', async () => {
    const page = await open(library, '/search/?q=Ada');
    await expect.poll(() => page.locator('[data-chapter-result]').count()).toBeGreaterThan(1);
    await page.getByLabel('Work').selectOption('The Showcase Returns');
    await expect.poll(() => page.locator('[data-chapter-result]').count()).toBe(1);
    expect(await page.locator('.result-where').first().textContent()).toContain(
      'The Showcase Returns',
    );
    expect(new URL(page.url()).searchParams.get('work')).toBe('The Showcase Returns');
    await page.close();
  });
});

describe('search by keyboard', () => {
  test('/ focuses search, arrows move through results, Enter opens, Back returns to the results', async () => {
    const page = await open(library, '/search/');
    await page.locator('body').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.keyboard.type('Holmes');
    await expect.poll(() => results(page).count()).toBeGreaterThan(5);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await results(page).nth(1).getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.evaluate(() => window.scrollTo(0, 400));
    const scrolled = await page.evaluate(() => window.scrollY);
    const third = await results(page).nth(2).getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.search}${url.hash}` === third);
    await page.goBack();
    await page.waitForURL(/\/search\/\?q=Holmes$/);
    expect(await page.getByLabel('Words or a phrase in quotes').inputValue()).toBe('Holmes');
    await expect.poll(() => results(page).count()).toBeGreaterThan(5);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
    await page.close();
  });

  test('the header search opens live results that Escape closes, and / does not fire while typing elsewhere', async () => {
    const page = await open(story, '/entwined-destinies/part-1/', {
      viewport: { width: 1200, height: 800 },
    });
    // The search's typing pauses (timers of 60 ms, src/scripts/passage-search.ts), counted as
    // they start and end, to know when a search has gone past its pause.
    await page.addInitScript(() => {
      const pauses = { started: 0, ended: 0 };
      (window as unknown as { pauses: typeof pauses }).pauses = pauses;
      const setTimer = window.setTimeout;
      window.setTimeout = ((handler: () => void, ms?: number) => {
        if (ms !== 60) return setTimer(handler, ms);
        pauses.started += 1;
        return setTimer(() => {
          handler();
          pauses.ended += 1;
        }, ms);
      }) as typeof window.setTimeout;
    });
    await page.reload();
    const pauses = () =>
      page.evaluate(
        () => (window as unknown as { pauses: { started: number; ended: number } }).pauses,
      );
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('alarm clock');
    const popover = page.locator('.search-popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await expect.poll(() => popover.locator('a[data-result]').count()).toBeGreaterThan(0);
    const before = (await pauses()).started;
    await page.keyboard.type('/');
    expect(await page.locator('#site-search').inputValue()).toBe('alarm clock/');
    // The search for "alarm clock/" has begun (its pause started)...
    await expect.poll(async () => (await pauses()).started).toBeGreaterThan(before);
    await page.keyboard.press('Escape');
    expect(await popover.isVisible()).toBe(false);
    // ...and Escape closed the results while it ran. Once it has finished, its pause over and the
    // index having answered that same query (Pagefind answers in turn), it must not open them.
    await expect.poll(async () => (await pauses()).ended).toBe((await pauses()).started);
    // (A string, so the test runner leaves the page's own dynamic import alone.)
    await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('alarm clock/');
      await search.results[0]?.data();
    })()`);
    expect(await popover.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=alarm\+clock%2F$/);
    await page.close();
  });
});

describe('search without its index or without JavaScript', () => {
  test('with JavaScript off the search page says plainly that search needs it', async () => {
    const page = await open(story, '/search/?q=alarm', { javaScriptEnabled: false });
    expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
    await page.close();
  });

  test('when the index cannot load, readers are told in their terms, and the next search tries again', async () => {
    const context = await browser.newContext();
    let blocked = true;
    await context.route('**/pagefind/pagefind.js', (route) =>
      blocked ? route.fulfill({ status: 404, body: 'not found' }) : route.continue(),
    );
    const page = await context.newPage();
    await page.goto(`${story.origin}/search/?q=alarm`);
    const message = await outcome(page);
    expect(message).toContain('Search could not be loaded. Check your connection');
    expect(message).not.toMatch(/npm|build/);
    // The connection is back: the next search loads the index and finds the passage.
    blocked = false;
    await page.getByLabel('Words or a phrase in quotes').fill('alarm clock');
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the search page', () => {
  test.each(['light', 'dark'] as const)(
    'has no axe violations with results shown (%s)',
    async (colorScheme) => {
      const page = await open(library, '/search/?q=Holmes', { colorScheme });
      await expect.poll(() => results(page).count()).toBeGreaterThan(0);
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      expect(axe.passes.length).toBeGreaterThan(20);
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      await page.close();
    },
  );

  test('announces the number of results to assistive technology', async () => {
    const page = await open(story, '/search/?q=Chloe');
    expect(await status(page).getAttribute('role')).toBe('status');
    // Chloe is a character of the story's work, listed on its work page: counted apart.
    expect(await outcome(page)).toMatch(
      /^\d+ chapters? match(es)? “Chloe”; \d+ passages? shown\. A work page matches too\.$/,
    );
    await page.close();
  });

  test('searching requests nothing from another origin', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (
        !r.url().startsWith(story.origin) &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:')
      )
        foreign.push(r.url());
    });
    await page.goto(`${story.origin}/search/?q=alarm`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(0);
    await results(page).first().click();
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    await page.close();
  });
});
