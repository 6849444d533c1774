import { expect, test } from 'vitest';
import { WorkerPool } from '../../src/lib/workers/pool.ts';

test('every job is answered, each with its own result, across the workers', async () => {
  const pool = new WorkerPool<number, number>('tests/support/doubling-worker.ts', 2);
  const jobs = Array.from({ length: 25 }, (_, i) => i);
  expect(await Promise.all(jobs.map((n) => pool.run(n)))).toEqual(jobs.map((n) => n * 2));
  await pool.close();
});

test('a job that throws fails alone, with its message, and the pool goes on', async () => {
  const pool = new WorkerPool<number, number>('tests/support/doubling-worker.ts', 1);
  const [bad, good] = await Promise.allSettled([pool.run(-1), pool.run(4)]);
  expect(bad).toMatchObject({ status: 'rejected', reason: { message: /cannot double -1/ } });
  expect(good).toEqual({ status: 'fulfilled', value: 8 });
  await pool.close();
});
