import knex, { type Knex } from 'knex';
import { expectWithinBudget, recordQueries } from '../support/queries';

/** A knex whose pool closes a connection idle for a millisecond and sets each new one up, as Strapi's dialect does. */
const SETUP = 'pragma foreign_keys = on';
let db: Knex;

beforeAll(() => {
  db = knex({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
    pool: {
      min: 0,
      max: 1,
      idleTimeoutMillis: 1,
      reapIntervalMillis: 5,
      afterCreate: (connection: unknown, done: (error: Error | null, connection: unknown) => void) => {
        db.raw(SETUP)
          .connection(connection)
          .then(
            () => done(null, connection),
            (error: Error) => done(error, connection),
          );
      },
    },
  });
});

afterAll(async () => {
  await db.destroy();
});

const idlePoolClosed = async () => {
  await db.raw('select 1');
  while (db.client.pool!.numFree() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('recordQueries', () => {
  test('leaves out the setup of a connection the pool opens meanwhile, and keeps the statements of the action', async () => {
    await idlePoolClosed();
    const { result, queries, connectionSetup } = await recordQueries({ db: { connection: db } }, async () => {
      const [row] = await db.raw('select 41 + 1 as answer');
      await db.raw('select 2');
      return row;
    });
    expect(result).toEqual({ answer: 42 });
    expect(queries).toEqual(['select 41 + 1 as answer', 'select 2']);
    expect(connectionSetup).toEqual([SETUP]);
  });

  test('counts every statement run on a connection the pool already held', async () => {
    await db.raw('select 1');
    const { queries, connectionSetup } = await recordQueries({ db: { connection: db } }, () => db.raw(SETUP));
    expect(queries).toEqual([SETUP]);
    expect(connectionSetup).toEqual([]);
  });
});

describe('expectWithinBudget', () => {
  test('passes at or under the budget and fails over it, listing the statements', () => {
    expectWithinBudget(['select 1', 'select 2'], 2);
    expectWithinBudget([], 2);
    expect(() => expectWithinBudget(['select 1', 'select 2', 'select "extra"'], 2)).toThrow(/^3 SQL statements, over the budget of 2:\n {2}1\. select 1\n {2}2\. select 2\n {2}3\. select "extra"$/);
  });
});
