import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  browseSites,
  openPage,
  serveSite,
  type StaticSite,
  savedProgress,
} from '../support/browser.ts';
import { arrival, bohemia2, expectAtTop, holmes, openSettings } from '../support/reader.ts';
import { distOf, ensureRevisedLibrary } from '../support/sites.ts';

// Coming back to a work: the place a reader left is kept on the device and offered again, on
// this page, the next chapter's, and after the author rebuilt the site.
let browser: Browser;
let library: StaticSite;

browseSites({ library: 'library' }, (served) => ({ browser, library } = served));

/** Scrolls so that the given passage is at the top of the screen, and lets the page save it. */
async function readUpTo(page: Page, text: string) {
  const target = page.getByText(text);
  const work = await target.evaluate(
    (el) => el.closest<HTMLElement>('[data-reading-work]')?.dataset['readingWork'] ?? '',
  );
  const before = (await savedProgress(page, work)).last?.passage;
  await target.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
  // Once the scroll has ended, the place saved is the passage now at the top (before it, the
  // chapter itself, or the passage a link landed on).
  await expect
    .poll(async () => {
      const passage = (await savedProgress(page, work)).last?.passage;
      return passage !== undefined && passage !== before;
    })
    .toBe(true);
}

/** The place last saved for the Holmes fixture work. */
async function savedPlace(page: Page) {
  const saved = await page.evaluate(() =>
    localStorage.getItem('reading-progress:the-adventures-of-sherlock-holmes'),
  );
  return (JSON.parse(saved ?? '{}') as { last?: unknown }).last;
}

