import { expect, test } from 'vitest';
import { appManifest, shortName } from '../../src/lib/offline/app-manifest.ts';
import {
  cacheName,
  cachesToDelete,
  pageKey,
  parseCacheName,
  pictureSource,
  strategyFor,
} from '../../src/lib/offline/caches.ts';
import {
  cssReferences,
  htmlReferences,
  moduleImports,
  pictureFiles,
} from '../../src/lib/offline/site-files.ts';

// The service worker's rules (src/lib/offline/caches.ts) and the build step's reading of built
// files (src/lib/offline/site-files.ts), without a browser. The browser tests
// (tests/e2e/offline.test.ts) check the same rules with the network cut.

const scope = 'https://someone.github.io/my-story/';
const get = (url: string, mode = 'no-cors') => ({ url, method: 'GET', mode });

test('cache names carry the base path, kind, work and build, and read back', () => {
  const work = { base: '/my-story/', kind: 'work', work: 'part-two', build: 'abc123' } as const;
  expect(cacheName(work)).toBe('fiction-reader:/my-story/:work:part-two:abc123');
  expect(parseCacheName(cacheName(work))).toEqual(work);
  const shell = { base: '/', kind: 'shell', build: 'abc123' } as const;
  expect(cacheName(shell)).toBe('fiction-reader:/:shell:abc123');
  expect(parseCacheName(cacheName(shell))).toEqual(shell);
  // Another site's or library's caches are not ours.
  expect(parseCacheName('workbox-precache-v2-https://x/')).toBeUndefined();
  expect(parseCacheName('fiction-reader:/:cookies:abc')).toBeUndefined();
  expect(parseCacheName('fiction-reader:nobase:shell:abc')).toBeUndefined();
});

test('a new build deletes old shells and pages, keeps saved works and the search files they need', () => {
  const names = [
    'fiction-reader:/:shell:old',
    'fiction-reader:/:pages:old',
    'fiction-reader:/:search:old',
    'fiction-reader:/:work:part-one:old',
    'fiction-reader:/:search:older', // no saved work of that build left
    'fiction-reader:/:shell:new',
    'fiction-reader:/:pages:new',
    'fiction-reader:/my-story/:shell:old', // another site at the same origin
    'some-other-cache',
  ];
  expect(cachesToDelete(names, '/', 'new').sort()).toEqual([
    'fiction-reader:/:pages:old',
    'fiction-reader:/:search:older',
    'fiction-reader:/:shell:old',
  ]);
  expect(cachesToDelete(names, '/', 'old').sort()).toEqual([
    'fiction-reader:/:pages:new',
    'fiction-reader:/:search:older',
    'fiction-reader:/:shell:new',
  ]);
});

test('pages go network first, fingerprinted files cache first, other files network first', () => {
  expect(strategyFor(get(`${scope}part-two/chapter-1/`, 'navigate'), scope)).toBe('page');
  expect(strategyFor(get(`${scope}_astro/BaseLayout.FR90JbrW.css`), scope)).toBe('asset');
  expect(strategyFor(get(`${scope}_astro/map.CBlu_G9q_Z2h17ij.webp`), scope)).toBe('asset');
  expect(strategyFor(get(`${scope}pagefind/fragment/en_3a854be.pf_fragment`), scope)).toBe('asset');
  expect(strategyFor(get(`${scope}pagefind/index/en_c456d87.pf_index`), scope)).toBe('asset');
  expect(strategyFor(get(`${scope}pagefind/pagefind.en_f559235156.pf_meta`), scope)).toBe('asset');
  // Same names from build to build: always asked of the network while there is one.
  expect(strategyFor(get(`${scope}pagefind/pagefind.js`), scope)).toBe('file');
  expect(strategyFor(get(`${scope}pagefind/pagefind-entry.json?ts=abc`), scope)).toBe('file');
  expect(strategyFor(get(`${scope}pagefind/wasm.en.pagefind`), scope)).toBe('file');
  expect(strategyFor(get(`${scope}part-two/offline.json`), scope)).toBe('file');
  expect(strategyFor(get(`${scope}part-two/chapter-1/`), scope)).toBe('file'); // fetched by a script
});

