/**
 * The service worker (`/sw.js` under the base path): it keeps the site readable with no
 * connection. src/integrations/offline.ts bundles it once the site is built, with the build's
 * id and its app shell in `OFFLINE`. The rules it follows are in src/lib/offline/caches.ts:
 *
 * - install: precache the app shell of this build, then take over at once;
 * - activate: delete other builds' shells, read pages and unused search files;
 * - pages: network first (an online reader always reads the newest text), else the copy saved
 *   or read before, else the offline page;
 * - files named by their content: cache first; other files: network first, cache when offline.
 *
 * "Save for offline" (src/scripts/saved-works.ts) fills the caches of saved works from the page;
 * this worker only reads them.
 */
import {
  cacheName,
  cachesToDelete,
  pageKey,
  parseCacheName,
  pictureSource,
  strategyFor,
} from '../lib/offline/caches.ts';

declare const OFFLINE: { build: string; base: string; shell: string[]; offlinePage: string };

// The few service-worker types used, declared here: the DOM and WebWorker libraries cannot be
// in one TypeScript program together.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const { build, base } = OFFLINE;
const shellCache = cacheName({ base, kind: 'shell', build });
const pagesCache = cacheName({ base, kind: 'pages', build });
/** How long a page may take before a copy already on the device is shown instead, in ms. */
const patience = 6000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      // Past the browser's HTTP cache: the shell must be this build's files.
      await cache.addAll(OFFLINE.shell.map((url) => new Request(url, { cache: 'no-cache' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = cachesToDelete(await caches.keys(), base, build);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, worker.registration.scope);
  if (strategy === 'none') return;
  event.respondWith(
    strategy === 'page'
      ? page(event.request)
      : strategy === 'asset'
        ? asset(event.request)
        : file(event.request),
  );
});

async function page(request: Request): Promise<Response> {
  const key = pageKey(request.url);
  const network = fetch(request).then(async (response) => {
    // Pages only: a download opened as a navigation (an EPUB) is not kept.
    const html = response.headers.get('content-type')?.includes('text/html');
    if (response.ok && response.type === 'basic' && html) {
      // Kept under its final address (a host may redirect `/work` to `/work/`), as a plain
      // response: a navigation may not be answered with one marked as redirected.
      const copy = response.clone();
      const body = await copy.blob();
      const keep = new Response(body, { status: copy.status, headers: copy.headers });
      await (await caches.open(pagesCache)).put(pageKey(response.url || key), keep);
    }
    return response;
  });
  const onDevice = await cached(key);
  if (!onDevice) {
    return network.catch(
      async () => (await cached(`${location.origin}${OFFLINE.offlinePage}`)) ?? Response.error(),
    );
  }
  // A slow connection gets the copy on the device after a while; a dead one at once.
  return Promise.race([
    network.catch(() => onDevice),
    new Promise<Response>((resolve) => setTimeout(() => resolve(onDevice), patience)),
  ]);
}

async function asset(request: Request): Promise<Response> {
  const hit = await cached(request.url);
  if (hit) return hit;
  try {
    const response = await fetch(request);
    // What a page loads (its styles, scripts, fonts, pictures) stays with the pages read; what
    // scripts fetch (search data) is kept only by "Save for offline".
    if (response.ok && request.destination !== '') {
      await (await caches.open(pagesCache)).put(request, response.clone());
    }
    return response;
  } catch (error) {
    const standIn = await otherSizeOf(request.url);
    if (standIn) return standIn;
    throw error;
  }
}

async function file(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const hit = await cached(request.url);
    if (hit) return hit;
    throw error;
  }
}

/** This site's caches, this build's first: an older saved copy answers only what this build's do not. */
async function ourCaches(): Promise<Cache[]> {
  const names = (await caches.keys()).filter((name) => parseCacheName(name)?.base === base);
  const current = (name: string) => (parseCacheName(name)?.build === build ? 0 : 1);
  names.sort((a, b) => current(a) - current(b));
  return Promise.all(names.map((name) => caches.open(name)));
}

async function cached(url: string): Promise<Response | undefined> {
  for (const cache of await ourCaches()) {
    const hit = await cache.match(url);
    if (hit) return hit;
  }
  return undefined;
}

/** Another size or format of the same picture, when the one asked for was not saved. */
async function otherSizeOf(url: string): Promise<Response | undefined> {
  const source = pictureSource(url);
  if (!source) return undefined;
  for (const cache of await ourCaches()) {
    for (const request of await cache.keys()) {
      if (pictureSource(request.url) === source) return cache.match(request);
    }
  }
  return undefined;
}
