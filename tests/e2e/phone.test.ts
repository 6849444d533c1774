import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  closeBrowser,
  launchBrowser,
  openPage,
  serveSite,
  type StaticSite,
} from '../support/browser.ts';
import { distOf } from '../support/sites.ts';

// What a reader hits on a phone (issue 19, in part): author text that would widen the page,
// summaries whose paragraphs run together, a keyboard-only control offered to touch screens.
let browser: Browser;
let library: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
  library = await serveSite(distOf('library'));
});

afterAll(async () => {
  await closeBrowser(browser);
  await library?.close();
});

test('a long address in a work’s notes wraps at 320 px instead of widening the page', async () => {
  const page = await openPage(browser, library, '/fiction-markup/', {
    viewport: { width: 320, height: 640 },
  });
  expect(await page.getByText(/remarkably\/long\/address/).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.close();
});

test('a summary of several paragraphs keeps them apart on the library card', async () => {
  const page = await openPage(browser, library, '/', { viewport: { width: 390, height: 844 } });
  const paragraphs = page
    .getByRole('article', { name: 'The Night Shift' })
    .locator('[data-summary] p');
  expect(await paragraphs.count()).toBe(2);
  const [first, second] = await paragraphs.evaluateAll((ps) =>
    ps.map((p) => p.getBoundingClientRect()),
  );
  expect(second!.top - first!.bottom).toBeGreaterThanOrEqual(8);
  await page.close();
});

test('the keyboard shortcuts are not offered on a touch-only phone, and are on a desktop', async () => {
  const phone = await openPage(browser, library, '/', {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  expect(await phone.getByRole('button', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false);
  await phone.close();
  const desktop = await openPage(browser, library, '/', { viewport: { width: 1200, height: 800 } });
  expect(await desktop.getByRole('button', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
  await desktop.close();
});

test.each([320, 390, 768])(
  'the header search results lie wholly on a %i px screen, the story’s long title included',
  async (width) => {
    const story = await serveSite(distOf('story'));
    try {
      const page = await openPage(browser, story, '/entwined-destinies/part-1/', {
        viewport: { width, height: 740 },
      });
      await page.locator('#site-search').fill('alarm clock');
      const panel = page.locator('.search-popover');
      await expect.poll(() => panel.locator('a[data-result]').count()).toBeGreaterThan(0);
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Below the field the reader typed in, not over it.
      const field = (await page.locator('#site-search').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(field.y + field.height);
      await page.close();
    } finally {
      await story.close();
    }
  },
);
