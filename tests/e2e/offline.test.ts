import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WorkManifest } from '../../src/lib/offline/work-files.ts';
import { browseSites, savedProgress, serveSite, type StaticSite } from '../support/browser.ts';
import { baseOf, distOf, ensureRevisedLibrary } from '../support/sites.ts';

// Offline reading in Chromium with the network really cut: the server is shut down (nothing
// answers at all) and the browser is told it is offline (`navigator.onLine` is false). Playwright's
// offline switch alone does not reach a service worker's own requests.
let browser: Browser;

browseSites({}, (served) => ({ browser } = served));

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A fresh reader (own storage) on a served site. */
async function reader(site: StaticSite): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`${site.origin}${site.base}`);
  return { context, page };
}

/** Waits until the service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function saveFromWorkPage(page: Page, site: StaticSite, work: string): Promise<string> {
  await page.goto(`${site.origin}${site.base}${work}/`);
  await controlled(page);
  const save = page.locator('offline-save [data-save]');
  await save.scrollIntoViewIfNeeded();
  // The size is fetched once the control comes into view.
  await expect.poll(() => save.textContent()).toMatch(/^Save for offline \(\d+(\.\d)? (KB|MB)\)$/);
  const label = (await save.textContent())!;
  await save.click();
  const status = page.locator('offline-save [data-status]');
  await expect
    .poll(() => status.textContent(), { timeout: 30_000 })
    .toMatch(/^Saved for offline · /);
  return label;
}

/** Cuts the network: the site stops answering and the browser knows it is offline. */
async function goOffline(context: BrowserContext, site: StaticSite): Promise<void> {
  await site.close();
  await context.setOffline(true);
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Whether every stylesheet of the page loaded and applies (a page without its CSS reads badly). */
async function styled(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
      (link) => link.sheet !== null && link.sheet.cssRules.length > 0,
    ),
  );
}

