import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openBuildCache, sweepBuildCache } from '../lib/build-cache/index.ts';

/**
 * The build cache (src/lib/build-cache/) for `astro build`, as two integrations: `open`, first,
 * opens it in Astro's cache folder before content loads; `sweep`, after every integration that
 * uses it, removes what the build did not use and logs what it reused.
 */
export function buildCache(): { open: AstroIntegration; sweep: AstroIntegration } {
  return {
    open: {
      name: 'fiction-reader:build-cache',
      hooks: {
        'astro:config:setup': ({ command, config }) => {
          if (command === 'build')
            openBuildCache(path.join(fileURLToPath(config.cacheDir), 'fiction-reader'));
        },
      },
    },
    sweep: {
      name: 'fiction-reader:build-cache-sweep',
      hooks: {
        'astro:build:done': ({ logger }) => {
          const summary = sweepBuildCache();
          if (summary) logger.info(summary);
        },
      },
    },
  };
}
