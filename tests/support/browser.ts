import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from '../../src/lib/bench/serve-static.ts';

export { launchChromium as launchBrowser } from '../../src/lib/bench/browser.ts';
export { serveStatic as serveSite, type StaticSite } from '../../src/lib/bench/serve-static.ts';

/** Opens a page in a fresh context (a phone-sized window by default); closing the page closes both. */
export async function openPage(
  browser: Browser,
  site: StaticSite,
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await page.goto(`${site.origin}${path}`);
  return page;
}
