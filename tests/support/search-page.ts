// The search page as the browser tests read it: its results and its announced outcome.
import type { Page } from 'playwright-core';

export const results = (page: Page) =>
  page.locator('passage-search[data-mode="page"] a[data-result]');
export const status = (page: Page) =>
  page.locator('passage-search[data-mode="page"] [data-status]');

/** Waits until the search page has announced its outcome, and returns the announcement. */
export async function outcome(page: Page): Promise<string> {
  await page.waitForFunction(
    () => document.querySelector('passage-search[data-mode="page"] [data-status]')?.textContent,
  );
  return (await status(page).textContent()) ?? '';
}
