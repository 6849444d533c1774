/**
 * Works saved for offline reading, kept in Cache Storage by the page (the service worker only
 * reads them; src/lib/offline/caches.ts names the caches). A work is saved when its manifest
 * (`/<work>/offline.json`) is in its cache: the manifest goes in last, so a save cut short
 * (the tab closed, the connection lost) is not taken for a saved work, and the next save
 * fetches only what is missing.
 */
import { base, withBase } from '../lib/base.ts';
import { cacheName, parseCacheName, workManifestFile } from '../lib/offline/caches.ts';
import type { WorkManifest } from '../lib/offline/work-files.ts';

export interface SavedWork {
  work: string;
  title: string;
  build: string;
  bytes: number;
}

/** Whether this browser can keep works (a service worker and Cache Storage, a secure page). */
export function canSaveWorks(): boolean {
  return 'serviceWorker' in navigator && 'caches' in window && window.isSecureContext;
}

/** The build this page belongs to (stamped on `<html data-build>` by the build). */
export function pageBuild(): string {
  return document.documentElement.dataset['build'] ?? '';
}

export function manifestUrl(work: string): string {
  return withBase(`/${work}/${workManifestFile}`);
}

/** The works saved on this device for this site, whichever build they were saved from. */
export async function savedWorks(): Promise<SavedWork[]> {
  if (!canSaveWorks()) return [];
  const saved: SavedWork[] = [];
  for (const name of await caches.keys()) {
    const parsed = parseCacheName(name);
    if (parsed?.base !== base || parsed.kind !== 'work' || !parsed.work) continue;
    const manifest = await (await caches.open(name)).match(manifestUrl(parsed.work));
    if (!manifest) continue; // a save still running, or cut short
    const { work, title, build, bytes } = (await manifest.json()) as WorkManifest;
    saved.push({ work, title, build, bytes });
  }
  return saved;
}

/** Progress of a save: bytes stored so far out of the total. */
export type OnProgress = (stored: number, total: number) => void;

/**
 * Saves every page of a work, what they load and its search data, from the newest build on
 * the server; then deletes copies of it from older builds. Asks the browser to keep the site's
 * storage (it may still evict it under pressure: see docs/reading.md, "Offline").
 */
export async function saveWork(
  work: string,
  onProgress: OnProgress = () => {},
): Promise<SavedWork> {
  return oneAtATime(async () => {
    const manifest = await fetchManifest(work);
    if (!manifest) throw new Error('this work is no longer on the site');
    const { build } = manifest;
    const workCache = await caches.open(cacheName({ base, kind: 'work', work, build }));
    const searchCache = await caches.open(cacheName({ base, kind: 'search', build }));
    const jobs = [
      ...manifest.files.map((file) => ({ file, cache: workCache })),
      ...manifest.search.map((file) => ({ file, cache: searchCache })),
    ];
    let stored = 0;
    onProgress(stored, manifest.bytes);
    await inParallel(jobs, 6, async ({ file, cache }) => {
      if (!(await cache.match(file.url))) {
        const response = await fetch(file.url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${file.url} answered ${response.status}`);
        await cache.put(file.url, await plain(response));
      }
      stored += file.bytes;
      onProgress(stored, manifest.bytes);
    });
    await workCache.put(manifestUrl(work), Response.json(manifest));
    await removeCopies(work, (other) => other !== build);
    void navigator.storage?.persist?.().catch(() => false);
    return { work, title: manifest.title, build, bytes: manifest.bytes };
  });
}

/** Removes a saved work, and the search files once no saved work needs them. */
export async function removeWork(work: string): Promise<void> {
  await oneAtATime(() => removeCopies(work, () => true));
}

/**
 * Brings saved works up to date after the author publishes: each saved from another build than
 * this page's is saved again from the server (a chapter the author removed is then gone from it),
 * or removed if the work itself is gone. Works offline do nothing and are tried on a later visit.
 * Calls `onUpdate` before each work it updates.
 */
export async function refreshSavedWorks(
  onUpdate: (work: string) => void = () => {},
): Promise<void> {
  if (!canSaveWorks() || !navigator.onLine) return;
  for (const saved of await savedWorks()) {
    if (saved.build === pageBuild()) continue;
    let manifest: WorkManifest | undefined;
    try {
      manifest = await fetchManifest(saved.work);
    } catch {
      continue; // no connection: keep the saved copy
    }
    if (!manifest) {
      await removeWork(saved.work);
    } else if (manifest.build !== saved.build) {
      onUpdate(saved.work);
      await saveWork(saved.work).catch(() => undefined);
    }
  }
}

/** The work's manifest from the server; undefined when the work is gone (404). */
async function fetchManifest(work: string): Promise<WorkManifest | undefined> {
  const response = await fetch(manifestUrl(work), { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${manifestUrl(work)} answered ${response.status}`);
  return (await response.json()) as WorkManifest;
}

async function removeCopies(work: string, ofBuild: (build: string) => boolean): Promise<void> {
  const names = await caches.keys();
  for (const name of names) {
    const parsed = parseCacheName(name);
    if (
      parsed?.base === base &&
      parsed.kind === 'work' &&
      parsed.work === work &&
      ofBuild(parsed.build)
    ) {
      await caches.delete(name);
    }
  }
  // Search files stay while any saved work of their build needs them.
  const left = (await caches.keys()).map(parseCacheName);
  for (const name of await caches.keys()) {
    const parsed = parseCacheName(name);
    if (parsed?.base !== base || parsed.kind !== 'search') continue;
    const needed = left.some(
      (other) => other?.base === base && other.kind === 'work' && other.build === parsed.build,
    );
    if (!needed) await caches.delete(name);
  }
}

/** A response as the Cache API keeps it best: not marked as redirected (pages are opened from it). */
async function plain(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    headers: response.headers,
  });
}

/** One save or removal at a time across the site's tabs, where the browser can tell (Web Locks). */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request(`fiction-reader:${base}:saved-works`, task) : task();
}

async function inParallel<T>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
