import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';

// A reader's second pass on a phone (issue 29, items 1, 2 and 4): every control big enough for
// a finger, no label too small to read, nothing unseen that takes a tap, and the settings sheet
// leaving the story in view.
let browser: Browser;
let story: StaticSite;
let library: StaticSite;

browseSites(
  { story: 'story', library: 'library' },
  (served) => ({ browser, story, library } = served),
);

const touch = (width: number, height = 640) => ({
  viewport: { width, height },
  hasTouch: true,
  isMobile: true,
});

/**
 * Every control a finger can reach under `root`, with its box: links, buttons, fields, the
 * summaries that fold notes, and the chips of the settings (a label around a radio button is
 * what a reader taps). A link inside running text is held to 24 px (WCAG 2.5.8's inline case),
 * anything else to 44 × 44 (2.5.5). A control drawn invisible must take no tap: the element at
 * its centre is then something else.
 */
function undersized(root: string) {
  const found: string[] = [];
  const selector =
    'a[href], button, input:not([type="radio"]), select, textarea, summary, label:has(> input[type="radio"])';
  for (const control of document.querySelectorAll<HTMLElement>(`${root} :is(${selector})`)) {
    const style = getComputedStyle(control);
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    // Shown only to keyboards (skip links, the search button): not a tap target until focused.
    if (control.matches('.visually-hidden, .visually-hidden-focusable:not(:focus)')) continue;
    const name = `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    if (style.opacity === '0') {
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === control || control.contains(hit)))
        found.push(`${name} is invisible yet takes a tap`);
      continue;
    }
    const inline = style.display === 'inline' && control.closest('p, li, dd, td') !== null;
    const [width, height] = inline ? [0, 24] : [44, 44];
    if (box.width < width - 0.5 || box.height < height - 0.5)
      found.push(`${name} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return found;
}

/** Visible text under 14 px, by element and size. */
function tinyText() {
  const found = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement!;
    if (!node.textContent?.trim() || element.closest('[hidden], .visually-hidden, noscript'))
      continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
    const size = parseFloat(style.fontSize);
    if (size < 13.95)
      found.add(
        `${element.tagName.toLowerCase()} ${size.toFixed(1)}px "${node.textContent.trim().slice(0, 30)}"`,
      );
  }
  return [...found];
}

const pages = [
  ['story', '/'],
  ['story', '/entwined-destinies/'],
  ['story', '/entwined-destinies/part-1/'],
  ['story', '/entwined-destinies/all/'],
  ['story', '/search/?q=slayer'],
  ['library', '/'],
  ['library', '/markup-showcase/'],
  ['library', '/markup-showcase/arrival/'],
  ['library', '/fiction-markup/messages-at-midnight/'],
  ['library', '/fiction-markup/the-letter-and-the-song/'],
] as const;
const site = (name: 'story' | 'library') => (name === 'story' ? story : library);

/** Waits for what the page's scripts add (search results, link controls) before measuring. */
async function settled(page: Page, path: string) {
  if (path.startsWith('/search/'))
    await expect.poll(() => page.locator('.result-passages a').count()).toBeGreaterThan(0);
  if (/\/[a-z-]+\/[a-z-0-9]+\/$/.test(path) && !path.endsWith('/all/'))
    await expect.poll(() => page.locator('button.passage-link').count()).toBe(1);
}

