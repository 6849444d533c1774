// @ts-check
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { atomicPublish } from './src/integrations/atomic-publish.ts';
import { buildCache } from './src/integrations/build-cache.ts';
import { normalizeSiteUrl, siteBase } from './src/lib/base.ts';
import { fontSubsets } from './src/integrations/font-subsets.ts';
import { offlineReading } from './src/integrations/offline.ts';
import { completeHeaders } from './src/integrations/headers-file.ts';
import { devServerFlag } from './src/integrations/publishing.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { localSiteUrl, siteUrlNotice } from './src/integrations/site-url.ts';
import { markdownOptions } from './src/lib/markup/index.ts';
import { searchLanguage } from './src/lib/story/languages.ts';
import { resolveContentDir } from './src/lib/story/layout.ts';

const contentDir = resolveContentDir();
const offline = offlineReading();
const cache = buildCache();
const search = searchIndex({ language: searchLanguage(contentDir) });
// The public address (SITE_URL at build time), for canonical URLs and feeds. Its path, if any
// (a GitHub Pages project site: https://someone.github.io/my-story/), is the base every URL of
// the site lives under; a missing trailing slash is added.
const site = normalizeSiteUrl(process.env.SITE_URL || localSiteUrl);

export default defineConfig({
  site,
  base: siteBase(site),
  trailingSlash: 'always',
  // Builds that run side by side (tests, the benchmark) each keep their own content cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  build: {
    format: 'directory',
    // Pages render on the main thread and preview images in worker threads
    // (src/lib/sharing/preview-image.ts): a few routes in flight keep every core busy.
    concurrency: 4,
  },
  // A Content-Security-Policy <meta> on every page: Astro hashes its own scripts and styles, so
  // nothing inline runs without a hash. Pagefind needs 'wasm-unsafe-eval' and its worker.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Works and chapters are rendered by the story loaders with these same plugins; this is for
  // Astro's own Markdown rendering, so that nothing renders a story's Markdown another way.
  markdown: {
    syntaxHighlight: false,
    processor: unified(markdownOptions),
  },
  // Content is checked as it loads (src/lib/story/loader.ts). Order matters: open the build
  // cache before content loads (rendered chapters, preview images, EPUBs and font subsets an
  // earlier build made from the same inputs are reused); Pagefind takes each page as it is
  // rendered (src/middleware.ts); once every page is written, Pagefind writes the index aside
  // while the fonts are subset to the pages' characters and the pages are stamped with the
  // build's id; then the index moves in, offline reading lists what it keeps and gets its
  // service worker, the _headers rules move under the base path, cache entries this build did
  // not use are dropped, and the site is published.
  integrations: [
    cache.open,
    siteUrlNotice(),
    devServerFlag(),
    search.write,
    fontSubsets(),
    offline.stamp,
    search.finish,
    offline.worker,
    completeHeaders(),
    cache.sweep,
    atomicPublish(),
  ],
  vite: {
    plugins: [tailwindcss()],
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              {
                // The small modules that the layout's script and a page's own script both use
                // (the base path, device storage, reading progress, interface strings, the
                // search loader and its shortcut key, Vite's helper for dynamic imports) go into
                // one chunk: a chapter page loads three files, not seven, and gzip compresses
                // each file's modules together. CSS + JS per chapter page stays within its
                // 20 KB gzip budget (tests/build/page-weight.test.ts).
                name: 'shared',
                test: /src[\\/](lib[\\/](base|reader[\\/]progress)|scripts[\\/](device-storage|strings|pagefind|reading-progress|search-shortcut|keyboard))\.ts$|vite[\\/]preload-helper/,
              },
            ],
          },
        },
      },
    },
  },
});
