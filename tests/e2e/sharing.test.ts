import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeBrowser, launchBrowser, serveSite, type StaticSite } from '../support/browser.ts';
import { distOf } from '../support/sites.ts';

let browser: Browser;
let story: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
  story = await serveSite(distOf('story'));
});

afterAll(async () => {
  await closeBrowser(browser);
  await story?.close();
});

async function readerContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: story.origin });
  return context;
}

/** True when the element's top is on screen (serialised into the page, so no closures). */
const inViewport = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
};

describe('sharing a passage', () => {
  test('copying a paragraph link puts it on the clipboard, and the link opens at that paragraph', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    const paragraph = page.locator('#p-evening-time-on-the-farm');
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.hover();
    await paragraph.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Link copied' }).isVisible()).toBe(
      true,
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${story.origin}/entwined-destinies/part-1/#p-evening-time-on-the-farm`);

    const reader = await context.newPage();
    await reader.goto(link);
    const target = reader.locator('#p-evening-time-on-the-farm');
    await expect.poll(() => target.evaluate(inViewport)).toBe(true);
    expect(await reader.evaluate(() => document.querySelector(':target')?.id)).toBe(
      'p-evening-time-on-the-farm',
    );
    await context.close();
  });

  test('a scene has its own link', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    await page.getByRole('button', { name: 'Copy link to scene 3' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#scene-3$/);
    await context.close();
  });

  test('selecting text offers a quote link that opens at the passage with the quote highlighted', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    const paragraph = page.locator('#p-buffy-wakes-up-to-yet');
    await paragraph.scrollIntoViewIfNeeded();
    // Select "yet another destroyed alarm clock" the way a mouse would.
    await paragraph.evaluate((p) => {
      const text = p.firstChild as Text;
      const start = text.data.indexOf('yet another');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'yet another destroyed alarm clock'.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await page.getByRole('button', { name: 'Copy link to quote' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(
      `${story.origin}/entwined-destinies/part-1/#p-buffy-wakes-up-to-yet:~:text=yet%20another%20destroyed%20alarm%20clock`,
    );

    const reader = await context.newPage();
    await reader.goto(link);
    await expect
      .poll(() =>
        reader.evaluate(() =>
          [...(CSS.highlights.get('quote') ?? [])].map((r) => (r as Range).toString()),
        ),
      )
      .toEqual(['yet another destroyed alarm clock']);
    await expect
      .poll(() => reader.locator('#p-buffy-wakes-up-to-yet').evaluate(inViewport))
      .toBe(true);
    await context.close();
  });

  test('the link controls are reachable by keyboard and named', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    const button = page
      .locator('#p-clark-is-sitting-in-the')
      .getByRole('button', { name: 'Copy link to this paragraph' });
    await button.focus();
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /#p-clark-is-sitting-in-the$/,
    );
    await context.close();
  });
});
