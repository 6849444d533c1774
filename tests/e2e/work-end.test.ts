import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, serveSite, type StaticSite } from '../support/browser.ts';
import { distOf, ensureRevisedLibrary } from '../support/sites.ts';

// The end of what is published (issue 29, item 3): the newest chapter of a work in progress says
// the story continues, when, and how to follow it; a finished work says it is complete; a reader
// who read to the end is told they are up to date, and a chapter published since comes next.
let browser: Browser;
let library: StaticSite;

browseSites({ library: 'library' }, (served) => ({ browser, library } = served));

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function reader(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone);
  return { context, page: await context.newPage() };
}

/** Scrolls to the chapter's end and waits until the reader's progress has recorded it. */
async function readToTheEnd(page: Page, work: string): Promise<void> {
  await page.locator('[data-chapter-end]').scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      page.evaluate(
        (key) =>
          Object.entries(localStorage).some(
            ([name, value]) => name.endsWith(key) && JSON.parse(value).last?.atEnd === true,
          ),
        `reading-progress:${work}`,
      ),
    )
    .toBe(true);
}

describe('the end of a chapter', () => {
  test('the newest chapter of a work in progress: to be continued, when, and its feed', async () => {
    const { context, page } = await reader();
    await page.goto(`${library.origin}/showcase-sequel/return/`);
    const end = page.getByRole('region', { name: 'To be continued' });
    await expect.poll(() => end.isVisible()).toBe(true);
    await expect
      .poll(() => end.textContent())
      .toContain('The next chapter is expected on June 1, 2099.');
    const feed = end.getByRole('link', { name: 'Follow new chapters of this work (feed)' });
    const href = (await feed.getAttribute('href'))!;
    expect(href).toBe('/showcase-sequel/feed.xml');
    const response = await page.request.get(`${library.origin}${href}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<title>The Showcase Returns (new chapters)</title>');
    // Not saved on this device: nothing about offline copies.
    expect(await end.locator('[data-saved-note]').isVisible()).toBe(false);
    // It sits before the chapter's navigation, outside the story and its search index.
    expect(await page.locator('article [data-work-end]').count()).toBe(0);
    expect(await end.getAttribute('data-pagefind-ignore')).not.toBeNull();
    await context.close();
  });

  test('a finished work’s last chapter says it is the end; earlier chapters say nothing', async () => {
    const { context, page } = await reader();
    await page.goto(`${library.origin}/markup-showcase/departure/`);
    const end = page.getByRole('region', { name: 'The end' });
    await expect.poll(() => end.textContent()).toContain('This work is complete.');
    expect(await end.getByRole('link').count()).toBe(0);
    await page.goto(`${library.origin}/markup-showcase/arrival/`);
    expect(await page.locator('[data-work-end]').count()).toBe(0);
    await context.close();
  });

  test('a reader who saved the work for offline reading hears that new chapters arrive when online', async () => {
    const { context, page } = await reader();
    await page.goto(`${library.origin}/showcase-sequel/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const save = page.locator('offline-save [data-save]');
    await save.scrollIntoViewIfNeeded();
    await expect.poll(() => save.textContent()).toMatch(/^Save for offline \(/);
    await save.click();
    await expect
      .poll(() => page.locator('offline-save [data-status]').textContent(), { timeout: 30_000 })
      .toMatch(/^Saved for offline/);
    await page.goto(`${library.origin}/showcase-sequel/return/`);
    const note = page.getByText(
      'Saved for offline reading: new chapters arrive the next time you are online.',
    );
    await expect.poll(() => note.isVisible()).toBe(true);
    await context.close();
  });
});

describe('the work page after the last chapter', () => {
  test('says "You are up to date", not "Continue reading" into the read chapter', async () => {
    const { context, page } = await reader();
    await page.goto(`${library.origin}/showcase-sequel/return/`);
    await readToTheEnd(page, 'showcase-sequel');
    await page.goto(`${library.origin}/showcase-sequel/`);
    const slot = page.locator('[data-continue-reading]');
    const upToDate = slot.locator('[data-up-to-date]');
    await expect.poll(() => upToDate.isVisible()).toBe(true);
    expect(await upToDate.textContent()).toBe(
      'You are up to date: “Return” is the newest chapter.',
    );
    expect(await slot.getByRole('link').isVisible()).toBe(false);
    await context.close();
  });

  test('a finished work says it was read; a chapter published since is next, and new', async () => {
    const { context, page } = await reader();
    await page.goto(`${library.origin}/markup-showcase/departure/`);
    await readToTheEnd(page, 'markup-showcase');
    await page.goto(`${library.origin}/markup-showcase/`);
    const slot = page.locator('[data-continue-reading]');
    await expect
      .poll(() => slot.locator('[data-up-to-date]').textContent())
      .toBe('You have read the whole work.');
    // The author publishes an epilogue: the same address now serves the new build.
    const port = new URL(library.origin).port;
    await library.close();
    const revised = await serveSite(ensureRevisedLibrary(), Number(port));
    try {
      await page.goto(`${revised.origin}/markup-showcase/`);
      const link = slot.getByRole('link');
      await expect.poll(() => link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe('/markup-showcase/epilogue/');
      expect(await link.textContent()).toContain('Continue reading — Epilogue');
      expect(await slot.locator('[data-up-to-date]').isVisible()).toBe(false);
      const epilogue = page.locator('[data-chapter-slug="epilogue"] [data-chapter-mark]');
      await expect.poll(() => epilogue.textContent()).toBe('New');
    } finally {
      await revised.close();
      library = await serveSite(distOf('library'), Number(port));
      await context.close();
    }
  });
});