describe('resuming where you left off', () => {
  // Chromium has `scrollend`; Safari has not, and the script falls back to a pause in scrolling.
  const scrollEnds = {
    'with scrollend': false,
    'without scrollend (as in Safari)': true,
  };

  /** The chapter, opened as a browser with or without `scrollend` would run it. */
  async function openChapter(withoutScrollend: boolean) {
    const page = await openPage(browser, library, bohemia2);
    if (withoutScrollend) {
      await page.addInitScript(() => {
        delete (Window.prototype as Partial<Window>).onscrollend;
        delete (window as Partial<Window>).onscrollend;
      });
      await page.reload();
    }
    expect(await page.evaluate(() => 'onscrollend' in window)).toBe(!withoutScrollend);
    return page;
  }

  test.each(Object.entries(scrollEnds))(
    'leaving while the page still scrolls to a linked passage keeps that passage as the place (%s)',
    async (_, withoutScrollend) => {
      const page = await openChapter(withoutScrollend);
      const passageId = await page.getByText('My cabby drove fast.').getAttribute('id');
      // The reader leaves before the page has even run its `hashchange` listeners.
      await page.addInitScript(() =>
        addEventListener('hashchange', (event) => event.stopImmediatePropagation(), true),
      );
      await page.reload();
      // A link within the page scrolls smoothly, over a second across this chapter; leave at once.
      await page.goto(`${library.origin}${bohemia2}#${passageId}`);
      await page.goto(`${library.origin}/`);
      expect(await savedPlace(page)).toMatchObject({ passage: passageId });
      await page.close();
    },
  );

  test.each(Object.entries(scrollEnds))(
    'a passage a link landed on stays the place when the reader leaves (%s)',
    async (_, withoutScrollend) => {
      const page = await openChapter(withoutScrollend);
      const passageId = await page.getByText('My cabby drove fast.').getAttribute('id');
      await page.goto(`${library.origin}${bohemia2}#${passageId}`);
      await expectAtTop(page.locator(`#${passageId}`));
      // Leaving the page (pagehide) records the passage at the top of the screen again.
      await page.goto(`${library.origin}/`);
      expect(await savedPlace(page)).toMatchObject({ passage: passageId });
      await page.close();
    },
  );

  test.each(Object.entries(scrollEnds))(
    'after reading on from a linked passage, the place is where the reader stopped (%s)',
    async (_, withoutScrollend) => {
      const page = await openChapter(withoutScrollend);
      const passageId = await page.getByText('My cabby drove fast.').getAttribute('id');
      await page.goto(`${library.origin}${bohemia2}#${passageId}`);
      await expectAtTop(page.locator(`#${passageId}`));
      await readUpTo(page, 'Well, I found my plans very seriously menaced.');
      const later = await page
        .getByText('Well, I found my plans very seriously menaced.')
        .getAttribute('id');
      await page.goto(`${library.origin}/`);
      expect(await savedPlace(page)).toMatchObject({ passage: later });
      await page.close();
    },
  );

  test('the home and work pages offer to continue at the passage last read, across reloads', async () => {
    const page = await openPage(browser, library, bohemia2);
    // This chapter has one scene: the link names the chapter only.
    await readUpTo(page, 'My cabby drove fast.');
    const passageId = await page.getByText('My cabby drove fast.').getAttribute('id');
    expect(passageId).toMatch(/^p-/);

    await page.goto(`${library.origin}/`);
    const link = page.getByRole('link', {
      name: /^Continue reading — A Scandal in Bohemia — Chapter II/,
    });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(`${bohemia2}#${passageId}`);
    await page.reload();
    await expect.poll(() => link.isVisible()).toBe(true);

    await link.click();
    await page.waitForURL(`**${bohemia2}#${passageId}`);
    await expectAtTop(page.locator(`#${passageId}`));

    await page.goto(`${library.origin}${holmes}`);
    await expect
      .poll(() =>
        page.getByRole('link', { name: /^Continue reading — A Scandal/ }).getAttribute('href'),
      )
      .toBe(`${bohemia2}#${passageId}`);
    await page.close();
  });

  test('in a chapter of several scenes, "Continue reading" names the scene or flashback', async () => {
    const page = await openPage(browser, library, arrival);
    await readUpTo(page, 'He counted forty-two that summer.');
    await page.goto(`${library.origin}/markup-showcase/`);
    await expect
      .poll(() => page.locator('[data-continue-reading] a').textContent())
      .toMatch(/^Continue reading — Arrival, flashback: Ten years earlier/);
    await page.close();
  });

  test('readers with no history see no "Continue reading" and no marks', async () => {
    const page = await openPage(browser, library, '/markup-showcase/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-continue-reading]').isVisible()).toBe(false);
    expect(await page.locator('.chapter-mark:visible').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Start reading' }).isVisible()).toBe(true);
    await page.close();
  });

  test('a chapter read to the end is marked read; a slim bar shows progress through a chapter', async () => {
    const page = await openPage(browser, library, bohemia2);
    const bar = page.locator('.reading-progress');
    const scale = () => bar.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(await scale()).toBeLessThan(0.02);
    await page.evaluate(() =>
      window.scrollTo({
        top: (document.documentElement.scrollHeight - innerHeight) / 2,
        behavior: 'instant',
      }),
    );
    await expect.poll(scale).toBeGreaterThan(0.4);
    expect(await scale()).toBeLessThan(0.6);
    await page.getByRole('navigation', { name: 'Chapters' }).scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await savedProgress(page, 'the-adventures-of-sherlock-holmes')).read)
      .toContain('a-scandal-in-bohemia-2');
    await page.goto(`${library.origin}${holmes}`);
    const item = page.locator('[data-chapter-slug="a-scandal-in-bohemia-2"]');
    await expect.poll(() => item.locator('.chapter-mark').textContent()).toBe('Read');
    expect(await item.locator('.chapter-mark').isVisible()).toBe(true);
    // Only that chapter: the first was never read.
    expect(
      await page.locator('[data-chapter-slug="a-scandal-in-bohemia-1"] .chapter-mark').isVisible(),
    ).toBe(false);
    await page.close();
  });

  test('"Forget reading progress" clears it on this device', async () => {
    const page = await openPage(browser, library, bohemia2);
    await readUpTo(page, 'It was close upon four before the door opened');
    await page.goto(`${library.origin}${holmes}`);
    await expect.poll(() => page.locator('[data-continue-reading]').isVisible()).toBe(true);
    await openSettings(page);
    await page.getByRole('button', { name: 'Forget reading progress' }).click();
    expect(await page.locator('[data-continue-reading]').isVisible()).toBe(false);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('reading-progress:')),
      ),
    ).toEqual([]);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-continue-reading]').isVisible()).toBe(false);
    await page.close();
  });

  test('after the author revises the work: a removed chapter leads to the contents, a changed passage to its chapter, new chapters are marked', async () => {
    const revisedDist = ensureRevisedLibrary();
    // The original site and the revised one at the same origin, so the reader's storage carries over.
    const original = await serveSite(distOf('library'));
    const port = new URL(original.origin).port;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${original.origin}/markup-showcase/`); // the reader saw all three chapters
    await page.goto(`${original.origin}/markup-showcase/departure/`);
    // The whole chapter on screen: read.
    await expect
      .poll(async () => (await savedProgress(page, 'markup-showcase')).read)
      .toContain('departure');
    await page.goto(`${original.origin}/markup-showcase/the-letter/`);
    await readUpTo(page, 'She kept it in her coat for a week');
    await page.goto('about:blank');
    await original.close();

    const revised = await serveSite(revisedDist, Number(port));
    try {
      await page.goto(`${revised.origin}/`);
      const gone = page.getByRole('link', { name: /“The Letter” is no longer here/ });
      await expect.poll(() => gone.isVisible()).toBe(true);
      await gone.click();
      await page.waitForURL(`${revised.origin}/markup-showcase/`);
      const mark = (slug: string) => page.locator(`[data-chapter-slug="${slug}"] .chapter-mark`);
      await expect.poll(() => mark('epilogue').textContent()).toBe('New');
      expect(await mark('epilogue').isVisible()).toBe(true);
      expect(await mark('arrival').isVisible()).toBe(false);
      // Departure is one line long: opening it was reading it to the end.
      expect(await mark('departure').textContent()).toBe('Read');
      // Seen once, no longer new.
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect(await mark('epilogue').isVisible()).toBe(false);

      // The passage saved in Departure was rewritten: its link opens the chapter at the top.
      await page.evaluate(() => {
        const key = 'reading-progress:markup-showcase';
        const saved = JSON.parse(localStorage.getItem(key)!);
        saved.last = {
          chapter: 'departure',
          title: 'Departure',
          url: '/markup-showcase/departure/',
          passage: 'p-the-train-left-at-9',
        };
        localStorage.setItem(key, JSON.stringify(saved));
      });
      await page.reload();
      const resume = page.getByRole('link', { name: /^Continue reading — Departure/ });
      await expect.poll(() => resume.isVisible()).toBe(true);
      await resume.click();
      await page.waitForURL(/\/markup-showcase\/departure\/#p-the-train-left-at-9$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Departure');
      expect(await page.getByText('The train left at a quarter past nine').isVisible()).toBe(true);
    } finally {
      await context.close();
      await revised.close();
    }
  });
});
