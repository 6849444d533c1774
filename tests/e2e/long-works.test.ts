import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browseSites, openPage, type StaticSite, savedProgress } from '../support/browser.ts';

// Long works on a phone: a work of many chapters, and a 365-chapter novel in books and parts,
// read at 320 px.
let browser: Browser;
let library: StaticSite;
let novel: StaticSite;

browseSites(
  { library: 'library', novel: 'longNovel' },
  (served) => ({ browser, library, novel } = served),
);

describe('long works on a phone (320 px)', () => {
  const phone = { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true };

  test('"Start reading" and "Continue reading" come before the contents', async () => {
    const page = await openPage(browser, library, '/the-adventures-of-sherlock-holmes/', phone);
    const start = page.getByRole('link', { name: 'Start reading' });
    const contents = page.getByRole('heading', { name: 'Contents' });
    expect((await start.boundingBox())!.y).toBeLessThan((await contents.boundingBox())!.y);
    // Within the first screen, above the fold.
    expect((await start.boundingBox())!.y + 44).toBeLessThan(640);
    await page.close();
  });

  test('the entire work has its own contents, each chapter a tap away', async () => {
    const page = await openPage(browser, library, '/the-adventures-of-sherlock-holmes/all/', phone);
    const contents = page.getByRole('navigation', { name: 'Chapters' });
    const links = contents.getByRole('link');
    const headings = page.locator('.entire-chapter h2');
    expect(await links.count()).toBe(await headings.count());
    expect(await links.count()).toBeGreaterThan(5);
    const last = links.last();
    const title = (await last.textContent())!.trim();
    await last.click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toMatch(/^#chapter-/);
    const target = page.locator('.entire-chapter h2').last();
    expect((await target.textContent())!.trim()).toContain(title);
    // In-page moves glide (src/scripts/landing.ts): wait for the heading to arrive at the top.
    const onScreen = async () => {
      const { y } = (await target.boundingBox())!;
      return y >= 0 && y < 640;
    };
    await expect.poll(onScreen, { timeout: 10_000 }).toBe(true);
    // Nothing sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.close();
  });
});

describe('a 365-chapter novel in books and parts, on a 320 px phone', () => {
  const phone = { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true };
  const noSideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);
  const arrivesAtTop = async (target: Locator) => {
    await expect
      .poll(async () => {
        const box = await target.boundingBox();
        return box !== null && box.y >= 0 && box.y < 120;
      })
      .toBe(true);
  };

  test('the contents: a jump list to each part, each part folds away', async () => {
    const page = await openPage(browser, novel, '/work-1/', phone);
    const jump = page.getByRole('navigation', { name: 'Parts' });
    expect(await jump.getByRole('link').count()).toBe(12);
    await jump.getByRole('link', { name: /^Book III — Part II:/ }).tap();
    const part = page.locator('details.contents-part', {
      has: page.getByRole('heading', { name: /^Book III — Part II:/ }),
    });
    await arrivesAtTop(part.locator('summary'));
    const firstChapter = part.locator('[data-chapter-slug]').first();
    expect(await firstChapter.isVisible()).toBe(true);
    // Folding the part: its chapters go, the next part's heading comes up to the reader.
    const next = page.getByRole('heading', { name: /^Book III — Part III:/ });
    const before = (await next.boundingBox())!.y;
    await part.locator('summary').tap();
    await expect.poll(() => firstChapter.isVisible()).toBe(false);
    expect((await next.boundingBox())!.y).toBeLessThan(before - 1_000);
    // The part's heading is a tap target a thumb can hit.
    expect((await part.locator('summary').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await noSideways(page)).toBe(true);
    await page.close();
  });

  test('a returning reader continues from the first screen, not after 365 rows', async () => {
    const page = await openPage(browser, novel, '/work-1/chapter-200/', phone);
    await page.mouse.wheel(0, 400);
    await expect.poll(async () => (await savedProgress(page, 'work-1')).last?.passage).toBeTruthy();
    await page.goto(`${novel.origin}/work-1/`);
    const resume = page.getByRole('link', { name: /^Continue reading — Chapter 200/ });
    await expect.poll(() => resume.isVisible()).toBe(true);
    const box = (await resume.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    expect(await resume.getAttribute('href')).toMatch(/^\/work-1\/chapter-200\//);
    // The chapter's own header says which part it is in, one tap from that part's contents.
    await page.goto(`${novel.origin}/work-1/chapter-200/`);
    await page.getByRole('link', { name: /^Book III — Part I:/ }).tap();
    await page.waitForURL('**/work-1/#part-book-iii-part-i-*');
    await arrivesAtTop(page.locator('details.contents-part:target summary'));
    await page.close();
  });

  test('the entire work: its contents a dozen folded parts, each chapter two taps away', async () => {
    const page = await openPage(browser, novel, '/work-1/all/', phone);
    const contents = page.getByRole('navigation', { name: 'Chapters' });
    const box = (await contents.boundingBox())!;
    // Twelve rows, not 365: under two screens.
    expect(box.height).toBeLessThan(2 * 640);
    await contents.locator('summary', { hasText: /^Book II — Part I:/ }).tap();
    await contents.getByRole('link', { name: 'Chapter 100', exact: true }).tap();
    await page.waitForURL('**#chapter-chapter-100');
    await arrivesAtTop(page.locator('#chapter-chapter-100-title'));
    // The part it belongs to titles the stretch of text it opens.
    const partTitle = page.locator('section.entire-part', {
      has: page.locator('#chapter-chapter-100'),
    });
    expect((await partTitle.locator(':scope > h2').textContent())!.trim()).toMatch(
      /^Book II — Part I:/,
    );
    expect(await noSideways(page)).toBe(true);
    await page.close();
  });

  test.each(['light', 'dark', 'sepia'] as const)(
    'the contents in parts and a chapter of a part have no axe violations (%s)',
    async (theme) => {
      for (const url of ['/work-1/', '/work-1/chapter-200/']) {
        const page = await openPage(browser, novel, url, {
          ...phone,
          colorScheme: theme === 'dark' ? 'dark' : 'light',
        });
        if (theme === 'sepia') {
          await page.evaluate(() => localStorage.setItem('reader-settings', '{"theme":"sepia"}'));
          await page.reload();
        }
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        expect(results.passes.length).toBeGreaterThan(20);
        expect(
          results.violations.map(
            (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
          url,
        ).toEqual([]);
        await page.close();
      }
    },
  );
});
