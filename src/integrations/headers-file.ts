import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/base.ts';

/** The file static hosts (Netlify, Cloudflare Pages) read headers from, copied from public/. */
export const headersFile = '_headers';

/**
 * Moves the path rules of `_headers` under the site's base path, as every URL of the site is
 * (`/_astro/*` becomes `/my-story/_astro/*`). A root site's file is left exactly as written.
 */
export function headersUnderBase(): AstroIntegration {
  let base = '/';
  return {
    name: 'fiction-reader:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        if (base === '/') return;
        const file = path.join(fileURLToPath(dir), headersFile);
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined) await writeFile(file, rulesUnderBase(text, base));
      },
    },
  };
}

/** A `_headers` file with every path rule (a line starting with `/`) under `base`. */
export function rulesUnderBase(text: string, base: string): string {
  return text.replace(/^\/\S*/gm, (rule) => withBase(rule, base));
}
