import type { RenderedBody } from '../markup/index.ts';
import { WorkerPool } from '../workers/pool.ts';

/**
 * One file's body to render (a chapter, or a work's notes), front matter blanked so that lines
 * are file lines.
 */
export interface RenderJob {
  file: string;
  body: string;
}

/**
 * Renders bodies through the chapter pipeline in worker threads, one per core: rendering
 * Markdown is most of a build's work, and Astro's content layer would do it on its main thread.
 * Results come back in the order of `jobs`.
 */
export async function renderChapterBodies(jobs: RenderJob[]): Promise<RenderedBody[]> {
  if (jobs.length === 0) return [];
  const pool = new WorkerPool<RenderJob, RenderedBody>('src/lib/story/render-worker.ts');
  try {
    return await Promise.all(jobs.map((job) => pool.run(job)));
  } finally {
    await pool.close();
  }
}
