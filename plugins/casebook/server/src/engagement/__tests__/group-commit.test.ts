import createKnex, { type Knex } from 'knex';
import { groupCommit } from '../group-commit';

let knex: Knex;

beforeEach(async () => {
  knex = createKnex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('items', (table) => table.integer('n').primary());
});

afterEach(async () => {
  await knex.destroy();
});

test('jobs arriving in one turn of the loop, or while a transaction runs, share one transaction', async () => {
  const batches: number[][] = [];
  const insert = groupCommit<number, number>(
    () => knex,
    async (trx, jobs) => {
      batches.push(jobs);
      for (const n of jobs) await trx('items').insert({ n });
      return jobs.map((n) => n * 2);
    },
    { what: 'items' },
  );
  expect(await Promise.all([1, 2, 3, 4].map(insert))).toEqual([2, 4, 6, 8]);
  expect(batches).toEqual([[1, 2, 3, 4]]);
  // One arriving while that group's transaction runs waits for it, with the others that arrive meanwhile.
  const first = insert(5);
  await new Promise((resolve) => setImmediate(resolve));
  expect(await Promise.all([first, insert(6), insert(7)])).toEqual([10, 12, 14]);
  expect(batches.slice(1)).toEqual([[5], [6, 7]]);
});

test('a job refused on its own fails alone; a failed transaction fails its whole group and writes nothing of it', async () => {
  const insert = groupCommit<number, number>(
    () => knex,
    async (trx, jobs) => {
      const results: Array<number | Error> = [];
      for (const n of jobs) {
        if (n < 0) {
          results.push(new Error(`negative: ${n}`));
          continue;
        }
        await trx('items').insert({ n });
        results.push(n);
      }
      return results;
    },
    { what: 'items' },
  );
  expect(await insert(1)).toBe(1);
  const settled = await Promise.allSettled([insert(2), insert(-3), insert(2), insert(4)]);
  expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
  // That group held a duplicate key: the transaction failed, so none of 2, -3, 2, 4 stands.
  expect((settled[1] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE/);
  expect(await knex('items').pluck('n')).toEqual([1]);
  // In a group that commits, a refused job fails with its own error and the others stand.
  const next = await Promise.allSettled([insert(5), insert(-6), insert(7)]);
  expect(next.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([5, 'negative: -6', 7]);
  expect(await knex('items').orderBy('n').pluck('n')).toEqual([1, 5, 7]);
});

/** An error as the pg driver reports a deadlock victim. */
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

test('a group that fails transiently runs again, and answers as if it had passed the first time', async () => {
  let tries = 0;
  const retried: number[] = [];
  const insert = groupCommit<number, number>(
    () => knex,
    async (trx, jobs) => {
      for (const n of jobs) await trx('items').insert({ n });
      tries += 1;
      // The first try's rows are rolled back with it: the second try inserts them again without a conflict.
      if (tries === 1) throw deadlock();
      return jobs;
    },
    { what: 'items', onTransient: (_error, attempt, retrying) => retrying && retried.push(attempt) },
  );
  expect(await Promise.all([1, 2, 3].map(insert))).toEqual([1, 2, 3]);
  expect(retried).toEqual([1]);
  expect(await knex('items').orderBy('n').pluck('n')).toEqual([1, 2, 3]);
});

test('a group still failing transiently after every try fails with 503 and Retry-After; other errors are not retried', async () => {
  let tries = 0;
  const insert = groupCommit<number, number>(
    () => knex,
    async (trx, jobs) => {
      tries += 1;
      for (const n of jobs) await trx('items').insert({ n });
      if (jobs.includes(13)) throw deadlock();
      if (jobs.includes(14)) throw new Error('not transient');
      return jobs;
    },
    { what: 'items' },
  );
  const busy = await insert(13).catch((error: unknown) => error);
  expect(busy).toMatchObject({ status: 503, retryAfter: 1, message: expect.stringMatching(/busy.*items.*Try again/) });
  expect(tries).toBe(4);
  await expect(insert(14)).rejects.toThrow('not transient');
  expect(tries).toBe(5);
  expect(await knex('items').pluck('n')).toEqual([]);
});
