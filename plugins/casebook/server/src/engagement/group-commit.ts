import type { Knex } from 'knex';
import { transactionWithRetry, type RetryOptions } from '../database';

type Pending<Job, Result> = { job: Job; resolve: (result: Result) => void; reject: (error: unknown) => void };

export type GroupCommitOptions = RetryOptions & { maxBatch?: number };

/**
 * Group commit: jobs that arrive in the same turn of the event loop, or while a transaction is running, run
 * together in the next transaction. Under load that turns many small transactions into few larger ones (on
 * SQLite, whose driver is synchronous, a transaction would otherwise finish before the next request is even
 * read); alone, a job waits one turn of the loop. Each job gets its own answer: `run` returns one result per
 * job, an Error for a job refused on its own. A group that fails transiently (a deadlock with another
 * instance's group, say) runs again, see transactionWithRetry; when it still fails, or fails otherwise, every
 * job of it fails with that error and nothing of it is written.
 *
 * Groups of different processes lock the same rows: `run` must take its row locks in one order (sorted keys).
 */
export const groupCommit = <Job, Result>(
  knex: () => Knex,
  run: (trx: Knex.Transaction, jobs: Job[]) => Promise<Array<Result | Error>>,
  { maxBatch = 200, ...retry }: GroupCommitOptions,
) => {
  let queue: Array<Pending<Job, Result>> = [];
  let running = false;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const jobs = batch.map((pending) => pending.job);
        const results = await transactionWithRetry(knex(), (trx) => run(trx, jobs), retry);
        batch.forEach((pending, index) => {
          const result = results[index]!;
          if (result instanceof Error) pending.reject(result);
          else pending.resolve(result);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    running = false;
  };

  return (job: Job): Promise<Result> =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
};
