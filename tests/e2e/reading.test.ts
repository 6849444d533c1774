import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';

let browser: Browser;
let story: StaticSite;
let library: StaticSite;

browseSites(
  { story: 'story', library: 'library' },
  (served) => ({ browser, story, library } = served),
);

const open = (site: StaticSite, path: string, options: Parameters<Browser['newContext']>[0] = {}) =>
  openPage(browser, site, path, options);

describe('reading the story', () => {
  test('a reader goes from the home page to the work and into Part 1', async () => {
    const page = await open(story, '/');
    await page
      .getByRole('link', { name: 'Contents of Entwined Destinies: The Last Son and the Slayer' })
      .click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Entwined Destinies: The Last Son and the Slayer');
    await page
      .getByRole('link', { name: /Part 1/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Part 1');
    expect(await page.getByText('Clark is sitting in the Talon with Chloe.').isVisible()).toBe(
      true,
    );
    await page.close();
  });

  test('the flashbacks are labelled regions whose end is announced, and scene breaks are named separators', async () => {
    const page = await open(story, '/entwined-destinies/part-1/');
    const flashback = page.getByRole('region', { name: 'Flashback: A few days ago' });
    expect(await flashback.count()).toBe(1);
    expect(await flashback.getByText('End of flashback').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Flashback: Leaving Sunnydale' }).count()).toBe(
      1,
    );
    expect(await page.getByRole('separator', { name: 'Scene break' }).count()).toBe(3);
    await page.close();
  });

  test('the chapter reads with JavaScript disabled', async () => {
    const page = await open(story, '/entwined-destinies/part-1/', { javaScriptEnabled: false });
    const first = page.getByText('Clark is sitting in the Talon with Chloe.');
    expect(await first.isVisible()).toBe(true);
    expect(await page.getByText('Clark knows that look. He’s in trouble.').isVisible()).toBe(true);
    const box = await first.boundingBox();
    expect(box && box.y < 844).toBe(true);
    await page.close();
  });

  test('the skip link is the first thing the keyboard reaches and moves to the main content', async () => {
    const page = await open(story, '/entwined-destinies/part-1/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  test('nothing is requested from another origin while reading', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(story.origin) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    for (const path of ['/', '/entwined-destinies/', '/entwined-destinies/part-1/']) {
      await page.goto(`${story.origin}${path}`, { waitUntil: 'networkidle' });
    }
    expect(foreign).toEqual([]);
    await page.close();
  });
});

describe('moving through a work', () => {
  test('a reader follows next and previous between chapters', async () => {
    const page = await open(library, '/the-adventures-of-sherlock-holmes/a-scandal-in-bohemia-1/');
    const chapters = page.getByRole('navigation', { name: 'Chapters' });
    expect(await chapters.getByRole('link', { name: /Previous/ }).count()).toBe(0);
    await chapters.getByRole('link', { name: /Next/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('A Scandal in Bohemia — Chapter II');
    await chapters.getByRole('link', { name: /Next/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('A Scandal in Bohemia — Chapter III');
    await chapters.getByRole('link', { name: /Previous/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('A Scandal in Bohemia — Chapter II');
    await chapters.getByRole('link', { name: 'Contents' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The Adventures of Sherlock Holmes');
    await page.close();
  });

  test('the old address of a renamed chapter lands on the chapter, even with JavaScript off', async () => {
    const page = await open(library, '/markup-showcase/old-letter/', { javaScriptEnabled: false });
    await page.waitForURL(/\/markup-showcase\/the-letter\/$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('The Letter');
    await page.close();
  });

  test('an unknown address shows the not-found page with a way back', async () => {
    const page = await browser.newPage();
    const response = await page.goto(
      `${library.origin}/the-adventures-of-sherlock-holmes/no-such-chapter/`,
    );
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'Go to the library' }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('every page type is accessible and fits a phone', () => {
  const pages = [
    ['home', '/'],
    ['work', '/markup-showcase/'],
    ['chapter', '/markup-showcase/arrival/'],
    ['entire work', '/markup-showcase/all/'],
    ['messages, footnotes and tables', '/fiction-markup/messages-at-midnight/'],
    ['letters and verse', '/fiction-markup/the-letter-and-the-song/'],
    ['search', '/search/?q=train'],
    ['not found', '/404.html'],
  ] as const;

  // The system's light and dark, and the reader's own themes (sepia; dark on a light system).
  const themes = {
    'system light': { colorScheme: 'light', theme: undefined },
    'system dark': { colorScheme: 'dark', theme: undefined },
    sepia: { colorScheme: 'light', theme: 'sepia' },
    'chosen dark': { colorScheme: 'light', theme: 'dark' },
  } as const;

  async function openThemed(path: string, themeName: keyof typeof themes) {
    const { colorScheme, theme } = themes[themeName];
    const page = await open(library, path, { colorScheme });
    if (theme) {
      await page.evaluate(
        (t) => localStorage.setItem('reader-settings', `{"theme":"${t}"}`),
        theme,
      );
      await page.reload();
    }
    await page.waitForLoadState('networkidle');
    return page;
  }

  async function axeViolations(page: Page, include?: string) {
    const builder = new AxeBuilder({ page }).withTags([
      'wcag2a',
      'wcag2aa',
      'wcag21a',
      'wcag21aa',
      'wcag22aa',
      'best-practice',
    ]);
    if (include) builder.include(include);
    const results = await builder.analyze();
    expect(results.passes.length).toBeGreaterThan(include ? 3 : 20); // axe really ran its rules
    return results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  test.each(
    pages.flatMap(([name, path]) =>
      (Object.keys(themes) as (keyof typeof themes)[]).map((theme) => [name, theme, path] as const),
    ),
  )('the %s page has no axe violations (%s)', async (_name, theme, path) => {
    const page = await openThemed(path, theme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test.each(Object.keys(themes) as (keyof typeof themes)[])(
    'the open settings panel and the shortcuts list have no axe violations (%s)',
    async (theme) => {
      const page = await openThemed('/markup-showcase/arrival/', theme);
      await page.getByRole('button', { name: 'Reading settings' }).click();
      await expect.poll(() => page.locator('#reader-settings').isVisible()).toBe(true);
      expect(await axeViolations(page, '#reader-settings')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+?');
      await expect.poll(() => page.locator('#keyboard-shortcuts').isVisible()).toBe(true);
      expect(await axeViolations(page, '#keyboard-shortcuts')).toEqual([]);
      await page.close();
    },
  );

  test('at the largest text size a chapter still fits a 320 px screen, and so does the settings panel', async () => {
    const page = await open(library, '/markup-showcase/arrival/', {
      viewport: { width: 320, height: 640 },
    });
    await page.evaluate(() =>
      localStorage.setItem(
        'reader-settings',
        '{"size":"xxl","width":"wide","font":"hyperlegible"}',
      ),
    );
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.getByRole('button', { name: 'Reading settings' }).click();
    const panel = await page.locator('#reader-settings').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(320);
    await page.close();
  });

  test('at 200% zoom (a 640 px wide window at twice the pixel density) nothing overflows', async () => {
    for (const path of pages.map(([, p]) => p)) {
      const page = await open(library, path, {
        viewport: { width: 640, height: 400 },
        deviceScaleFactor: 2,
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        640,
      );
      await page.close();
    }
  });

  test.each(pages)(
    'the %s page fits a 320 px screen without sideways scrolling',
    async (_name, path) => {
      const page = await open(library, path, { viewport: { width: 320, height: 640 } });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
      await page.close();
    },
  );
});
