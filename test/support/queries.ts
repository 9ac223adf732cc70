import type { Knex } from 'knex';

type QueryEvent = { sql: string; __knexUid?: string };
type Recorded = { sql: string; connection: string | undefined; setup: boolean };

/**
 * Runs `action` and returns the SQL statements the database connection ran meanwhile (knex's query events).
 *
 * `queries` leaves out `connectionSetup`: what a connection the pool opens meanwhile runs before the pool hands it
 * out (Strapi's dialect initialize: `SET search_path` on PostgreSQL, `pragma foreign_keys` on SQLite). The pool opens
 * one whenever a request needs more connections at once than it holds idle, and on PostgreSQL it holds fewer after a
 * quiet half minute (it closes connections idle for 30 s, down to none) or after the server ended some: how many
 * open depends on what happened before the request, not on the request.
 */
export const recordQueries = async <T>(
  strapi: { db: { connection: Knex } },
  action: () => Promise<T>,
): Promise<{ result: T; queries: string[]; connectionSetup: string[] }> => {
  const knex = strapi.db.connection;
  const pool = knex.client.pool;
  const recorded: Recorded[] = [];
  const listen = (query: QueryEvent) => recorded.push({ sql: query.sql, connection: query.__knexUid, setup: false });
  // The pool announces a new connection once its setup has run, before anyone can use it: what that connection
  // ran until then was its setup.
  const created = (_event: number, connection: { __knexUid?: string }) => {
    for (const entry of recorded) if (entry.connection === connection.__knexUid) entry.setup = true;
  };
  knex.on('query', listen);
  pool?.on('createSuccess', created);
  try {
    const result = await action();
    // A connection opened for this action may still be on its way: wait for it to be announced.
    while (pool && pool.numPendingCreates() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      result,
      queries: recorded.filter((entry) => !entry.setup).map((entry) => entry.sql),
      connectionSetup: recorded.filter((entry) => entry.setup).map((entry) => entry.sql),
    };
  } finally {
    knex.off('query', listen);
    pool?.removeListener('createSuccess', created);
  }
};

/** Fails when `queries` holds more than `budget` statements, listing them all: which one was too many, and why, shows. */
export const expectWithinBudget = (queries: readonly string[], budget: number): void => {
  if (queries.length <= budget) return;
  throw new Error(`${queries.length} SQL statements, over the budget of ${budget}:\n${queries.map((sql, index) => `  ${index + 1}. ${sql}`).join('\n')}`);
};
