import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WorkManifest } from '../offline/work-files.ts';
import { launchChromium } from '../../../tests/support/chromium.ts';
import { serveStatic } from '../../../tests/support/serve-static.ts';

/** What offline reading costs a reader, for one work of a built site. */
export interface OfflineCost {
  /** The app shell the service worker precaches at install: as stored, and gzipped. */
  shellKB: number;
  shellGzipKB: number;
  shellFiles: number;
  work: string;
  /** What "Save for offline" stores for the work (its pages, files and search data). */
  saveKB: number;
  saveFiles: number;
  /** From the click on "Save for offline" to "Saved for offline" on screen. */
  msToSave: number;
  /** Words from the saved work's last chapter, searched offline. */
  query: string;
  /** Offline, from the last keystroke of the query to its first result on screen. */
  msToFirstOfflineResult: number;
}

/** Three words from the start of the saved work's last chapter: a search that must find it. */
function phraseOfLastChapter(dist: string, manifest: WorkManifest): string {
  const last = manifest.pages.filter((url) => !url.endsWith('/all/')).at(-1)!;
  const html = readFileSync(path.join(dist, last, 'index.html'), 'utf8');
  const paragraph = /<p id="p-[^"]*"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const words = paragraph.replace(/<[^>]*>/g, ' ').match(/\p{L}{4,}/gu) ?? [];
  return words.slice(0, 3).join(' ').toLowerCase();
}

/**
 * Saves the first work (by slug) of a built site in Chromium, cuts the network (the server shut
 * down), then types words of its last chapter into the search page and times the first result.
 * Served on its own port by its own browser: the network is really gone for the measurement.
 */
export async function measureOffline(dist: string): Promise<OfflineCost> {
  const worker = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const shell = JSON.parse(/shell:(\[[^\]]*\])/.exec(worker)![1]!) as string[];
  const shellFiles = shell.map((url) =>
    path.join(dist, url.endsWith('/') ? `${url}index.html` : url),
  );
  const shellBytes = shellFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  // Text as a host sends it (gzip); fonts and pictures are compressed already.
  const shellGzip = shellFiles.reduce((sum, file) => {
    const bytes = readFileSync(file);
    return (
      sum +
      (/\.(html|css|js|svg|webmanifest)$|\/$/.test(file) ? gzipSync(bytes).length : bytes.length)
    );
  }, 0);

  const server = await serveStatic(dist);
  // A browser of its own: a service worker and Cache Storage outlive a context's pages, and
  // nothing of the other measurements' browser should be in the way.
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const slug = readdirSync(dist)
      .filter((name) => existsSync(path.join(dist, name, 'offline.json')))
      .sort()[0]!;
    const manifest = JSON.parse(
      readFileSync(path.join(dist, slug, 'offline.json'), 'utf8'),
    ) as WorkManifest;
    const query = phraseOfLastChapter(dist, manifest);
    await page.goto(`${server.origin}/${slug}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
    });
    const save = page.locator('offline-save [data-save]');
    await save.scrollIntoViewIfNeeded();
    const started = Date.now();
    await save.click();
    await page.waitForFunction(
      () => document.querySelector('offline-save [data-status]')?.textContent?.startsWith('Saved'),
      null,
      { timeout: 600_000 },
    );
    const msToSave = Date.now() - started;

    await server.close();
    await context.setOffline(true);
    await page.goto(`${server.origin}/search/`);
    await page.evaluate((awaited) => {
      const w = window as unknown as Record<string, number | undefined>;
      document.addEventListener('keydown', () => (w['lastKey'] = performance.now()), true);
      // The first result of the whole query (its link carries every word of the query, and
      // the forms of them the index matched), not of a word typed on the way.
      new MutationObserver(() => {
        const first = document.querySelector<HTMLAnchorElement>(
          'passage-search [data-results] a[data-result]',
        );
        // Words that stand together in the text are marked as one run ("A b").
        const words = first
          ? new URL(first.href).searchParams
              .getAll('hl')
              .flatMap((hl) => hl.toLowerCase().split(' '))
          : [];
        const wanted = awaited.toLowerCase().split(' ');
        if (!w['firstAt'] && wanted.every((word) => words.includes(word)))
          w['firstAt'] = performance.now();
      }).observe(document, { subtree: true, childList: true });
    }, query);
    await page.locator('#search-query').focus();
    await page.keyboard.type(query, { delay: 40 });
    await page.waitForFunction(
      () => (window as unknown as Record<string, number | undefined>)['firstAt'] !== undefined,
      null,
      { timeout: 30_000 },
    );
    const ms = await page.evaluate(() => {
      const w = window as unknown as Record<string, number>;
      return w['firstAt']! - w['lastKey']!;
    });
    return {
      shellKB: shellBytes / 1024,
      shellGzipKB: shellGzip / 1024,
      shellFiles: shell.length,
      work: manifest.title,
      saveKB: manifest.bytes / 1024,
      saveFiles: manifest.files.length + manifest.search.length,
      msToSave,
      query,
      msToFirstOfflineResult: Math.round(ms),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
