/**
 * Registers the service worker (src/scripts/service-worker.ts) on every page, once the page's
 * own files are in: its first install downloads the app shell. Not under `astro dev`, which
 * builds no worker. The offline controls are src/scripts/offline-save.ts, on the pages that
 * have them; this stays a few lines, as every chapter page carries it.
 */
import { base, withBase } from '../lib/base.ts';

function startWorker() {
  // The worker's scope is the whole site (its base path), and no wider. A browser that refuses
  // one (a private window may) reads online as before.
  navigator.serviceWorker
    // `workerFile` of src/lib/offline/caches.ts, written out: importing it would cost every page
    // a shared chunk.
    .register(withBase('/sw.js'), { scope: base })
    .catch(() => undefined);
}

if ('serviceWorker' in navigator && !import.meta.env.DEV_SERVER) {
  if (document.readyState === 'complete') startWorker();
  else addEventListener('load', startWorker, { once: true });
}
