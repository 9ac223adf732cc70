import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Plugin-owned tables: Strapi's schema sync only manages the tables of its content types and leaves these alone. */
export const CASE_INDEX_TABLE = 'casebook_case_index';
export const CASE_INDEX_FTS_TABLE = 'casebook_case_index_fts';
export const COUNTERS_TABLE = 'casebook_case_counters';

export type Dialect = 'sqlite' | 'postgres';

export const dialectOf = (strapi: Core.Strapi): Dialect => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite' || client === 'postgres') return client;
  throw new Error(`Casebook's showcase API runs on SQLite or PostgreSQL, not ${client}`);
};

/** SQL for "where the bound string starts in column, 0 when absent", per dialect. */
export const positionSql = (dialect: Dialect, column: string) => (dialect === 'sqlite' ? `instr(${column}, ?)` : `strpos(${column}, ?::text)`);

/**
 * Creates the case index and the counters table when missing. The case index has one row per published case:
 * its publication date (the source's, else the day it was published), by which lists sort and filter through an
 * index, and the search form of what is searched, which SQLite indexes with FTS5 and PostgreSQL with a GIN index
 * on its grams.
 */
export const ensureTables = async (knex: Knex, dialect: Dialect): Promise<void> => {
  if (!(await knex.schema.hasTable(CASE_INDEX_TABLE))) {
    await knex.schema.createTable(CASE_INDEX_TABLE, (table) => {
      table.integer('case_id').primary();
      table.string('document_id', 255).notNullable().unique();
      table.string('published_on', 10).notNullable();
      table.text('title').notNullable();
      table.text('summary').notNullable();
      table.text('initiatives').notNullable();
      table.text('body').notNullable();
      if (dialect === 'postgres') table.specificType('grams', 'text[]').notNullable();
      table.index(['published_on', 'case_id'], `${CASE_INDEX_TABLE}_published_on`);
    });
    if (dialect === 'postgres') await knex.raw(`create index ${CASE_INDEX_TABLE}_grams on ${CASE_INDEX_TABLE} using gin (grams)`);
  }
  if (dialect === 'sqlite' && !(await knex.schema.hasTable(CASE_INDEX_FTS_TABLE))) {
    // Contentless: the text lives in CASE_INDEX_TABLE; the FTS table keeps only its index, keyed by the case row id.
    await knex.raw(`create virtual table ${CASE_INDEX_FTS_TABLE} using fts5(tokens, content='', contentless_delete=1)`);
  }
  if (!(await knex.schema.hasTable(COUNTERS_TABLE))) {
    await knex.schema.createTable(COUNTERS_TABLE, (table) => {
      table.string('document_id', 255).primary();
      table.integer('votes').notNullable().defaultTo(0);
      table.integer('views').notNullable().defaultTo(0);
    });
  }
};