test('the worker leaves alone what is not the site’s: other origins, other paths, writes, itself', () => {
  expect(strategyFor(get('https://fonts.example/x.woff2'), scope)).toBe('none');
  expect(strategyFor(get('https://someone.github.io/other-story/', 'navigate'), scope)).toBe(
    'none',
  );
  expect(strategyFor({ url: `${scope}search/`, method: 'POST', mode: 'navigate' }, scope)).toBe(
    'none',
  );
  expect(strategyFor(get(`${scope}sw.js`), scope)).toBe('none');
  // A root site's worker file is /sw.js; /my-story/sw.js is another site's.
  expect(strategyFor(get('https://example.org/sw.js'), 'https://example.org/')).toBe('none');
});

test('a page is kept under its address without query or fragment', () => {
  expect(pageKey(`${scope}part-two/chapter-1/?hl=alarm+clock#p-the-alarm`)).toBe(
    `${scope}part-two/chapter-1/`,
  );
});

test('every size and format of one picture has the same source; other files have none', () => {
  const sizes = [
    '/_astro/flourish.CBlu_G9q_Z2h17ij.webp',
    '/_astro/flourish.CBlu_G9q_1PQEkV.webp',
    '/_astro/flourish.CBlu_G9q_1Mqqv6.png',
  ].map((path) => pictureSource(`${scope.slice(0, -1)}${path}`));
  expect(new Set(sizes)).toEqual(new Set(['flourish.CBlu_G9q']));
  expect(pictureSource(`${scope}_astro/cover.jcW4QNGt_75BzJ.jpg`)).toBe('cover.jcW4QNGt');
  expect(pictureSource(`${scope}_astro/cover.jcW4QNGt_75BzJ.jpg`)).not.toBe(sizes[0]);
  expect(pictureSource(`${scope}_astro/BaseLayout.FR90JbrW.css`)).toBeUndefined();
  expect(pictureSource(`${scope}favicon.svg`)).toBeUndefined();
});

test('a page loads its stylesheets, scripts, preloaded fonts, icons and manifest, not its links', () => {
  const html = `<html><head>
    <link rel="preload" href="/my-story/_astro/literata.R1W82vdW.woff2" as="font" crossorigin>
    <link rel="stylesheet" href="/my-story/_astro/BaseLayout.FR90JbrW.css">
    <link rel="icon" href="/my-story/favicon.svg" type="image/svg+xml">
    <link rel="manifest" href="/my-story/manifest.webmanifest">
    <link rel="canonical" href="https://someone.github.io/my-story/a/">
    <link rel="alternate" href="/my-story/feed.xml" type="application/rss+xml">
    <link rel="next" href="/my-story/part/b/">
    <script type="module" src="/my-story/_astro/page.DYy_3O9P.js"></script>
    <script type="application/ld+json">{"image":"/my-story/preview.png"}</script>
    </head><body><a href="/my-story/part/b/">Next</a><img src="https://elsewhere.example/x.png" alt="x"></body></html>`;
  expect(htmlReferences(html, '/my-story/')).toEqual([
    '/my-story/_astro/literata.R1W82vdW.woff2',
    '/my-story/_astro/BaseLayout.FR90JbrW.css',
    '/my-story/favicon.svg',
    '/my-story/manifest.webmanifest',
    '/my-story/_astro/page.DYy_3O9P.js',
  ]);
});

