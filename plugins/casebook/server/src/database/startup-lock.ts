import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { connectionOf, dialectOf } from './dialect';

/** The advisory lock's key: one per database, whatever the schema. */
const LOCK_NAME = 'casebook:startup';

/** How long the first connection of a start may take before the start fails. */
const CONNECT_TIMEOUT_MS = 10_000;

const held = new WeakMap<Core.Strapi, Client>();

/**
 * Takes the startup lock: a PostgreSQL session advisory lock, on a connection of its own, that one instance at a
 * time holds from before Strapi's schema sync to after the first admin and the seed are written. Instances started
 * together on one database wait for each other here instead of racing (two schema syncs creating the same types,
 * two seeds importing the same documents twice). An instance that dies holding it loses its connection, and
 * PostgreSQL frees the lock. SQLite has one process per database file: no lock.
 */
export const lockStartup = async (strapi: Core.Strapi): Promise<void> => {
  if (dialectOf(strapi) !== 'postgres' || held.has(strapi)) return;
  const client = new Client({ ...connectionOf(strapi), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    // The first connection of a start: say where it went and what to check, rather than a bare ECONNREFUSED.
    const { code, message } = error as { code?: string; message?: string };
    throw new Error(
      `Casebook cannot reach its PostgreSQL database ${client.database ?? ''} at ${client.host}:${client.port} (${[code, message ?? String(error)].filter(Boolean).join(': ')}). ` +
        'Check that PostgreSQL is running and that DATABASE_URL, or DATABASE_HOST, DATABASE_PORT, DATABASE_NAME, DATABASE_USERNAME and DATABASE_PASSWORD, point at it.',
    );
  }
  // An error on this idle connection (the server restarting) must not crash the process: the lock goes with it.
  client.on('error', () => undefined);
  const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [LOCK_NAME]);
  if (!rows[0]!.locked) {
    strapi.log.info('[casebook] another instance is starting on this database: waiting for it to finish');
    await client.query('select pg_advisory_lock(hashtext($1))', [LOCK_NAME]);
  }
  held.set(strapi, client);
};

/** Gives the startup lock up (see lockStartup): once this instance's schema, admin and seed are in place. */
export const unlockStartup = async (strapi: Core.Strapi): Promise<void> => {
  const client = held.get(strapi);
  if (!client) return;
  held.delete(strapi);
  // Closing the session frees its advisory locks.
  await client.end().catch(() => undefined);
};
