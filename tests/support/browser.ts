import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { withBase } from '../../src/lib/base.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticSite } from './serve-static.ts';
import { baseOf, distOf, type SiteName } from './sites.ts';

export { serveStatic as serveSite, type StaticSite } from './serve-static.ts';

// Contexts still closing after their page closed: the browser waits for them before it closes,
// so a context closed under a closing browser cannot fail a test file after its tests passed.
const closingContexts = new Set<Promise<void>>();

export const launchBrowser = launchChromium;

/** Closes the browser once every page's context has closed. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await Promise.all(closingContexts);
  await browser?.close();
}

/**
 * The browser tests' fixture: before a file's tests, launches Chromium and serves the built test
 * sites it names (each under its own base path, on a free port, as a static host would); after
 * them, closes all. `ready` receives them, to keep in the file's own variables:
 *
 *   let browser: Browser;
 *   let story: StaticSite;
 *   browseSites({ story: 'story' }, (served) => ({ browser, story } = served));
 */
export function browseSites<const Name extends string>(
  sites: Record<Name, SiteName>,
  ready: (served: { browser: Browser } & Record<Name, StaticSite>) => void,
): void {
  let browser: Browser | undefined;
  const served: StaticSite[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    const named: Record<string, StaticSite> = {};
    for (const [name, site] of Object.entries(sites) as [Name, SiteName][]) {
      named[name] = await serveStatic(distOf(site), 0, baseOf(site));
      served.push(named[name]);
    }
    ready({ browser, ...(named as Record<Name, StaticSite>) });
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await Promise.all(served.map((site) => site.close()));
  });
}

/**
 * Opens a page (a path on the site, under its base) in a fresh context (a phone-sized window by
 * default); closing the page closes both.
 */
export async function openPage(
  browser: Browser,
  site: StaticSite,
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  page.on('close', () => {
    const closing = context.close();
    closingContexts.add(closing);
    const settled = () => closingContexts.delete(closing);
    closing.then(settled, settled);
  });
  await page.goto(`${site.origin}${withBase(path, site.base)}`);
  return page;
}

/** The reading progress this page's browser keeps for a work (src/lib/reader/progress.ts). */
export function savedProgress(
  page: Page,
  work: string,
): Promise<{ last?: { passage?: string; chapter?: string }; read?: string[] }> {
  return page.evaluate((suffix) => {
    const key = Object.keys(localStorage).find((name) => name.endsWith(suffix));
    return JSON.parse((key && localStorage.getItem(key)) || '{}');
  }, `reading-progress:${work}`);
}

/**
 * Presses `key` and proves nothing navigated: it first waits for the sign that the key was
 * handled (the key's `keyup` reached the window, after every `keydown` listener ran), and the
 * Navigation API's `navigate` event, fired the moment a page starts to leave, never came.
 */
export async function pressWithoutNavigating(page: Page, key: string): Promise<boolean> {
  await page.evaluate(() => {
    const state = { navigated: false, keyups: 0 };
    (window as unknown as { keyState: typeof state }).keyState = state;
    (window as unknown as { navigation: EventTarget }).navigation.addEventListener(
      'navigate',
      () => (state.navigated = true),
    );
    addEventListener('keyup', () => (state.keyups += 1), true);
  });
  await page.keyboard.press(key);
  await page.waitForFunction(
    () => (window as unknown as { keyState: { keyups: number } }).keyState.keyups > 0,
  );
  return page.evaluate(
    () => (window as unknown as { keyState: { navigated: boolean } }).keyState.navigated,
  );
}
