import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';

/** Whether Strapi's database is PostgreSQL (SQLite otherwise). Known from the configuration: usable in register. */
export const isPostgres = (strapi: Core.Strapi): boolean => strapi.db.config.connection.client === 'postgres';

/** The settings of Strapi's PostgreSQL connections, for a connection of our own outside its pool. */
export const connectionOf = (strapi: Core.Strapi): ClientConfig => {
  const { connection } = strapi.db.config.connection as unknown as { connection: ClientConfig & { schema?: string } };
  const { schema: _schema, ...config } = connection;
  return config;
};
