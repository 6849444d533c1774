import type { Browser, BrowserContext } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, type StaticSite } from '../support/browser.ts';

let browser: Browser;
let story: StaticSite;

browseSites({ story: 'story' }, (served) => ({ browser, story } = served));

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
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).isVisible())
      .toBe(true);
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

describe('the paragraph link: one control, by keyboard and by touch (issue 19, items 5, 6, 13)', () => {
  test('a chapter has one ¶ control, not one a paragraph; the entire work none at all', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    for (const url of ['/entwined-destinies/part-1/', '/entwined-destinies/all/']) {
      await page.goto(`${story.origin}${url}`);
      expect(await page.locator('[data-passage]').count(), url).toBeGreaterThan(50);
      // The entire work links no paragraph itself: each is linked on its chapter's page.
      expect(await page.locator('button.passage-link').count(), url).toBe(
        url.endsWith('/all/') ? 0 : 1,
      );
    }
    await context.close();
  });

  test('Tab reaches it once, after a few stops; ↓ and ↑ move it, focus ring kept; Enter copies that link', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    // From the top, Tab until the ¶ control has focus: a handful of stops, not one a paragraph.
    let stops = 0;
    while (stops < 20) {
      await page.keyboard.press('Tab');
      stops += 1;
      if (await page.evaluate(() => document.activeElement?.classList.contains('passage-link')))
        break;
    }
    expect(stops).toBeLessThan(20);
    const holder = () =>
      page.evaluate(() => {
        const passage = document.activeElement?.closest('[data-passage]');
        const all = [...document.querySelectorAll('[data-passage]')];
        const box = passage!.getBoundingClientRect();
        return {
          index: all.indexOf(passage!),
          id: passage!.id,
          onScreen: box.bottom > 0 && box.top < innerHeight,
        };
      });
    const first = await holder();
    expect(first.onScreen).toBe(true);
    expect(first.index).toBe(0);
    for (let step = 0; step < 40; step++) await page.keyboard.press('ArrowDown');
    const far = await holder();
    expect(far.index).toBe(40);
    // Each move brings its paragraph on screen.
    expect(far.onScreen).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const moved = await holder();
    expect(moved.index).toBe(42);
    expect(moved.onScreen).toBe(true);
    await page.keyboard.press('ArrowUp');
    const back = await holder();
    expect(back.index).toBe(41);
    const focused = page.locator('button.passage-link');
    expect(await focused.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
    expect(await focused.getAttribute('aria-label')).toMatch(/^Copy link to this paragraph: “/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${story.origin}/entwined-destinies/part-1/#${back.id}`,
    );
    await context.close();
  });

  test('on touch, an unseen ¶ takes no tap; a tapped paragraph shows its own, which copies its link', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: story.origin });
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/`);
    const paragraph = page.locator('[data-passage]').nth(3);
    await paragraph.scrollIntoViewIfNeeded();
    // Where the unseen control would be, a tap reaches the text, not the control.
    const hidden = page.locator('button.passage-link');
    const spot = (await hidden.boundingBox())!;
    expect(
      await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains('passage-link') ?? false,
        [spot.x + spot.width / 2, spot.y + spot.height / 2],
      ),
    ).toBe(false);
    await paragraph.tap({ position: { x: 20, y: 10 } });
    const control = paragraph.locator('button.passage-link');
    await expect.poll(() => control.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    await control.tap();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).isVisible())
      .toBe(true);
    const id = await paragraph.getAttribute('id');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`#${id}$`),
    );
    await context.close();
  });

  test('the "Link copied" toast never covers the "Clear highlighting" button', async () => {
    const context = await readerContext();
    const page = await context.newPage();
    await page.goto(`${story.origin}/entwined-destinies/part-1/?hl=Clark`);
    const clear = page.getByRole('button', { name: 'Clear highlighting' });
    await expect.poll(() => clear.isVisible()).toBe(true);
    const paragraph = page.locator('[data-passage]').first();
    await paragraph.hover();
    await paragraph.locator('button.passage-link').click();
    const toast = page.getByRole('status').filter({ hasText: 'Link copied' });
    await expect.poll(() => toast.isVisible()).toBe(true);
    const [a, b] = [(await toast.boundingBox())!, (await clear.boundingBox())!];
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
    await context.close();
  });
});
