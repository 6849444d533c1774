import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  browseSites,
  openPage,
  type StaticSite,
  pressWithoutNavigating,
} from '../support/browser.ts';
import { arrival, bohemia2, expectAtTop, holmes, openSettings } from '../support/reader.ts';

let browser: Browser;
let library: StaticSite;

browseSites({ library: 'library' }, (served) => ({ browser, library } = served));

/**
 * Records, in every page of the context, the state of the page before it is first painted: the
 * attributes on <html> when <body> is created (nothing of the body exists yet, so nothing of it
 * can have been painted), and the reading column's style and the notes' folding in the first
 * frame that shows them.
 */
async function recordFirstPaint(context: BrowserContext) {
  await context.addInitScript(() => {
    const record: Record<string, unknown> = {};
    (window as unknown as { firstPaint: Record<string, unknown> }).firstPaint = record;
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      record.attributes = Object.fromEntries(
        [...document.documentElement.attributes].map((a) => [a.name, a.value]),
      );
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    // Every frame until the page has loaded: what each element looked like in the first frame
    // that contained it (a frame's callbacks run just before that frame is painted).
    const notes = new Map<string, boolean>();
    const frame = () => {
      const reading = document.querySelector('.reading');
      if (reading && record.fontFamily === undefined) {
        const style = getComputedStyle(reading);
        record.background = getComputedStyle(document.documentElement).backgroundColor;
        record.fontFamily = style.fontFamily;
        record.fontSize = style.fontSize;
        record.lineHeight = style.lineHeight;
        record.maxWidth = style.maxWidth;
      }
      for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-notes]'))
        if (!notes.has(details.dataset.notes!)) notes.set(details.dataset.notes!, details.open);
      record.notesOpen = [...notes].map(([kind, open]) => `${kind}:${open}`);
      if (document.readyState !== 'complete') requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const firstPaint = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstPaint: Record<string, unknown> }).firstPaint);

const readingStyle = (page: Page) =>
  page
    .locator('.reading')
    .first()
    .evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        fontFamily: style.fontFamily,
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        maxWidth: style.maxWidth,
        background: getComputedStyle(document.documentElement).backgroundColor,
      };
    });

