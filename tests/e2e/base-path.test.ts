import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';
import { baseOf } from '../support/sites.ts';

// The library built for https://someone.github.io/my-story/ and served only under /my-story/,
// as GitHub Pages serves a project site: the host's root and everything outside the base
// answer 404, so any URL that escapes the base breaks here as it would for readers.
let browser: Browser;
let site: StaticSite;
const base = baseOf('libraryUnderBase');

browseSites({ site: 'libraryUnderBase' }, (served) => ({ browser, site } = served));

/** Every request a context makes, with its status: the base path is kept if all are ours and found. */
function recordRequests(context: BrowserContext): { url: string; status: number }[] {
  const seen: { url: string; status: number }[] = [];
  context.on('requestfinished', async (request) => {
    const response = await request.response();
    seen.push({ url: request.url(), status: response?.status() ?? 0 });
  });
  context.on('requestfailed', (request) => seen.push({ url: request.url(), status: 0 }));
  return seen;
}

function outsideOrMissing(seen: { url: string; status: number }[]): string[] {
  return seen
    .filter(({ url, status }) => {
      const { origin, pathname } = new URL(url);
      return origin !== site.origin || !pathname.startsWith(base) || status === 0 || status >= 400;
    })
    .map(({ url, status }) => `${status} ${url}`);
}

async function pageIn(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.origin}${base}${path.slice(1)}`);
  return page;
}

describe('a site published under /my-story/', () => {
  test('the host answers 404 outside /my-story/, so the test would see any escaped URL', async () => {
    expect((await fetch(`${site.origin}/`)).status).toBe(404);
    expect((await fetch(`${site.origin}/markup-showcase/`)).status).toBe(404);
    expect((await fetch(`${site.origin}${base}markup-showcase/`)).status).toBe(200);
  });

  test('a reader goes from the library to a chapter and on to the next, every request under the base', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const seen = recordRequests(context);
    const page = await pageIn(context, '/');
    await page.getByRole('link', { name: 'Start reading The Markup Showcase' }).click();
    await page.waitForURL(`${site.origin}${base}markup-showcase/arrival/`);
    await page.getByText('He counted forty-two that summer.').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(`${site.origin}${base}markup-showcase/the-letter/`);
    await page.getByRole('link', { name: 'Contents' }).first().click();
    await page.waitForURL(`${site.origin}${base}markup-showcase/`);
    await page.waitForLoadState('networkidle');
    // Pages, CSS, scripts, fonts, the favicon: all of them loaded, all of them under the base.
    expect(seen.some(({ url }) => url.endsWith('.woff2'))).toBe(true);
    expect(seen.some(({ url }) => url.endsWith('.js'))).toBe(true);
    expect(outsideOrMissing(seen)).toEqual([]);
    await context.close();
  });

  test('search finds a passage and lands on it highlighted, under the base', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const seen = recordRequests(context);
    const page = await pageIn(context, '/markup-showcase/departure/');
    await page.locator('#site-search').fill('counted trains');
    const result = page.locator('.search-popover a[data-result]').first();
    await expect.poll(() => result.isVisible()).toBe(true);
    expect(await result.getAttribute('href')).toMatch(
      // The two words stand together there: marked as that run.
      new RegExp(`^${base}markup-showcase/arrival/\\?hl=counted\\+trains#p-`),
    );
    await result.click();
    await page.waitForURL(/\/my-story\/markup-showcase\/arrival\/\?hl=.*#p-/);
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('mark.search-hit').first().textContent()).toBe('counted trains');
    expect(await page.getByRole('button', { name: 'Clear highlighting' }).isVisible()).toBe(true);
    // The search page, opened from its shared address.
    const searchPage = await pageIn(context, '/search/?q=counted+trains');
    const found = searchPage.locator('passage-search[data-mode="page"] a[data-result]');
    await expect.poll(() => found.count()).toBeGreaterThan(0);
    expect(await found.first().getAttribute('href')).toMatch(new RegExp(`^${base}`));
    await searchPage.waitForLoadState('networkidle');
    expect(seen.some(({ url }) => url.includes('/pagefind/fragment/'))).toBe(true);
    expect(outsideOrMissing(seen)).toEqual([]);
    await context.close();
  });

  test('a copied paragraph link carries the base, and opens at that paragraph', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await pageIn(context, '/markup-showcase/arrival/');
    const paragraph = page.locator('p[data-passage]', { hasText: 'He counted forty-two' });
    const id = await paragraph.getAttribute('id');
    await paragraph.hover();
    await paragraph.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${site.origin}${base}markup-showcase/arrival/#${id}`);
    const reader = await context.newPage();
    const response = await reader.goto(link);
    expect(response?.status()).toBe(200);
    expect(await reader.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    await context.close();
  });

  test('settings and reading progress live under the site’s own storage keys', async () => {
    const page = await openPage(browser, site, '/markup-showcase/departure/');
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.reload();
    expect(await page.locator('html').getAttribute('data-reader-theme')).toBe('sepia');
    await page.goto(`${site.origin}${base}`);
    // Departure, the last chapter of a complete work, fits on the screen: its end was in view,
    // so the progress read back from the base path's key says the work was read.
    const resume = page.locator('[data-work="markup-showcase"] [data-up-to-date]').first();
    await expect.poll(() => resume.textContent()).toBe('You have read the whole work.');
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    expect(keys).toEqual([`${base}reader-settings`, `${base}reading-progress:markup-showcase`]);
    await page.close();
  });

  test('the not-found page leads back into the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.origin}${base}no-such-chapter/`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'Go to the library' }).click();
    await page.waitForURL(`${site.origin}${base}`);
    await context.close();
  });
});
