import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * No half-published site: `astro build` writes into a staging folder beside the output folder
 * (`dist.staging`), and only once every page and the search index are written is it swapped
 * in. A build that fails or is killed midway leaves the previous `dist` exactly as it was.
 * Must be the last integration, so that it runs after the search index is written.
 */
export function atomicPublish(): AstroIntegration {
  let target = '';
  let staging = '';
  return {
    name: 'fiction-reader:atomic-publish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/\/$/, '');
        staging = `${target}.staging`;
        updateConfig({ outDir: new URL(`file://${staging}/`) });
      },
      'astro:build:start': async () => {
        await rm(staging, { recursive: true, force: true }); // what a killed build left
      },
      'astro:build:done': async ({ logger }) => {
        const previous = `${target}.previous`;
        await rm(previous, { recursive: true, force: true });
        if (existsSync(target)) await rename(target, previous);
        await rename(staging, target);
        await rm(previous, { recursive: true, force: true });
        logger.info(`published ${target}`);
      },
    },
  };
}
