import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { codePointsOf } from '../support/fonts.ts';
import { loadPages } from '../support/html.ts';
import { distOf, root } from '../support/sites.ts';

/** The @fontsource file a built font was made from (`literata-latin-400-normal.XXXX.woff2`). */
function originalOf(builtName: string): Buffer {
  const base = builtName.replace(/\.[\w-]{8}\.woff2$/, '.woff2');
  const family = base.replace(/-latin-.*$/, '');
  return readFileSync(path.join(root, 'node_modules/@fontsource', family, 'files', base));
}

describe('web fonts of the library site', () => {
  const dist = distOf('library');
  const assets = path.join(dist, '_astro');
  const fonts = readdirSync(assets).filter((file) => file.endsWith('.woff2'));
  const shown = new Set<number>();
  const texts = loadPages(dist).flatMap((page) => [
    page.document.title,
    page.document.body?.textContent ?? '',
  ]);
  // Scripts write text of their own: search results, "No passages match “…”". The search's
  // stop-word lists are words it matches, never shows.
  for (const script of readdirSync(assets).filter(
    (file) => file.endsWith('.js') && !file.startsWith('stopwords_'),
  ))
    texts.push(readFileSync(path.join(assets, script), 'utf8'));
  for (const text of texts) for (const c of text) shown.add(c.codePointAt(0)!);

  test('every stylesheet names fonts that exist', () => {
    for (const css of readdirSync(assets).filter((file) => file.endsWith('.css'))) {
      const urls = [...readFileSync(path.join(assets, css), 'utf8').matchAll(/url\(([^)]+)\)/g)];
      expect(urls.length).toBeGreaterThan(0);
      for (const [, url] of urls) expect(readdirSync(assets)).toContain(path.basename(url!));
    }
  });

  test('each font keeps every character the pages show, and little else', async () => {
    expect(fonts.length).toBeGreaterThanOrEqual(10);
    // Characters of the Holmes stories beyond ASCII, which a subset must not lose.
    for (const c of '“”‘’—£éèâà½') expect(shown).toContain(c.codePointAt(0));
    for (const font of fonts) {
      const built = await codePointsOf(readFileSync(path.join(assets, font)));
      const original = await codePointsOf(originalOf(font));
      const lost = [...original].filter((p) => shown.has(p) && !built.has(p));
      expect(
        lost.map((p) => String.fromCodePoint(p)),
        font,
      ).toEqual([]);
      const unused = [...built].filter((p) => !shown.has(p) && (p < 0x20 || p > 0x7e));
      expect(
        unused.map((p) => String.fromCodePoint(p)),
        font,
      ).toEqual([]);
      expect(built.size, font).toBeLessThan(original.size * 0.75);
    }
  });

  test('the fonts weigh a third less than the Latin subsets they are cut from', () => {
    const sizes = fonts.map((font) => ({
      built: readFileSync(path.join(assets, font)).length,
      original: originalOf(font).length,
    }));
    const built = sizes.reduce((sum, s) => sum + s.built, 0);
    const original = sizes.reduce((sum, s) => sum + s.original, 0);
    expect(built).toBeLessThan(original * 0.67);
  });
});
