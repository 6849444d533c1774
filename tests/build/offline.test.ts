import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { pictureSource } from '../../src/lib/offline/caches.ts';
import type { WorkManifest } from '../../src/lib/offline/work-files.ts';
import { loadPages } from '../support/html.ts';
import { baseOf, distOf, type SiteName } from '../support/sites.ts';

// What the offline build step wrote, checked against the built files themselves: the worker and
// its app shell, the app manifest and icons, and each work's list of what "Save for offline"
// keeps. The browser tests (tests/e2e/offline.test.ts) use them with the network cut.

const precacheBudget = 300 * 1024;

/** The worker's configuration, as bundled into sw.js. */
function workerConfig(dist: string): { build: string; base: string; shell: string[] } {
  const script = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const build = /build:"([0-9a-f]{12})"/.exec(script)?.[1];
  const base = /base:"([^"]+)"/.exec(script)?.[1];
  const shell = JSON.parse(/shell:(\[[^\]]*\])/.exec(script)?.[1] ?? '[]') as string[];
  return { build: build!, base: base!, shell };
}

function manifests(dist: string): WorkManifest[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return [
          JSON.parse(
            readFileSync(path.join(dist, entry.name, 'offline.json'), 'utf8'),
          ) as WorkManifest,
        ];
      } catch {
        return [];
      }
    });
}

