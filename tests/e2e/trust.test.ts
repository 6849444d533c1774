import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, type StaticSite } from '../support/browser.ts';

let browser: Browser;
let library: StaticSite;

browseSites({ library: 'library' }, (served) => ({ browser, library } = served));

describe('the Content-Security-Policy', () => {
  test('every page carries a policy whose scripts need no unsafe-inline', async () => {
    const page = await browser.newPage();
    for (const path of [
      '/',
      '/markup-showcase/',
      '/markup-showcase/arrival/',
      '/markup-showcase/all/',
      '/search/',
      '/404.html',
    ]) {
      await page.goto(`${library.origin}${path}`);
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute('content');
      expect(policy, path).toMatch(/script-src [^;]*'self'/);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy, path).toMatch(/default-src 'self'/);
    }
    await page.close();
  });

  test('reading, searching and landing on a highlighted passage break no rule of it and reach no other origin', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const foreign: string[] = [];
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(library.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
        foreign.push(url);
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const violations = async () =>
      page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    for (const path of ['/', '/markup-showcase/', '/markup-showcase/arrival/']) {
      await page.goto(`${library.origin}${path}`, { waitUntil: 'networkidle' });
      expect(await violations(), path).toEqual([]);
    }
    await page.goto(`${library.origin}/search/?q=Holmes`);
    await expect.poll(() => page.locator('a[data-result]').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.locator('a[data-result]').first().click();
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
