import { createHash } from 'node:crypto';
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { cached, cacheKey } from '../lib/build-cache/index.ts';

/**
 * Cuts the site's web fonts down to the characters its pages use, once the pages are built
 * (a story in English needs about a hundred of the Latin subsets' 230 glyphs). A subset font
 * gets a new hashed name, and so does each stylesheet naming it, and the pages are pointed at
 * the renamed stylesheets: assets are cached as immutable, so a font that gains a character
 * when a new chapter brings one must have a new URL.
 */
export function fontSubsets(): AstroIntegration {
  return {
    name: 'fiction-reader:font-subsets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const assets = path.join(site, '_astro');
        const files = await readdir(site, { recursive: true });
        const pages = files.filter((file) => file.endsWith('.html'));
        // Scripts write messages of their own ("No passages match “…”"). Files are read one at
        // a time, as bytes: at L the pages are 300 MB, which held at once (as they were) or
        // turned into strings made this step the build's peak of memory.
        const used = new Set<string>();
        for (const file of [
          ...pages,
          // Not the search's stop-word lists: words matched, never shown.
          ...files.filter(
            (file) =>
              file.startsWith('_astro') &&
              file.endsWith('.js') &&
              !path.basename(file).startsWith('stopwords_'),
          ),
        ])
          addCharacters(used, await readFile(path.join(site, file)));
        const characters = usedCharacters(used);

        const renamed = new Map<string, string>();
        let before = 0;
        let after = 0;
        for (const font of (await readdir(assets)).filter((f) => /\.woff2?$/.test(f))) {
          const original = await readFile(path.join(assets, font));
          const format = font.endsWith('.woff2') ? 'woff2' : 'woff';
          // A rebuild whose pages use the same characters reuses last build's subsets.
          const subset = Buffer.from(
            await cached(
              'fonts',
              () => cacheKey('fonts', [original, characters, format]),
              () => subsetFont(original, characters, { targetFormat: format }),
            ),
          );
          before += original.length;
          after += subset.length;
          renamed.set(font, await replaceAsset(assets, font, subset));
        }
        for (const css of (await readdir(assets)).filter((f) => f.endsWith('.css'))) {
          const source = await readFile(path.join(assets, css), 'utf8');
          const updated = replaceNames(source, renamed);
          if (updated !== source) renamed.set(css, await replaceAsset(assets, css, updated));
        }
        for (const page of pages) {
          // Latin-1 maps each byte to one character and back: the ASCII names are replaced and
          // every other byte is kept, in a string half the size of the page decoded as UTF-8.
          const file = path.join(site, page);
          const html = (await readFile(file)).toString('latin1');
          const updated = replaceNames(html, renamed);
          if (updated !== html) await writeFile(file, updated, 'latin1');
        }
        logger.info(
          `web fonts subset to ${[...characters].length} characters: ${kb(before)} → ${kb(after)}`,
        );
      },
    },
  };
}

/**
 * Adds the characters beyond ASCII that a file's UTF-8 holds, decoding only those: a run of bytes
 * from 0x80 up is whole characters (ASCII bytes never continue one).
 */
export function addCharacters(characters: Set<string>, bytes: Uint8Array): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < buffer.length; i++) {
    if (buffer[i]! < 0x80) continue;
    let end = i + 1;
    while (end < buffer.length && buffer[end]! >= 0x80) end++;
    for (const c of buffer.toString('utf8', i, end)) characters.add(c);
    i = end;
  }
}

/**
 * The characters to keep: those found, with printable ASCII always (markup is a superset of
 * what is shown, which costs a few glyphs and never misses one), sorted.
 */
function usedCharacters(found: Set<string>): string {
  const characters = new Set(found);
  for (let code = 0x20; code < 0x7f; code++) characters.add(String.fromCharCode(code));
  return [...characters].sort().join('');
}

/** Writes `content` as the asset `name` under a name hashed from the new content. */
async function replaceAsset(dir: string, name: string, content: string | Buffer): Promise<string> {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  const renamed = name.replace(/\.[\w-]{8}(\.\w+)$/, `.${hash}$1`);
  await writeFile(path.join(dir, renamed), content);
  if (renamed !== name) await unlink(path.join(dir, name));
  return renamed;
}

function replaceNames(text: string, renamed: Map<string, string>): string {
  const names = [...renamed.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (names.length === 0) return text;
  return text.replace(
    new RegExp(`/_astro/(${names.join('|')})`, 'g'),
    (_match, name: string) => `/_astro/${renamed.get(name)}`,
  );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