describe('a saved work, with the network cut', () => {
  const work = 'fiction-markup';
  let site: StaticSite;
  let context: BrowserContext;
  let page: Page;
  let manifest: WorkManifest;

  beforeAll(async () => {
    site = await serveSite(distOf('library'));
    manifest = JSON.parse(
      readFileSync(path.join(distOf('library'), work, 'offline.json'), 'utf8'),
    ) as WorkManifest;
    ({ context, page } = await reader(site));
  });

  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  test('"Save for offline" shows the size, then saves the work and keeps it', async () => {
    await page.evaluate(() => localStorage.setItem('reader-settings', '{"theme":"sepia"}'));
    const label = await saveFromWorkPage(page, site, work);
    // The size before saving is the manifest's, as the EPUB's is written (1 KB = 1,024 bytes).
    expect(label).toBe(`Save for offline (${Math.round(manifest.bytes / 1024)} KB)`);
    expect(await page.locator('offline-save [data-status]').textContent()).toBe(
      `Saved for offline · ${Math.round(manifest.bytes / 1024)} KB`,
    );
    expect(
      await page
        .getByRole('button', { name: /^Remove the saved copy of The Night Shift$/ })
        .isVisible(),
    ).toBe(true);
    // Read a chapter of another work online: pages read are kept too.
    await page.goto(`${site.origin}/markup-showcase/arrival/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${site.origin}/${work}/`);
    await goOffline(context, site);
  });

  test('every chapter and the entire work open, with their styles, fonts and pictures', async () => {
    const failed: string[] = [];
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      // The browser cancels what a page was still fetching when the next page opens (the
      // favicon, at times): that says nothing about the copy on the device. A file missing
      // offline fails as net::ERR_FAILED or ERR_INTERNET_DISCONNECTED.
      if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${error}`);
    });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    for (const url of manifest.pages) {
      await page.goto(`${site.origin}${url}`);
      expect(await page.locator('h1').first().isVisible(), url).toBe(true);
      expect(await page.title(), url).not.toMatch(/offline/i);
      expect(await styled(page), url).toBe(true);
      // The reader's sepia theme holds offline (settings are on the device).
      expect(await page.locator('html').getAttribute('data-reader-theme')).toBe('sepia');
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.fonts.check('1em Literata')), url).toBe(true);
      const pictures = page.locator('main img');
      for (let i = 0; i < (await pictures.count()); i += 1) {
        const picture = pictures.nth(i);
        await picture.scrollIntoViewIfNeeded();
        await expect
          .poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth), {
            message: `${url}: ${await picture.getAttribute('alt')}`,
          })
          .toBeGreaterThan(0);
      }
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });

  test('search finds a phrase of the last chapter and lands on it, highlighted', async () => {
    await page.goto(
      `${site.origin}/search/?q=${encodeURIComponent('the ovens kept their promise')}`,
    );
    const result = page.locator('a[data-result]').first();
    await expect.poll(() => result.isVisible(), { timeout: 10_000 }).toBe(true);
    const status = page.locator('passage-search [data-status]');
    expect(await status.textContent()).toMatch(/offline/i);
    expect(await status.textContent()).toContain('The Night Shift');
    await result.click();
    await page.waitForURL(
      /\/fiction-markup\/the-letter-and-the-song\/\?hl=.*#p-if-you-are-reading-this$/,
    );
    const marks = page.locator('mark');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    expect(await marks.first().isVisible()).toBe(true);
    expect((await marks.allTextContents()).join(' ').toLowerCase()).toContain('ovens');
  });

  test('a reload offline shows the page again', async () => {
    await page.goto(`${site.origin}/fiction-markup/messages-at-midnight/`);
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Messages');
    expect(await styled(page)).toBe(true);
  });

  test('a page read online opens offline; one never opened says it is not saved', async () => {
    await page.goto(`${site.origin}/markup-showcase/arrival/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Arrival');
    await page.goto(`${site.origin}/the-adventures-of-sherlock-holmes/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You are offline');
    const saved = page.locator('saved-works-list li a');
    await expect.poll(() => saved.allTextContents()).toEqual(['The Night Shift']);
  });

  test('searching offline says plainly that works not saved cannot be searched', async () => {
    await page.goto(`${site.origin}/search/?q=Bohemia`);
    const status = page.locator('passage-search [data-status]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/No results/);
    expect(await status.textContent()).toMatch(
      /^No results for “Bohemia”.* Offline: only the works saved on this device \(The Night Shift\) are searched\.$/,
    );
  });

  test('"Did you mean" works offline, with the words of the saved works only', async () => {
    await page.goto(`${site.origin}/search/?q=ovnes`);
    const status = page.locator('passage-search [data-status]');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/No results/);
    // "ones" is as close (a letter left out) and more frequent: both are offered.
    expect(await status.textContent()).toMatch(/Did you mean (.+ )?ovens\?$/);
    await page.locator('a[data-correction]', { hasText: 'ovens' }).click();
    await expect.poll(() => page.locator('a[data-result]').count()).toBeGreaterThan(0);
    // "Bohemia" is in a work not saved here: no correction that would find nothing.
    await page.goto(`${site.origin}/search/?q=Bohemai`);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/No results/);
    expect(await status.textContent()).not.toContain('Did you mean');
  });

  test('reading progress is kept offline', async () => {
    await page.goto(`${site.origin}/fiction-markup/the-letter-and-the-song/`);
    const passage = page.getByText('Wren found the song pinned inside the lid');
    await passage.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await expect
      .poll(async () => (await savedProgress(page, 'fiction-markup')).last?.passage)
      .toBe('p-wren-found-the-song-pinned');
    await page.goto(`${site.origin}/fiction-markup/`);
    const resume = page.getByRole('link', {
      name: /^Continue reading — .*The Letter and the Song, scene 1/,
    });
    await expect.poll(() => resume.isVisible()).toBe(true);
    expect(await resume.getAttribute('href')).toBe(
      '/fiction-markup/the-letter-and-the-song/#p-wren-found-the-song-pinned',
    );
  });
});

describe('after the author publishes again', () => {
  test('the next visit gets the new build, old caches go, and the saved work follows', async () => {
    const first = await serveSite(distOf('library'));
    const { context, page } = await reader(first);
    try {
      await saveFromWorkPage(page, first, 'markup-showcase');
      const buildA = await page.locator('html').getAttribute('data-build');
      await page.goto(`${first.origin}/markup-showcase/the-letter/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(() => localStorage.setItem('reading-progress:markup-showcase', '{}'));
      const port = new URL(first.origin).port;
      await first.close();

      // "The Letter" removed, an epilogue added, "Departure" rewritten; same address.
      const revisedDist = ensureRevisedLibrary();
      const second = await serveSite(revisedDist, Number(port));
      try {
        await page.goto(`${second.origin}/markup-showcase/`);
        const buildB = await page.locator('html').getAttribute('data-build');
        expect(buildB).not.toBe(buildA);
        expect(await styled(page)).toBe(true);
        // Every file the page loaded is the new build's (none left from the old one's caches).
        const loaded = await page.evaluate(() =>
          performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
        );
        for (const file of loaded.filter((url) => url.startsWith('/_astro/')))
          expect(() => readFileSync(path.join(revisedDist, file)), file).not.toThrow();
        // The new worker took over and deleted the old build's shell and pages...
        await page.waitForFunction(async (build) => {
          const registration = await navigator.serviceWorker.ready;
          const script = await (await fetch(registration.active!.scriptURL)).text();
          return script.includes(`"${build}"`);
        }, buildB);
        await expect
          .poll(async () => (await cacheNames(page)).filter((name) => name.includes(buildA!)), {
            timeout: 30_000,
          })
          .toEqual([]);
        // ...and the saved work was saved again from the new build.
        const status = page.locator('offline-save [data-status]');
        await expect
          .poll(() => status.textContent(), { timeout: 30_000 })
          .toMatch(/^Saved for offline · \d/);
        const names = await cacheNames(page);
        expect(names).toContain(`fiction-reader:/:work:markup-showcase:${buildB}`);
        const kept = await page.evaluate(async (name) => {
          const cache = await caches.open(name);
          return (await cache.keys()).map((request) => new URL(request.url).pathname);
        }, `fiction-reader:/:work:markup-showcase:${buildB}`);
        expect(kept).toContain('/markup-showcase/epilogue/');
        expect(kept).not.toContain('/markup-showcase/the-letter/');

        await goOffline(context, second);
        await page.goto(`${second.origin}/markup-showcase/epilogue/`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Epilogue');
        expect(await styled(page)).toBe(true);
        // The removed chapter is gone from the device: it was read before, but not kept.
        await page.goto(`${second.origin}/markup-showcase/the-letter/`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You are offline');
        // Reading progress is the reader's, not the cache's: still there.
        expect(
          await page.evaluate(() => localStorage.getItem('reading-progress:markup-showcase')),
        ).not.toBeNull();
      } finally {
        await second.close();
      }
    } finally {
      await context.close();
    }
  });
});

describe('under a base path', () => {
  test('the worker covers the project site only, and a saved work reads offline', async () => {
    const site = await serveSite(distOf('libraryUnderBase'), 0, baseOf('libraryUnderBase'));
    const { context, page } = await reader(site);
    try {
      await saveFromWorkPage(page, site, 'markup-showcase');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${site.origin}/my-story/`);
      expect(
        (await cacheNames(page)).every((name) => name.startsWith('fiction-reader:/my-story/:')),
      ).toBe(true);
      await goOffline(context, site);
      await page.goto(`${site.origin}/my-story/markup-showcase/departure/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Departure');
      expect(await styled(page)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('removing a saved work', () => {
  test('"Remove" deletes its pages and, with no work left, the search files', async () => {
    const site = await serveSite(distOf('library'));
    const { context, page } = await reader(site);
    try {
      await saveFromWorkPage(page, site, 'showcase-sequel');
      expect((await cacheNames(page)).some((name) => name.includes(':search:'))).toBe(true);
      await page.getByRole('button', { name: /^Remove/ }).click();
      const status = page.locator('offline-save [data-status]');
      await expect.poll(() => status.textContent()).toBe('Removed from this device.');
      const left = await cacheNames(page);
      expect(left.filter((name) => /:(work|search):/.test(name))).toEqual([]);
      expect(await page.getByRole('button', { name: /^Save for offline/ }).isVisible()).toBe(true);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

test('a chapter leads to its work’s "Save for offline", in view', async () => {
  const site = await serveSite(distOf('library'));
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  try {
    await page.goto(`${site.origin}/fiction-markup/messages-at-midnight/`);
    await page.getByRole('link', { name: 'Save this work for offline reading' }).click();
    await page.waitForURL(`${site.origin}/fiction-markup/#save-offline`);
    const save = page.getByRole('button', { name: /^Save for offline/ });
    await expect.poll(() => save.isVisible()).toBe(true);
    const box = (await save.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  } finally {
    await context.close();
    await site.close();
  }
});

test('with JavaScript off there is no offline control and no worker', async () => {
  const site = await serveSite(distOf('library'));
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${site.origin}/fiction-markup/`);
    expect(await page.locator('offline-save').isVisible()).toBe(false);
    expect(await page.locator('offline-save [data-save]').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Save for offline/ }).count()).toBe(0);
    // Nor a link to it from a chapter: saving needs JavaScript.
    await page.goto(`${site.origin}/fiction-markup/messages-at-midnight/`);
    expect(await page.getByText('Save this work for offline reading').count()).toBe(1);
    expect(await page.getByText('Save this work for offline reading').isVisible()).toBe(false);
    expect(context.serviceWorkers()).toEqual([]);
  } finally {
    await context.close();
    await site.close();
  }
});
