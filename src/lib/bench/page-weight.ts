import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';

/** Raw and gzip bytes. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** What one page costs a reader, by kind of resource. */
export interface PageWeight {
  html: Bytes;
  /** The chapter's own text (`.story-text`, with its markup), gzip: what the reader came for. */
  ownTextGzip: number;
  /** HTML beyond the chapter's own text: the chrome. */
  chromeGzip: number;
  css: Bytes;
  js: Bytes;
  /** Every web font the page's CSS names, downloaded or not. */
  fontsOffered: Bytes;
  /** External scripts in <head> that block rendering (no async, defer or type=module). */
  renderBlockingScripts: number;
}

const bytesOf = (data: Buffer | string): Bytes => ({
  raw: Buffer.byteLength(data),
  gzip: gzipSync(data, { level: 9 }).length,
});
const sum = (list: Bytes[]): Bytes =>
  list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/** Weighs a built page: its HTML, the CSS and JS it loads (with static imports), the fonts its CSS names. */
export function weighPage(dist: string, url: string): PageWeight {
  const html = readFileSync(path.join(dist, url, 'index.html'), 'utf8');
  const { document } = parseHTML(html);
  const asset = (href: string) => readFileSync(path.join(dist, href.split(/[?#]/)[0]!));
  const cssFiles = Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map(
    (l) => l.getAttribute('href') ?? '',
  );
  const scripts = Array.from(document.querySelectorAll('script[src]')).map(
    (s) => s.getAttribute('src') ?? '',
  );
  // Scripts that run: JSON-LD is data, counted with the HTML it is part of.
  const inlineScripts = Array.from(
    document.querySelectorAll('script:not([src]):not([type="application/ld+json"])'),
  ).map((s) => s.textContent ?? '');
  const css = cssFiles.map((href) => asset(href).toString('utf8'));
  const fontUrls = new Set(
    css.flatMap((text) =>
      [...text.matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) => m[1]!.replace(/["']/g, '')),
    ),
  );
  const js = [...collectModules(dist, scripts)].map((file) => readFileSync(file));
  // A chapter's text, or every chapter's on the entire-work page.
  const stories = Array.from(document.querySelectorAll('.story-text'));
  const ownTextGzip =
    stories.length > 0 ? bytesOf(stories.map((story) => story.outerHTML).join('')).gzip : 0;
  const htmlBytes = bytesOf(html);
  return {
    html: htmlBytes,
    ownTextGzip,
    chromeGzip: htmlBytes.gzip - ownTextGzip,
    css: sum(css.map(bytesOf)),
    js: sum([...js.map(bytesOf), ...inlineScripts.map(bytesOf)]),
    fontsOffered: sum(
      [...fontUrls].map((href) => ({ raw: asset(href).length, gzip: asset(href).length })),
    ),
    renderBlockingScripts: Array.from(document.querySelectorAll('head script[src]')).filter(
      (s) =>
        !s.hasAttribute('async') && !s.hasAttribute('defer') && s.getAttribute('type') !== 'module',
    ).length,
  };
}

/** A page's module scripts and everything they import statically (dynamic imports load on demand). */
function collectModules(dist: string, entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g,
    )) {
      const target = match[1]!;
      if (target.startsWith('.') || target.startsWith('/')) {
        visit(
          target.startsWith('/')
            ? path.join(dist, target)
            : path.resolve(path.dirname(file), target),
        );
      }
    }
  };
  for (const src of entries) visit(path.join(dist, src));
  return seen;
}

/** Files and bytes under a folder (those whose name matches `only`, if given). */
export function folderSize(dir: string, only?: RegExp): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!only || only.test(entry.name)) {
        files += 1;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * The web fonts a page really downloads in Chromium with the reader's default settings: the
 * stylesheet offers more faces (the typefaces a reader can choose), and a browser fetches a face
 * only when text on screen uses it.
 */
export async function fontDownloads(browser: Browser, pageUrl: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    let bytes = 0;
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'font')
        pending.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize)));
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await Promise.all(pending);
    return bytes;
  } finally {
    await context.close();
  }
}

/**
 * The picture bytes a reader downloads reading a chapter page to its end, in Chromium at a given
 * display: scrolled a screen at a time, so lazy pictures load as they would for a reader.
 */
export async function pictureDownloads(
  browser: Browser,
  pageUrl: string,
  display: { width: number; height: number; deviceScaleFactor: number },
): Promise<number> {
  const { deviceScaleFactor, ...viewport } = display;
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  try {
    const page = await context.newPage();
    let bytes = 0;
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'image' && !request.url().endsWith('.svg'))
        pending.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize)));
    });
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += viewport.height) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return bytes;
  } finally {
    await context.close();
  }
}
