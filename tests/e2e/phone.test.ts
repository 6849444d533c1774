import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, serveSite, type StaticSite } from '../support/browser.ts';
import { distOf } from '../support/sites.ts';

// What a reader hits on a phone (issue 19, in part): author text that would widen the page,
// summaries whose paragraphs run together, a keyboard-only control offered to touch screens.
let browser: Browser;
let library: StaticSite;
let story: StaticSite;

browseSites(
  { library: 'library', story: 'story' },
  (served) => ({ browser, library, story } = served),
);

describe.each([320, 390, 768, 1280])('the header at %i px', (width) => {
  test.each([
    ['the story (a long title)', () => story, '/entwined-destinies/part-1/'],
    ['the library (several works)', () => library, '/markup-showcase/arrival/'],
  ])(
    'fits on %s: no ragged row, nothing off screen or overlapping, one way home',
    async (_name, site, url) => {
      const page = await openPage(browser, site(), url, {
        viewport: { width, height: 800 },
        hasTouch: width < 768,
        isMobile: width < 768,
      });
      const header = page.locator('body > header');
      const box = async (selector: string) =>
        (await header.locator(selector).first().boundingBox())!;
      const [title, search, settings] = await Promise.all([
        box('.site-title'),
        box('.site-search input'),
        box('.site-settings button'),
      ]);
      for (const part of [title, search, settings]) {
        expect(part.x).toBeGreaterThanOrEqual(0);
        expect(part.x + part.width).toBeLessThanOrEqual(width);
      }
      const overlap = (a: typeof title, b: typeof title) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap(title, search) || overlap(title, settings) || overlap(search, settings)).toBe(
        false,
      );
      const middle = (part: typeof title) => part.y + part.height / 2;
      // The title keeps to one line, and sits on one row with Aa.
      expect(Math.abs(middle(title) - middle(settings))).toBeLessThan(6);
      // One line of text (on touch, padding makes the link a 44 px target around it).
      const [lineHeight, textHeight] = await header.locator('.site-title').evaluate((el) => {
        const style = getComputedStyle(el);
        const padding =
          Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
        return [Number.parseFloat(style.lineHeight), el.getBoundingClientRect().height - padding];
      });
      expect(textHeight).toBeLessThan(lineHeight * 1.5);
      if (width < 640) {
        // A phone: the search field takes the whole second row.
        expect(search.y).toBeGreaterThan(title.y + title.height - 1);
        expect(search.width).toBeGreaterThan(width - 2 * 20 - 2);
      } else {
        expect(Math.abs(middle(search) - middle(settings))).toBeLessThan(6);
      }
      // A cut title is still whole for those who need it: the link's name and its tooltip.
      const link = header.locator('.site-title');
      expect(await link.getAttribute('title')).toBe((await link.textContent())?.trim());
      // The title is the way home: no second link there, no "Library" twice.
      expect(await header.locator('a').count()).toBe(1);
      expect(
        ((await header.textContent()) ?? '').match(/Library/g)?.length ?? 0,
      ).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await page.close();
    },
  );
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

describe('the reading settings open where they leave their button and the text in view', () => {
  test.each([320, 390])(
    'at %i px, a sheet along the bottom below the button and the text',
    async (width) => {
      const page = await openPage(browser, library, '/markup-showcase/arrival/', {
        viewport: { width, height: 700 },
        hasTouch: true,
      });
      const button = page.getByRole('button', { name: 'Reading settings' });
      await button.click();
      const panel = page.locator('#reader-settings');
      await expect.poll(() => panel.isVisible()).toBe(true);
      const box = (await panel.boundingBox())!;
      const buttonBox = (await button.boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(width);
      expect(Math.round(box.y + box.height)).toBe(700);
      // The button stays uncovered, and at least a third of the screen shows the page above.
      expect(buttonBox.y + buttonBox.height).toBeLessThanOrEqual(box.y);
      expect(box.y).toBeGreaterThanOrEqual(700 / 3);
      await page.getByRole('radio', { name: 'Sepia' }).check();
      expect(await page.locator('html').getAttribute('data-reader-theme')).toBe('sepia');
      await page.close();
    },
  );

  test.each([
    [768, '/entwined-destinies/part-1/', 'story'],
    [1200, '/markup-showcase/arrival/', 'library'],
  ] as const)('at %i px, just below its button and on screen', async (width, path, site) => {
    const served = site === 'story' ? await serveSite(distOf('story')) : library;
    try {
      const page = await openPage(browser, served, path, { viewport: { width, height: 800 } });
      const button = page.getByRole('button', { name: 'Reading settings' });
      await button.click();
      const panel = page.locator('#reader-settings');
      await expect.poll(() => panel.isVisible()).toBe(true);
      const box = (await panel.boundingBox())!;
      const b = (await button.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(b.y + b.height);
      expect(box.y - (b.y + b.height)).toBeLessThan(24);
      // Beside the button: their horizontal extents overlap; and wholly on screen.
      expect(box.x).toBeLessThanOrEqual(b.x + b.width);
      expect(box.x + box.width).toBeGreaterThanOrEqual(b.x);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.close();
    } finally {
      if (served !== library) await served.close();
    }
  });
});

describe('long chapter titles on a 320 px phone', () => {
  test('no line of a title starts with a dash, at any phone width', async () => {
    const page = await openPage(browser, library, '/fiction-markup/the-letter-and-the-song/', {
      viewport: { width: 320, height: 700 },
    });
    const h1 = page.locator('h1');
    const dashesAtLineStart = () =>
      h1.evaluate((heading) => {
        // Every character of the title with its text node, wherever runs split it.
        const chars: { node: Text; at: number; c: string }[] = [];
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (
          let node = walker.nextNode() as Text | null;
          node;
          node = walker.nextNode() as Text | null
        )
          for (let at = 0; at < node.data.length; at += 1)
            chars.push({ node, at, c: node.data[at]! });
        const top = ({ node, at }: { node: Text; at: number }) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect().top;
        };
        let found = 0;
        chars.forEach((char, i) => {
          if (char.c !== '—') return;
          let before = i - 1;
          while (before >= 0 && /\s/.test(chars[before]!.c)) before -= 1;
          if (before >= 0 && Math.abs(top(char) - top(chars[before]!)) > 2) found += 1;
        });
        return found;
      });
    // Every width from a small phone to a large one: wherever the title wraps.
    const found: number[] = [];
    for (let width = 280; width <= 480; width += 4) {
      await page.setViewportSize({ width, height: 700 });
      found.push(await dashesAtLineStart());
    }
    expect(found.filter((n) => n > 0)).toEqual([]);
    await page.close();
  });

  test('the next chapter’s long title takes at most two lines', async () => {
    const page = await openPage(browser, library, '/fiction-markup/messages-at-midnight/', {
      viewport: { width: 320, height: 700 },
    });
    const title = page.locator('a[rel="next"] span.font-serif');
    const lines = await title.evaluate(
      (el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
    );
    expect(Math.round(lines)).toBeLessThanOrEqual(2);
    await page.close();
  });
});

describe('landing on a passage', () => {
  /** Every scroll position the page shows, frame by frame, from its first frame on. */
  async function scrollPositions(
    page: import('playwright-core').Page,
    act: () => Promise<unknown>,
  ) {
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      const frame = () => {
        seen.push(Math.round(scrollY));
        if (seen.length < 240) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await act();
    // A second and a half of frames (at 60 a second) after the move began.
    await page.waitForFunction(() => (window as unknown as { seen: number[] }).seen.length >= 90);
    return page.evaluate(() => (window as unknown as { seen: number[] }).seen);
  }

  test('a link to a passage deep in a chapter opens at it at once, with no glide through the text', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const first = await context.newPage();
    const url = `${library.origin}/the-adventures-of-sherlock-holmes/a-scandal-in-bohemia-2/`;
    await first.goto(url);
    const id = await first.getByText('My cabby drove fast.').getAttribute('id');
    // Opened from elsewhere (a shared link, Continue reading): a new page load.
    const page = await context.newPage();
    const positions = await scrollPositions(page, () => page.goto(`${url}#${id}`));
    const final = positions.at(-1)!;
    expect(final).toBeGreaterThan(2000);
    // No frame shows the page on its way down: only the top (before the jump) and the passage.
    expect(positions.filter((y) => y > 0 && Math.abs(y - final) > 2)).toEqual([]);
    await context.close();
  });

  test('an in-page move the reader starts still glides', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${library.origin}/the-adventures-of-sherlock-holmes/a-scandal-in-bohemia-2/`);
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('html').getAttribute('data-landed')).toBe('');
    const positions = await scrollPositions(page, async () => {
      await page.reload();
      await expect.poll(() => page.locator('html').getAttribute('data-landed')).toBe('');
      await page.evaluate(() => {
        const target = [...document.querySelectorAll('p[data-passage]')].at(-1)!;
        location.hash = target.id;
      });
    });
    const final = positions.at(-1)!;
    expect(positions.filter((y) => y > 0 && Math.abs(y - final) > 2).length).toBeGreaterThan(3);
    await context.close();
  });
});
