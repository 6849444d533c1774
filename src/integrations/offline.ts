import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build as bundle } from 'esbuild';
import { buildIdOf, stampPages } from '../lib/offline/build-id.ts';
import { workerFile, workManifestFile } from '../lib/offline/caches.ts';
import { BuiltSite, type SiteFile } from '../lib/offline/site-files.ts';
import {
  searchFiles,
  shellFiles,
  workManifest,
  type WorkPages,
} from '../lib/offline/work-files.ts';

const workerSource = fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url));

/**
 * Offline reading, as two build steps around the search index (astro.config.mjs):
 *
 * - `stamp`, before it: the build's id (a hash of every file written) goes into every page,
 *   so pages, Pagefind's entry and the worker's caches all name the same build.
 * - `worker`, after it: completes each work's `offline.json` with the files its pages load and
 *   its search data, and writes the service worker with this build's app shell.
 */
export function offlineReading(): { stamp: AstroIntegration; worker: AstroIntegration } {
  let base = '/';
  let build = '';
  return {
    stamp: {
      name: 'fiction-reader:offline-stamp',
      hooks: {
        'astro:config:done': ({ config }) => {
          base = config.base;
        },
        'astro:build:done': async ({ dir }) => {
          const site = fileURLToPath(dir);
          build = await buildIdOf(site);
          await stampPages(site, build);
        },
      },
    },
    worker: {
      name: 'fiction-reader:offline-worker',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const site = new BuiltSite(fileURLToPath(dir).replace(/\/$/, ''), base);
          const search = searchFiles(site, build);
          const works = await workPagesIn(site.dir);
          let saved = '';
          for (const [file, pages] of works) {
            const manifest = workManifest(site, pages, build, search);
            await writeFile(file, JSON.stringify(manifest));
            saved += ` ${pages.work} ${kb(manifest.bytes)},`;
          }
          const shell = shellFiles(site);
          await writeFile(path.join(site.dir, workerFile), await workerScript(build, base, shell));
          logger.info(
            `offline: app shell ${kb(total(shell))} in ${shell.length} files; save for offline:${saved.slice(0, -1) || ' no works'}`,
          );
        },
      },
    },
  };
}

/** `/<work>/offline.json` as the route wrote them (work slug and pages), by file. */
async function workPagesIn(dir: string): Promise<[string, WorkPages][]> {
  const found: [string, WorkPages][] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name, workManifestFile);
    if (!entry.isDirectory()) continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text) found.push([file, JSON.parse(text) as WorkPages]);
  }
  return found.sort(([a], [b]) => a.localeCompare(b));
}

/** The worker bundled into one classic script, with this build's id and app shell. */
async function workerScript(build: string, base: string, shell: SiteFile[]): Promise<string> {
  const config = {
    build,
    base,
    shell: shell.map((file) => file.url),
    offlinePage: `${base}offline/`,
  };
  const result = await bundle({
    entryPoints: [workerSource],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define: { OFFLINE: JSON.stringify(config) },
  });
  return result.outputFiles[0]!.text;
}

const total = (files: SiteFile[]) => files.reduce((sum, file) => sum + file.bytes, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
