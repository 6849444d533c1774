// A worker for the worker pool's tests: doubles a number, refuses a negative one.
import { serveJobs } from '../../src/lib/workers/pool.ts';

serveJobs(async (n: number) => {
  if (n < 0) throw new Error(`cannot double ${n}`);
  return n * 2;
});
