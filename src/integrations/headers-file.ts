import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/base.ts';

/** The file static hosts (Netlify, Cloudflare Pages) read headers from, copied from public/. */
export const headersFile = '_headers';

/**
 * Completes `_headers` once the site is built: its path rules move under the site's base path,
 * as every URL of the site does (`/_astro/*` becomes `/my-story/_astro/*`), and each EPUB gets a
 * rule of its own naming its media type (one exact path per file: the hosts' wildcards differ
 * in where they may stand).
 */
export function completeHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'fiction-reader:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        const site = fileURLToPath(dir);
        const file = path.join(site, headersFile);
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined) return;
        const epubs = (await readdir(site, { recursive: true }))
          .filter((name) => name.endsWith('.epub'))
          .map((name) => `/${name.split(path.sep).join('/')}`)
          .sort();
        await writeFile(file, completedHeaders(text, base, epubs));
      },
    },
  };
}

/** `_headers` with every path rule under `base`, and a media-type rule for each EPUB path. */
export function completedHeaders(text: string, base: string, epubs: string[]): string {
  const moved = base === '/' ? text : text.replace(/^\/\S*/gm, (rule) => withBase(rule, base));
  const rules = epubs.map(
    (epub) => `${withBase(epub, base)}\n  Content-Type: application/epub+zip\n`,
  );
  return rules.length > 0 ? `${moved.trimEnd()}\n${rules.join('')}` : moved;
}
