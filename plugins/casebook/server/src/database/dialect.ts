import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

/** Strapi's database: SQLite or PostgreSQL, the two Casebook runs on. Known once the database is created: usable in register. */
export const dialectOf = (strapi: Core.Strapi): Dialect => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite' || client === 'postgres') return client;
  throw new Error(`Casebook runs on SQLite or PostgreSQL, not ${client}`);
};

/** The settings of Strapi's PostgreSQL connections, for a connection of our own outside its pool. */
export const connectionOf = (strapi: Core.Strapi): ClientConfig => {
  const { connection } = strapi.db.config.connection as unknown as { connection: ClientConfig & { schema?: string } };
  const { schema: _schema, ...config } = connection;
  return config;
};