describe.each(['library', 'libraryUnderBase'] as SiteName[])('%s', (name) => {
  const dist = distOf(name);
  const base = baseOf(name);
  const worker = workerConfig(dist);
  const pages = loadPages(dist);
  /** A URL path under the base → its file in dist. */
  const fileOf = (url: string) => {
    expect(url.startsWith(base), url).toBe(true);
    const relative = decodeURIComponent(url.slice(base.length).replace(/\?.*$/, ''));
    return path.join(
      dist,
      relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative,
    );
  };

  test('every page carries the build id the worker names its caches by', () => {
    expect(worker.base).toBe(base);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      expect(page.document.documentElement.getAttribute('data-build'), page.url).toBe(worker.build);
    }
  });

  test('the build id follows the built files: another build of other files has another', () => {
    // A constant would tell readers of a new build that nothing changed.
    const other = workerConfig(distOf(name === 'library' ? 'libraryUnderBase' : 'library'));
    expect(worker.build).not.toBe(other.build);
  });

  test(`the app shell exists, and is precached in at most ${precacheBudget / 1024} KB`, () => {
    const bytes = worker.shell.map((url) => statSync(fileOf(url)).size);
    const total = bytes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(precacheBudget);
    for (const page of ['', 'search/', 'offline/', '404.html'])
      expect(worker.shell).toContain(`${base}${page}`);
    // Every stylesheet and script of the site, so any page opened later finds its own; of the
    // search's stop-word lists, only the site's language's (the library is in English).
    const assets = readdirSync(path.join(dist, '_astro')).filter((file) =>
      /\.(css|js)$/.test(file),
    );
    const lists = assets.filter((file) => file.startsWith('stopwords_'));
    expect(lists.length).toBeGreaterThan(10);
    for (const asset of assets) {
      const kept = !asset.startsWith('stopwords_') || asset.startsWith('stopwords_eng.');
      expect(worker.shell.includes(`${base}_astro/${asset}`), asset).toBe(kept);
    }
    // The fonts pages preload, not every font of the reading settings.
    const home = pages.find((page) => page.url === '/')!;
    const preloaded = [...home.document.querySelectorAll('link[rel="preload"][as="font"]')].map(
      (link) => link.getAttribute('href'),
    );
    expect(preloaded.length).toBeGreaterThan(0);
    expect(worker.shell.filter((url) => url.endsWith('.woff2')).sort()).toEqual(preloaded.sort());
  });

  test('the worker is one classic script, with no import to fetch', () => {
    const script = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    expect(script).not.toMatch(/\bimport\s*[({"'*]/);
    expect(script.length).toBeLessThan(8 * 1024);
  });

  test('every page links the app manifest and the touch icon; the manifest is the site under its base', async () => {
    for (const page of pages) {
      expect(
        page.document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
        page.url,
      ).toBe(`${base}manifest.webmanifest`);
      expect(
        page.document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'),
      ).toBe(`${base}icons/apple-touch-icon.png`);
    }
    const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ start_url: base, scope: base, id: base, name: 'Library' });
    for (const icon of [
      ...manifest.icons,
      { src: `${base}icons/apple-touch-icon.png`, sizes: '180x180' },
    ]) {
      const image = await sharp(fileOf(icon.src)).metadata();
      expect(image.format).toBe('png');
      expect(`${image.width}x${image.height}`).toBe(icon.sizes);
    }
  });

  test('each work lists exactly its pages, from the model and on disk alike', () => {
    const works = manifests(dist);
    expect(works.map((work) => work.work).sort()).toEqual([
      'fiction-markup',
      'markup-showcase',
      'showcase-sequel',
      'the-adventures-of-sherlock-holmes',
    ]);
    for (const work of works) {
      const onDisk = pages
        .filter((page) => page.url.startsWith(`/${work.work}/`))
        .map((page) => `${base}${page.url.slice(1)}`)
        .sort();
      expect(work.pages.slice().sort()).toEqual(onDisk);
      expect(work.build).toBe(worker.build);
    }
  });

  test('each work keeps every file its pages load, with its size, and its search data', () => {
    for (const work of manifests(dist)) {
      const kept = new Set(work.files.map((file) => file.url));
      for (const file of [...work.files, ...work.search]) {
        expect(statSync(fileOf(file.url)).size, file.url).toBe(file.bytes);
      }
      expect(work.bytes).toBe(
        [...work.files, ...work.search].reduce((sum, file) => sum + file.bytes, 0),
      );
      // Pagefind's entry under the URL it asks for with this build's metaCacheTag.
      expect(work.search.map((file) => file.url)).toContain(
        `${base}pagefind/pagefind-entry.json?ts=${worker.build}`,
      );
      expect(work.search.map((file) => file.url)).toContain(
        `${base}pagefind/pagefind-highlight.js`,
      );
      for (const url of work.pages) {
        const page = pages.find((candidate) => `${base}${candidate.url.slice(1)}` === url)!;
        const document = page.document;
        for (const link of document.querySelectorAll('link[rel="stylesheet"], script[src]')) {
          const href = link.getAttribute('href') ?? link.getAttribute('src')!;
          expect(kept.has(href), `${url}: ${href}`).toBe(true);
        }
        // Every picture has one of its sizes kept.
        for (const picture of document.querySelectorAll('main img')) {
          const named = [
            picture.getAttribute('src')!,
            ...(picture.parentElement
              ?.querySelector('source')
              ?.getAttribute('srcset')
              ?.split(',')
              .map((c) => c.trim().split(' ')[0]!) ?? []),
          ];
          const sources = new Set(named.map((file) => pictureSource(`http://x${file}`) ?? file));
          const keptSources = [...kept].map((file) => pictureSource(`http://x${file}`) ?? file);
          expect(
            [...sources].some((source) => keptSources.includes(source)),
            `${url}: ${named[0]}`,
          ).toBe(true);
        }
      }
      // Searching the saved work offline marks words with its language's stop words.
      expect(
        work.files.filter((file) => file.url.includes('/stopwords_')).map((file) => file.url),
      ).toEqual([expect.stringMatching(/\/stopwords_eng\.[\w-]+\.js$/)]);
      // A fragment for each page of the work that search indexes.
      const fragments = work.files.filter((file) => file.url.includes('/pagefind/fragment/'));
      const indexed = pages.filter(
        (page) =>
          page.url.startsWith(`/${work.work}/`) &&
          page.document.querySelector('[data-pagefind-body]') !== null,
      );
      expect(indexed.length).toBeGreaterThan(0);
      expect(fragments).toHaveLength(indexed.length);
    }
  });
});

test('every picture of the built library is grouped with its other sizes by its source', () => {
  const dist = distOf('library');
  for (const page of loadPages(dist)) {
    for (const picture of page.document.querySelectorAll('picture')) {
      const files = [...picture.querySelectorAll('source, img')].flatMap((element) => [
        ...(element.getAttribute('src') ? [element.getAttribute('src')!] : []),
        ...(element.getAttribute('srcset') ?? '')
          .split(',')
          .map((c) => c.trim().split(' ')[0]!)
          .filter(Boolean),
      ]);
      const sources = new Set(files.map((file) => pictureSource(`http://x${file}`)));
      expect([...sources], `${page.url}: ${files.join(' ')}`).toHaveLength(1);
      expect([...sources][0]).toBeDefined();
    }
  }
});
