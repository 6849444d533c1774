import type { Browser, Page } from 'playwright-core';
import { withBase } from '../../src/lib/base.ts';
import { launchChromium } from './chromium.ts';
import type { StaticSite } from './serve-static.ts';

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
