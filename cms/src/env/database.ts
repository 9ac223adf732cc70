import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { APP_DIR } from './secrets';

type Env = Core.Config.Shared.ConfigParams['env'];

export const DEFAULT_SQLITE_FILE = '.tmp/data.db';

/** DATABASE_FILENAME is taken as it is when absolute, relative to cms/ otherwise. */
export const sqliteFilename = (value: string | undefined): string =>
  path.resolve(APP_DIR, value && value.trim() !== '' ? value : DEFAULT_SQLITE_FILE);

/** The knex connection settings Strapi's database layer takes, for SQLite (default) or PostgreSQL. */
export const databaseConnection = (env: Env) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };

  if (client === 'sqlite') {
    return {
      client: 'sqlite' as const,
      connection: { filename: sqliteFilename(env('DATABASE_FILENAME')) },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) => {
          // WAL lets readers run while a write commits; with it, synchronous=NORMAL is SQLite's recommended
          // setting (no fsync per commit, and no corruption on a crash); busy_timeout waits for a lock instead of failing.
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          connection.pragma('busy_timeout = 5000');
          connection.pragma('foreign_keys = ON');
          done(null, connection);
        },
      },
    };
  }

  if (client === 'postgres') {
    const ssl = env.bool('DATABASE_SSL', false)
      ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
      : false;
    const url = env('DATABASE_URL');
    return {
      client: 'postgres' as const,
      connection: url
        ? { connectionString: url, ssl, schema: env('DATABASE_SCHEMA', 'public') }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', 5432),
            database: env('DATABASE_NAME', 'casebook'),
            user: env('DATABASE_USERNAME', 'postgres'),
            password: env('DATABASE_PASSWORD', ''),
            ssl,
            schema: env('DATABASE_SCHEMA', 'public'),
          },
      pool,
    };
  }

  throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
};
