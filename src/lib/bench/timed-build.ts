import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { processTreeMemory } from './process-memory.ts';
import { round } from './budgets.ts';

/** How long a build took and the most memory its processes held at once. */
export interface TimedBuild {
  seconds: number;
  peakMB: number | undefined;
  /** Everything it printed (also kept beside the output, `<outDir>.log`). */
  log: string;
}

/**
 * `astro build --force` of an Astro project (this one by default), as `npm run build` runs it,
 * with the Node that runs the benchmark. Peak memory is the most the build's processes held at
 * once (Node with its worker threads, and Pagefind in its own process), sampled every 100 ms.
 */
export async function timedBuild(
  contentDir: string,
  outDir: string,
  cacheDir = `${outDir}.cache`,
  project = process.cwd(),
): Promise<TimedBuild> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      path.join(project, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--force',
      '--outDir',
      outDir,
    ],
    {
      cwd: project,
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: cacheDir,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, processTreeMemory(child.pid!));
  }, 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = round((performance.now() - started) / 1000);
  // Astro's log times each phase (content sync, bundling, routes, our integrations).
  writeFileSync(`${outDir}.log`, output);
  if (status !== 0) throw new Error(`build in ${project} failed:\n${output}`);
  return { seconds, peakMB: peak > 0 ? Math.round(peak / 1024 / 1024) : undefined, log: output };
}
