import { cacheKey, cachedJson } from '../build-cache/index.ts';
import type { RenderedBody } from '../markup/index.ts';
import type { MarkupLabels } from '../markup/labels.ts';
import { WorkerPool } from '../workers/pool.ts';

/**
 * One file's body to render (a chapter, or a work's notes), front matter blanked so that lines
 * are file lines.
 */
export interface RenderJob {
  file: string;
  body: string;
  /** The words the markup adds, in the work's language. */
  labels: MarkupLabels;
  /** The work's language (BCP 47): its quotes and spacing. */
  language: string;
}

/**
 * Renders bodies through the chapter pipeline in worker threads, one per core: rendering
 * Markdown is most of a build's work, and Astro's content layer would do it on its main thread.
 * In `astro build`, a body rendered by an earlier build with the same pipeline comes from the
 * build cache (the output depends on the file's path, for messages, its body and the labels
 * of its language alone), and
 * the workers start only for the others. Results come back in the order of `jobs`.
 */
export async function renderChapterBodies(jobs: RenderJob[]): Promise<RenderedBody[]> {
  if (jobs.length === 0) return [];
  let pool: WorkerPool<RenderJob, RenderedBody> | undefined;
  try {
    return await Promise.all(
      jobs.map((job) =>
        cachedJson(
          'chapters',
          () =>
            cacheKey('chapters', [job.file, job.body, job.language, JSON.stringify(job.labels)]),
          () => (pool ??= new WorkerPool('src/lib/story/render-worker.ts')).run(job),
        ),
      ),
    );
  } finally {
    await pool?.close();
  }
}
