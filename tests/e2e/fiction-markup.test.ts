import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';

let browser: Browser;
let library: StaticSite;
const midnight = '/fiction-markup/messages-at-midnight/';

browseSites({ library: 'library' }, (served) => ({ browser, library } = served));

describe('the fiction markup as readers meet it', () => {
  test('a footnote leads to its note and back to the text', async () => {
    const page = await openPage(browser, library, midnight);
    await page.getByRole('link', { name: 'Footnote 1' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#fn-buzz');
    const note = page.locator('#fn-buzz');
    expect(await note.textContent()).toContain('the second buzz was the one that mattered');
    await note.getByRole('link', { name: 'Back to text' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#fnref-buzz');
    await page.close();
  });

  test('a table wider than a 320 px phone scrolls in its own named region, never the page', async () => {
    const page = await openPage(browser, library, midnight, {
      viewport: { width: 320, height: 640 },
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    const regions = page.getByRole('region', { name: /./ }).filter({ has: page.locator('table') });
    expect(await regions.count()).toBe(2);
    const wide = page.getByRole('region', { name: 'Table' });
    expect(await wide.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await wide.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // → scrolled the table: it did not turn to the next chapter.
    expect(new URL(page.url()).pathname).toBe(midnight);
    expect(await page.getByRole('region', { name: 'The ledger, as Milo found it' }).count()).toBe(
      1,
    );
    expect(await page.getByRole('columnheader', { name: 'Minutes left' }).count()).toBe(1);
    await page.close();
  });

  test('a text thread is a list of messages, each heard with its sender first', async () => {
    const page = await openPage(browser, library, midnight);
    const thread = page.getByRole('region', { name: 'Messages' });
    const messages = thread.getByRole('listitem');
    expect(await messages.count()).toBe(4);
    expect((await messages.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Milo 11:58 PM Are you awake? The bakery lights are on: all of them.',
      'Wren I am now.',
      'Milo Come down. Bring the spare only key.',
      'Wren 12:01 AM Two minutes. Make it five.',
    ]);
    // The reader's own messages sit on the other side of the thread.
    const [milo, wren] = await Promise.all(
      [0, 1].map((i) => messages.nth(i).evaluate((el) => el.getBoundingClientRect().right)),
    );
    expect(wren!).toBeGreaterThan(milo!);
    await page.close();
  });

  test('a letter, a diary entry and verse are regions announced by their kind', async () => {
    const page = await openPage(browser, library, '/fiction-markup/the-letter-and-the-song/');
    expect(await page.getByRole('region', { name: 'Letter' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Diary entry' }).count()).toBe(1);
    const verse = page.getByRole('region', { name: 'Verse' });
    expect(await verse.locator('[data-line]').count()).toBe(6);
    // Continued lines are indented further than the lines they continue.
    const lefts = await verse
      .locator('[data-line]')
      .evaluateAll((lines) => lines.map((l) => Math.round(l.getBoundingClientRect().left)));
    expect(lefts[1]).toBeGreaterThan(lefts[0]!);
    expect(lefts[2]).toBe(lefts[0]);
    await page.close();
  });
});
