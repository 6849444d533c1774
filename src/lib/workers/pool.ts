import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

/** A job's outcome as a worker posts it back. */
type Outcome<Result> = { result: Result } | { error: string };

/**
 * A few worker threads running one script, each taking the next job as it finishes one. The
 * build's heavy, independent work (rendering chapters, drawing preview images) runs here, so it
 * uses every core while Astro's main thread does the rest. Idle workers never hold the process
 * open.
 *
 * The script is a path from the project root (`src/...ts`), run by Node itself: code that Vite
 * bundles into the build cannot find its own source file from `import.meta.url`.
 */
export class WorkerPool<Job, Result> {
  readonly #script: string;
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, (outcome: Outcome<Result>) => void>();
  readonly #queue: { job: Job; settle: (outcome: Outcome<Result>) => void }[] = [];
  #started = 0;

  constructor(script: string, size = Math.min(availableParallelism(), 4)) {
    this.#script = path.resolve(script);
    this.#size = size;
  }

  run(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        job,
        settle: (outcome) =>
          'error' in outcome ? reject(new Error(outcome.error)) : resolve(outcome.result),
      });
      this.#dispatch();
    });
  }

  /** Stops every worker; jobs still queued are dropped. */
  async close(): Promise<void> {
    this.#queue.length = 0;
    await Promise.all(this.#idle.splice(0).map((worker) => worker.terminate()));
    this.#started = 0;
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? this.#start();
      if (!worker) return;
      const task = this.#queue.shift()!;
      this.#busy.set(worker, task.settle);
      worker.ref();
      worker.postMessage(task.job);
    }
  }

  #start(): Worker | undefined {
    if (this.#started >= this.#size) return undefined;
    this.#started += 1;
    const worker = new Worker(this.#script);
    worker.on('message', (outcome: Outcome<Result>) => {
      const settle = this.#busy.get(worker);
      this.#busy.delete(worker);
      worker.unref();
      this.#idle.push(worker);
      settle?.(outcome);
      this.#dispatch();
    });
    // A worker that crashes (not a job that throws: that comes back as its outcome) fails its
    // job; the next job starts a new worker.
    worker.on('error', (error) => {
      this.#busy.get(worker)?.({ error: error.stack ?? String(error) });
      this.#busy.delete(worker);
      this.#started -= 1;
      this.#dispatch();
    });
    return worker;
  }
}

/** The worker side: answers each job posted to this thread with `work(job)`. */
export function serveJobs<Job, Result>(work: (job: Job) => Promise<Result>): void {
  parentPort!.on('message', async (job: Job) => {
    try {
      parentPort!.postMessage({ result: await work(job) });
    } catch (error) {
      parentPort!.postMessage({
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
