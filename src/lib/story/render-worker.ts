// A worker thread of the chapter render pool (render-pool.ts).
import { renderChapterBody } from '../markup/index.ts';
import { serveJobs } from '../workers/pool.ts';
import type { RenderJob } from './render-pool.ts';

serveJobs((job: RenderJob) => renderChapterBody(job.body, job.file, job.labels, job.language));
