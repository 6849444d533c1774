import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { runLighthouse } from '../../src/lib/bench/lighthouse.ts';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';

// A chapter with a photo-like illustration (2000 px, 175 KB source) in Chromium: what a reader
// on a phone is sent, whether anything moves as it loads, and how it fits, zooms and prints.
const chapter = '/fiction-markup/messages-at-midnight/';
let browser: Browser;
let site: StaticSite;

browseSites({ site: 'library' }, (served) => ({ browser, site } = served));

/** Records layout shifts from the first paint on (what CLS adds up). */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test('a phone is sent one picture under 150 KB, and nothing moves as it loads', async () => {
  const page = await openPage(browser, site, '/', {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  await watchLayoutShifts(page);
  const pictures: { url: string; bytes: number; type: string }[] = [];
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(site.origin)) foreign.push(request.url());
  });
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (type.startsWith('image/') && response.url().includes('bakery'))
      pictures.push({ url: response.url(), bytes: (await response.body()).byteLength, type });
  });
  await page.goto(`${site.origin}${chapter}`);
  const img = page.locator('figure[data-illustration] img');
  await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
    .toBeGreaterThan(0);
  // Scroll on to the end, as a reader does.
  await page.mouse.wheel(0, 4000);
  // At the end of the page, with nothing more in flight: any other picture would have loaded.
  await page.waitForFunction(
    () => scrollY + innerHeight >= document.documentElement.scrollHeight - 1,
  );
  await page.waitForLoadState('networkidle');
  expect(pictures).toHaveLength(1);
  const [sent] = pictures;
  // 390 CSS px at 3× wants 1,170 pixels: the 1,440 px WebP, not the 2,000 px source.
  expect(sent!.type).toBe('image/webp');
  expect(sent!.url).toMatch(/\/_astro\/bakery-at-midnight\.[\w-]+\.webp$/);
  expect(sent!.bytes).toBeLessThan(150 * 1024);
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toBe(sent!.url);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
  expect(foreign).toEqual([]);
  await page.close();
});

// Browser zoom narrows the layout viewport: a 1,280 px window at 200% lays out 640 CSS px, at
// 400% 320 (WCAG's reflow width). CSS `zoom` would not do the same: media queries ignore it.
test.each([
  ['320 px (a 1280 px window at 400%)', { width: 320, height: 640 }],
  ['200% zoom of a 1280 px window', { width: 640, height: 800 }],
])('the picture stays inside the reading column at %s', async (_name, viewport) => {
  const page = await openPage(browser, site, chapter, { viewport });
  const figure = page.locator('figure[data-illustration]');
  await figure.scrollIntoViewIfNeeded();
  const [img, column] = await Promise.all([
    figure.locator('img').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
    page.locator('.story-text').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  expect(img.width).toBeGreaterThan(column.width * 0.9);
  expect(img.left).toBeGreaterThanOrEqual(column.left - 0.5);
  expect(img.right).toBeLessThanOrEqual(column.right + 0.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    viewport.width,
  );
  await page.close();
});

test('printed, the picture and its caption stay on one page and within it', async () => {
  const page = await openPage(browser, site, chapter, { viewport: { width: 800, height: 1000 } });
  await page.emulateMedia({ media: 'print' });
  const figure = page.locator('figure[data-illustration]');
  expect(await figure.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
  expect(await figure.locator('img').isVisible()).toBe(true);
  expect(await figure.locator('figcaption').isVisible()).toBe(true);
  await page.close();
});

test('Lighthouse: performance at least 98 and no layout shift on the illustrated chapter', async () => {
  // Lighthouse simulates a slow phone from the tasks it observes, so a machine busy with other
  // test files scores lower: the best of up to three runs is the page's score. A layout shift
  // does not depend on the machine: none in any run.
  let best = await runLighthouse(`${site.origin}${chapter}`);
  const shifts = [best.cumulativeLayoutShift];
  for (let attempt = 1; attempt < 3 && best.performance < 98; attempt++) {
    const scores = await runLighthouse(`${site.origin}${chapter}`);
    shifts.push(scores.cumulativeLayoutShift);
    if (scores.performance > best.performance) best = scores;
  }
  expect(best.performance).toBeGreaterThanOrEqual(98);
  expect(best.accessibility).toBe(100);
  expect(shifts.every((shift) => shift === 0)).toBe(true);
}, 240_000);
