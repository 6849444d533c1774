import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Where the index lands inside the built site; the search script loads it from here. */
export const searchIndexDir = 'pagefind';

/**
 * Builds the Pagefind index over the finished site at the end of `astro build`. Pagefind's Node
 * API reports problems as `errors` instead of throwing, and the ready-made integration only logs
 * them: here any error, or an index with no pages, fails the build. With `language`, every page
 * goes into one index of that language (Pagefind otherwise splits `en` from `en-GB`).
 */
export function searchIndex(options: { language?: string | undefined } = {}): AstroIntegration {
  return {
    name: 'fiction-reader:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex(
            options.language ? { forceLanguage: options.language } : {},
          );
          if (!index) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: site });
          fail(added.errors);
          if (added.page_count === 0) {
            throw new Error('no page was indexed: chapter pages must carry data-pagefind-body');
          }
          fail((await index.writeFiles({ outputPath: path.join(site, searchIndexDir) })).errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`indexed ${added.page_count} pages for search in ${seconds} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

function fail(errors: string[]): void {
  if (errors.length > 0) throw new Error(`search indexing failed:\n${errors.join('\n')}`);
}
