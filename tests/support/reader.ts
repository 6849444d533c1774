// What the reading-room browser tests share: the library fixture's pages they open, and waits
// for the reader's own controls and scrolling.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The library fixture's markup showcase chapter, and a Holmes chapter with many passages. */
export const arrival = '/markup-showcase/arrival/';
export const holmes = '/the-adventures-of-sherlock-holmes/';
export const bohemia2 = `${holmes}a-scandal-in-bohemia-2/`;

/** Opens the reading settings and waits until they show. */
export async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Reading settings' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: 'Reading settings' }).isVisible())
    .toBe(true);
}

/** The element has come to rest in the top of the screen (a smooth scroll, if any, has ended). */
export async function expectAtTop(element: ReturnType<Page['locator']>) {
  let last: number | undefined;
  await expect
    .poll(async () => {
      const y = (await element.boundingBox())?.y;
      const resting = y !== undefined && y === last;
      last = y;
      // Passages stop 1.5rem below the top (scroll-margin).
      return resting && y >= 0 && y < 60;
    })
    .toBe(true);
}