describe('reader settings', () => {
  // Each setting, one of its non-default choices, and what that choice must change.
  const cases = [
    ['Theme', 'Sepia', 'data-reader-theme', 'sepia', 'background'],
    ['Theme', 'Dark', 'data-reader-theme', 'dark', 'background'],
    ['Typeface', 'Atkinson Hyperlegible', 'data-reader-font', 'hyperlegible', 'fontFamily'],
    ['Typeface', 'Source Sans', 'data-reader-font', 'sans', 'fontFamily'],
    ['Text size', 'Larger', 'data-reader-size', 'xl', 'fontSize'],
    ['Line spacing', 'Loose', 'data-reader-spacing', 'loose', 'lineHeight'],
    ['Column width', 'Wide', 'data-reader-width', 'wide', 'maxWidth'],
  ] as const;

  test.each(cases)(
    '%s: choosing %s applies at once, persists across a reload, and is in place before the first paint',
    async (group, choice, attribute, value, property) => {
      const page = await openPage(browser, library, arrival, {
        viewport: { width: 1280, height: 900 },
        colorScheme: 'light',
      });
      await recordFirstPaint(page.context());
      const before = await readingStyle(page);
      await openSettings(page);
      await page.getByRole('group', { name: group }).getByRole('radio', { name: choice }).check();
      const after = await readingStyle(page);
      expect(after[property]).not.toBe(before[property]);
      expect(await page.evaluate((a) => document.documentElement.getAttribute(a), attribute)).toBe(
        value,
      );

      await page.reload();
      const painted = await firstPaint(page);
      expect((painted.attributes as Record<string, string>)[attribute]).toBe(value);
      expect(painted[property]).toBe(after[property]);
      // Shared by every page: the work's contents get it too, before their first paint.
      await page.goto(`${library.origin}/markup-showcase/`);
      expect(((await firstPaint(page)).attributes as Record<string, string>)[attribute]).toBe(
        value,
      );
      await page.close();
    },
  );

  test('justified text is hyphenated, ragged text is not', async () => {
    const page = await openPage(browser, library, bohemia2);
    const paragraph = page.locator('.story-text p').nth(3);
    const style = () =>
      paragraph.evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.textAlign} ${s.hyphens}`;
      });
    expect(await style()).toBe('start manual');
    await openSettings(page);
    await page.getByRole('radio', { name: 'Justified' }).check();
    expect(await style()).toBe('justify auto');
    await page.close();
  });

  test('the choice of theme also recolours the browser bar, and Reset brings back the system defaults', async () => {
    const page = await openPage(browser, library, arrival, { colorScheme: 'dark' });
    const systemDark = await readingStyle(page);
    await openSettings(page);
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.getByRole('radio', { name: 'Largest' }).check();
    const themeColors = await page
      .locator('meta[name="theme-color"]')
      .evaluateAll((metas) => metas.map((m) => (m as HTMLMetaElement).content));
    expect(themeColors).toEqual(['rgb(244, 236, 216)', 'rgb(244, 236, 216)']);

    await page.getByRole('button', { name: 'Reset settings' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Settings reset.' }).count()).toBe(1);
    expect(await readingStyle(page)).toEqual(systemDark);
    expect(await page.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    expect(
      await page
        .getByRole('group', { name: 'Text size' })
        .getByRole('radio', { name: 'Medium' })
        .isChecked(),
    ).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('reader-settings'))).toBeNull();
    await page.reload();
    expect(await readingStyle(page)).toEqual(systemDark);
    await page.close();
  });

  test('the panel is keyboard-operable: open, choose with arrow keys, close with Escape, focus returns', async () => {
    const page = await openPage(browser, library, arrival);
    const button = page.getByRole('button', { name: 'Reading settings' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reader-settings').isVisible()).toBe(true);
    // Tab moves into the panel (it follows its button in focus order).
    await page.keyboard.press('Tab'); // Close
    await page.keyboard.press('Tab'); // the Theme group
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'system',
    );
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.documentElement.dataset.readerTheme)).toBe('light');
    // Arrow keys in the panel choose, they never turn the page.
    expect(new URL(page.url()).pathname).toBe(arrival);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#reader-settings').isVisible()).toBe(false);
    await page.close();
  });

  test('saved settings that are malformed or unknown are ignored, not applied', async () => {
    const page = await openPage(browser, library, arrival);
    await page.evaluate(() =>
      localStorage.setItem(
        'reader-settings',
        JSON.stringify({ theme: 'neon', size: 'l', 'font"><x': 'sans', spacing: 3 }),
      ),
    );
    await page.reload();
    const attributes = await page.evaluate(() =>
      [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
    );
    // "neon" is no theme and the rest are no settings: only the size is applied.
    expect(attributes.filter((a) => a.startsWith('data-reader-'))).toEqual(['data-reader-size=l']);
    await openSettings(page);
    expect(await page.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Large', exact: true }).isChecked()).toBe(true);
    await page.evaluate(() => localStorage.setItem('reader-settings', '{not json'));
    await page.reload();
    expect(await page.getByText('Ada stepped off the train').isVisible()).toBe(true);
    await page.close();
  });

  test('without JavaScript the settings control is absent and the system theme applies', async () => {
    const page = await openPage(browser, library, arrival, {
      javaScriptEnabled: false,
      colorScheme: 'dark',
    });
    expect(await page.getByRole('button', { name: 'Reading settings' }).count()).toBe(0);
    expect((await readingStyle(page)).background).toBe('rgb(23, 21, 18)');
    expect(await page.getByText('Ada stepped off the train').isVisible()).toBe(true);
    await page.close();
  });
});

describe('notes out of the way', () => {
  test('a folded kind of note stays folded on every chapter, from before the first paint', async () => {
    const page = await openPage(browser, library, arrival);
    await recordFirstPaint(page.context());
    const notes = page.locator('details[data-notes="notes"]');
    expect(await notes.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await notes.locator('summary').click();
    expect(await page.getByText('A note before the chapter.').isVisible()).toBe(false);
    // `toggle` is dispatched in a later task: reload once it has been saved, as a reader would.
    const folded = () => page.evaluate(() => localStorage.getItem('folded-notes'));
    await expect.poll(folded).toBe('notes');
    await page.reload();
    expect((await firstPaint(page)).notesOpen).toEqual([
      'summary:true',
      'notes:false',
      'end-notes:true',
    ]);
    expect(await page.getByText('A note before the chapter.').isVisible()).toBe(false);
    // The summary was left open, and the folded notes open again with one click.
    expect(await page.getByText('Ada arrives at the station.').isVisible()).toBe(true);
    await notes.locator('summary').click();
    await expect.poll(folded).toBe('');
    await page.reload();
    expect((await firstPaint(page)).notesOpen).toEqual([
      'summary:true',
      'notes:true',
      'end-notes:true',
    ]);
    await page.close();
  });

  test('"Skip to the story" jumps past the summary and notes to the first words', async () => {
    const page = await openPage(browser, library, arrival);
    await page.getByRole('link', { name: 'Skip to the story' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#story-text');
    await expectAtTop(page.getByText('Ada stepped off the train'));
    await page.close();
  });
});

describe('keyboard', () => {
  test('→ and ← turn to the next and previous chapter', async () => {
    const page = await openPage(browser, library, bohemia2);
    const title = () => page.getByRole('heading', { level: 1 }).textContent();
    // Each key once the page (and its scripts) has loaded.
    const press = async (key: string) => {
      await page.waitForLoadState('load');
      await page.keyboard.press(key);
    };
    await press('ArrowRight');
    await expect.poll(title).toBe('A Scandal in Bohemia — Chapter III');
    await press('ArrowLeft');
    await expect.poll(title).toBe('A Scandal in Bohemia — Chapter II');
    await press('ArrowLeft');
    await expect.poll(title).toBe('A Scandal in Bohemia — Chapter I');
    // The first chapter has no previous one: ← does nothing.
    await page.waitForLoadState('load');
    expect(await pressWithoutNavigating(page, 'ArrowLeft')).toBe(false);
    expect(new URL(page.url()).pathname).toBe(`${holmes}a-scandal-in-bohemia-1/`);
    await page.close();
  });

  test('no key is taken while the reader types in a field, or with a modifier', async () => {
    const page = await openPage(browser, library, bohemia2);
    const field = page.getByRole('searchbox', { name: 'Search the story' });
    await field.fill('watson');
    await field.press('ArrowLeft');
    await field.press('ArrowRight');
    await field.press('Shift+?');
    expect(await pressWithoutNavigating(page, 'Alt+ArrowRight')).toBe(false);
    expect(new URL(page.url()).pathname).toBe(bohemia2);
    expect(await field.inputValue()).toBe('watson?');
    expect(await page.locator('#keyboard-shortcuts').isVisible()).toBe(false);
    await page.close();
  });

  test('? lists the shortcuts in a dialog that Escape closes', async () => {
    const page = await openPage(browser, library, bohemia2);
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('dt').allTextContents()).toEqual([
      '←',
      '→',
      '/',
      '↑ ↓',
      '?',
      'Esc',
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The footer's button opens it too, for readers who do not know the key.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.close();
  });

  test('every control on a chapter page is reachable by Tab and shows a visible focus ring', async () => {
    const page = await openPage(browser, library, arrival, {
      viewport: { width: 1280, height: 900 },
    });
    const seen = new Set<string>();
    const unringed: string[] = [];
    for (let step = 0; step < 60; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        const label =
          el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        const ringed =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
          // Radio chips draw the ring on their label.
          (el.parentElement !== null && getComputedStyle(el.parentElement).outlineStyle !== 'none');
        return { label, ringed };
      });
      if (!focused) continue;
      seen.add(focused.label);
      if (!focused.ringed) unringed.push(focused.label);
    }
    expect(unringed).toEqual([]);
    for (const control of [
      'Skip to content',
      'Reading settings',
      'Skip to the story',
      'Keyboard shortcuts',
    ])
      expect(seen).toContain(control);
    await page.close();
  });
});

describe('typography, motion and print', () => {
  test('no indent after a scene break or a flashback label; pretty wrapping; the scene ornament', async () => {
    const page = await openPage(browser, library, arrival);
    const indent = (text: string) =>
      page.getByText(text).evaluate((el) => getComputedStyle(el).textIndent);
    expect(await indent('Ben waited by the gate. He wrote the time down')).toBe('0px');
    expect(await indent('The station was new then')).toBe('0px');
    expect(await indent('He counted forty-two that summer.')).not.toBe('0px');
    expect(
      await page
        .getByText('He counted forty-two that summer.')
        .evaluate((el) => getComputedStyle(el).textWrap),
    ).toContain('pretty');
    expect(
      await page
        .locator('hr[data-scene-break]')
        .first()
        .evaluate((el) => getComputedStyle(el, '::after').content),
    ).toBe('"⁂"');
    await page.close();
  });

  test('motion is only used when the reader has not asked to reduce it', async () => {
    for (const [reducedMotion, expected] of [
      ['reduce', 'auto'],
      ['no-preference', 'smooth'],
    ] as const) {
      const page = await openPage(browser, library, arrival, { reducedMotion });
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior),
      ).toBe(expected);
      await page.close();
    }
  });

  test('print: the story alone, black on white even in the dark theme, flashbacks distinct', async () => {
    const page = await openPage(browser, library, arrival, { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['body > header', 'body > footer', 'nav[aria-label="Chapters"]'])
      expect(await page.locator(chrome).isVisible()).toBe(false);
    const text = await page
      .getByText('Ada stepped off the train')
      .evaluate((el) => getComputedStyle(el).color);
    expect(text).toBe('rgb(0, 0, 0)');
    const flashback = await page
      .locator('section[data-flashback]')
      .evaluate((el) => getComputedStyle(el).borderLeftStyle);
    expect(flashback).toBe('solid');
    expect(await page.getByText('Flashback: Ten years earlier').isVisible()).toBe(true);
    expect(await page.locator('hr[data-scene-break]').first().isVisible()).toBe(true);
    await page.close();
  });

  test('print: in the entire-work view every chapter starts on a new page', async () => {
    const page = await openPage(browser, library, '/markup-showcase/all/');
    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('.entire-chapter')
      .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(['page', 'page', 'page']);
    // And the PDF really has a page per chapter at least.
    const pdf = await page.pdf({ format: 'A5' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
