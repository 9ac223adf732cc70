import type { Core } from '@strapi/strapi';

/** Runs `action` and returns the SQL statements the database connection ran meanwhile (knex's query events). */
export const recordQueries = async <T>(strapi: Core.Strapi, action: () => Promise<T>): Promise<{ result: T; queries: string[] }> => {
  const queries: string[] = [];
  const listen = (query: { sql: string }) => queries.push(query.sql);
  strapi.db.connection.on('query', listen);
  try {
    const result = await action();
    return { result, queries };
  } finally {
    strapi.db.connection.off('query', listen);
  }
};