test('one file per picture: the widest of its first format, or its only file', () => {
  const html = `<figure><picture><source srcset="/_astro/a.AAAAAAAA_1.webp 360w, /_astro/a.AAAAAAAA_3.webp 1440w, /_astro/a.AAAAAAAA_2.webp 720w" type="image/webp" sizes="100vw"><img src="/_astro/a.AAAAAAAA_9.jpg" srcset="/_astro/a.AAAAAAAA_8.jpg 360w, /_astro/a.AAAAAAAA_9.jpg 1440w" alt="A bakery" width="1440" height="960"></picture></figure>
    <img src="/_astro/cover.BBBBBBBB_1.webp" srcset="/_astro/cover.BBBBBBBB_1.webp 1x, /_astro/cover.BBBBBBBB_2.webp 2x" alt="Cover">
    <img src="/_astro/plan.CCCCCCCC.svg" alt="Floor plan">`;
  expect(pictureFiles(html)).toEqual([
    '/_astro/a.AAAAAAAA_3.webp',
    '/_astro/cover.BBBBBBBB_2.webp',
    '/_astro/plan.CCCCCCCC.svg',
  ]);
});

test('any way an HTML writer may quote, case or escape a tag is read, as a parser reads it', () => {
  const html = `<LINK REL='stylesheet' HREF='/my-story/_astro/a.css?v=1&amp;w=2'>
    <link href=/my-story/_astro/b.woff2 rel="preload font"><script src='/my-story/_astro/c.js' type=module></script>
    <!-- <link rel="stylesheet" href="/my-story/_astro/commented-out.css"> -->
    <Picture><SOURCE SRCSET='/my-story/_astro/d_2.webp 2x, /my-story/_astro/d_1.webp 1x'><img src="/my-story/_astro/d.jpg" alt=""></Picture>`;
  expect(htmlReferences(html, '/my-story/')).toEqual([
    '/my-story/_astro/a.css?v=1&w=2',
    '/my-story/_astro/b.woff2',
    '/my-story/_astro/c.js',
    '/my-story/_astro/d_2.webp',
  ]);
});

test('a stylesheet’s fonts in WOFF2 only; a script’s imports, static and dynamic', () => {
  const css = `@font-face{font-family:Literata;src:url(./literata.R1W82vdW.woff2) format("woff2"),url(./literata.h-5kLFKj.woff) format("woff")}
    .x{background:url("data:image/svg+xml;utf8,<svg/>")}.y{background:url('/my-story/_astro/rule.svg')}`;
  expect(cssReferences(css, '/my-story/_astro/BaseLayout.css', '/my-story/')).toEqual([
    '/my-story/_astro/literata.R1W82vdW.woff2',
    '/my-story/_astro/rule.svg',
  ]);
  // Rolldown writes a dynamic import between backticks.
  const js = `import{a as b}from"./base.CBBrEhax.js";import"./reading-progress.lKpzC7CZ.js";const p=()=>import("./lazy.X1.js"),q=()=>import(\`./search.Y2.js\`);`;
  expect(moduleImports(js, '/_astro/page.js')).toEqual([
    '/_astro/base.CBBrEhax.js',
    '/_astro/reading-progress.lKpzC7CZ.js',
    '/_astro/lazy.X1.js',
    '/_astro/search.Y2.js',
  ]);
});

test('the app manifest: the site under its base path, maskable and plain icons', () => {
  const manifest = appManifest({
    siteTitle: 'Entwined Destinies: The Last Son and the Slayer',
    description: 'A story.',
    lang: 'en',
    base: '/my-story/',
    iconUrl: (name) => `/my-story/icons/${name}.png`,
  });
  expect(manifest).toMatchObject({
    id: '/my-story/',
    start_url: '/my-story/',
    scope: '/my-story/',
    display: 'standalone',
    short_name: 'Entwined',
  });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
});

test('a short name fits under a home-screen icon', () => {
  expect(shortName('Library')).toBe('Library');
  expect(shortName('The Night Shift')).toBe('The Night');
  expect(shortName('Entwined Destinies: The Last Son and the Slayer')).toBe('Entwined');
  expect(shortName('Supercalifragilistic')).toBe('Supercalifragilistic');
});
