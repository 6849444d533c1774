import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite } from '../support/browser.ts';
import { distOf } from '../support/sites.ts';

let browser: Browser;
let story: StaticSite;

browseSites({ story: 'story' }, (served) => ({ browser, story } = served));

test('the EPUB link on the work page downloads the book, named for the work', async () => {
  const page = await openPage(browser, story, '/entwined-destinies/');
  const link = page.getByRole('link', { name: /^EPUB, \d+ KB/ });
  await link.scrollIntoViewIfNeeded();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('entwined-destinies.epub');
  const saved = readFileSync((await download.path())!);
  const built = readFileSync(
    path.join(distOf('story'), 'entwined-destinies/entwined-destinies.epub'),
  );
  expect(Buffer.compare(saved, built)).toBe(0);
  const response = await page.request.get(
    `${story.origin}/entwined-destinies/entwined-destinies.epub`,
  );
  expect(response.headers()['content-type']).toBe('application/epub+zip');
  await page.close();
});