describe.each([320, 390])('on a %i px touch screen', (width) => {
  test.each(pages)('every control on %s %s is big enough for a finger', async (name, path) => {
    const page = await openPage(browser, site(name), path, touch(width));
    await settled(page, path);
    expect(await page.evaluate(undersized, 'body')).toEqual([]);
    await page.close();
  });

  test('the open settings, the header search results and the search words bar too', async () => {
    const page = await openPage(browser, story, '/entwined-destinies/part-1/', touch(width));
    await page.getByRole('button', { name: 'Reading settings' }).tap();
    await expect.poll(() => page.locator('#reader-settings').isVisible()).toBe(true);
    expect(await page.evaluate(undersized, '#reader-settings')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('#site-search').fill('slayer');
    await expect
      .poll(() => page.locator('.search-popover .result-passages a').count())
      .toBeGreaterThan(0);
    expect(await page.evaluate(undersized, '.search-popover')).toEqual([]);
    await page.goto(`${story.origin}/entwined-destinies/part-1/?hl=slayer`);
    const clear = page.getByRole('button', { name: 'Clear highlighting' });
    await expect.poll(() => clear.isVisible()).toBe(true);
    expect(await page.evaluate(undersized, '.search-hits-bar')).toEqual([]);
    await page.close();
  });

  test('the search words bar keeps to one line, and "Link copied" stays clear of it', async () => {
    const context = await browser.newContext(touch(width));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: story.origin,
    });
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/?hl=slayer`);
    const bar = page.locator('[data-search-hits]');
    const clear = bar.getByRole('button', { name: 'Clear highlighting' });
    await expect.poll(() => clear.isVisible()).toBe(true);
    const barBox = (await bar.boundingBox())!;
    // One row of a 44 px button (it covered 11% of a 320 × 640 screen on two lines).
    expect(barBox.height).toBeLessThan(56);
    expect((barBox.width * barBox.height) / (width * 640)).toBeLessThan(0.05);
    // Its sentence is still there for a screen reader.
    expect(await bar.getByText('Search words are highlighted.').count()).toBe(1);
    const paragraph = page.locator('[data-passage]').nth(2);
    await paragraph.tap({ position: { x: 20, y: 10 } });
    const control = paragraph.locator('button.passage-link');
    await expect.poll(() => control.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    await control.tap();
    const toast = page.getByRole('status').filter({ hasText: /Link copied|Copy this link/ });
    await expect.poll(() => toast.isVisible()).toBe(true);
    const [a, b] = [(await toast.boundingBox())!, (await clear.boundingBox())!];
    expect(a.y + a.height).toBeLessThanOrEqual(b.y);
    await context.close();
  });
});

describe.each([320, 390, 1280])('at %i px', (width) => {
  test.each(pages)('no text on %s %s is under 14 px', async (name, path) => {
    const options = width < 1000 ? touch(width) : { viewport: { width, height: 900 } };
    const page = await openPage(browser, site(name), path, options);
    await settled(page, path);
    // The smallest text size a reader can choose: labels sized in em must still reach 14 px.
    await page.evaluate(() => document.documentElement.setAttribute('data-reader-size', 'xs'));
    expect(await page.evaluate(tinyText)).toEqual([]);
    await page.close();
  });
});

describe('the link under a scene break on touch', () => {
  test('takes no tap while unseen; a tap on the scene’s first paragraph shows it, and it copies that scene', async () => {
    const context = await browser.newContext(touch(390, 844));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: story.origin,
    });
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    const link = page.locator('button.scene-link').nth(1);
    await expect.poll(() => link.count()).toBe(1);
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    // Just under the ornament, where the unseen control lies, a tap reaches the page instead.
    const reached = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.className ?? '',
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(reached).not.toContain('scene-link');
    const firstParagraph = page.locator('[data-scene="3"] > [data-passage]').first();
    await firstParagraph.tap({ position: { x: 20, y: 10 } });
    await expect.poll(() => link.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await link.tap();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).isVisible())
      .toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#scene-3$/);
    await context.close();
  });
});

describe('the settings sheet at 320 × 640', () => {
  test('opened at the top of a chapter, story text stays in view above it while the size changes', async () => {
    const page = await openPage(browser, story, '/entwined-destinies/part-1/', touch(320));
    await page.getByRole('button', { name: 'Reading settings' }).tap();
    const panel = page.locator('#reader-settings');
    await expect.poll(() => panel.isVisible()).toBe(true);
    /** How many pixels of story text show between the top of the screen and the sheet. */
    const storyAbove = () =>
      page.evaluate(() => {
        const sheet = document.querySelector('#reader-settings')!.getBoundingClientRect().top;
        let shown = 0;
        for (const passage of document.querySelectorAll('.story-text [data-passage]')) {
          const { top, bottom } = passage.getBoundingClientRect();
          shown += Math.max(0, Math.min(bottom, sheet) - Math.max(top, 0));
        }
        return shown;
      });
    const lineHeight = await page
      .locator('.story-text [data-passage]')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
    await expect.poll(storyAbove).toBeGreaterThanOrEqual(3 * lineHeight);
    const first = page.locator('.story-text [data-passage]').first();
    const before = (await first.boundingBox())!.y;
    for (const size of ['Largest', 'Smallest']) {
      await page.getByRole('radio', { name: size }).check();
      expect(await storyAbove()).toBeGreaterThanOrEqual(3 * lineHeight);
      // The passage the reader watches stays put as its text changes size.
      expect(Math.abs((await first.boundingBox())!.y - before)).toBeLessThan(4);
    }
    await page.close();
  });
});
