import type { Knex } from 'knex';
import type { Dialect } from '../database';

/** The search index's tables, which the plugin owns: Strapi's schema sync only manages its content types' tables. */
export const CASE_INDEX_TABLE = 'casebook_case_index';
export const CASE_INDEX_FTS_TABLE = 'casebook_case_index_fts';
/** PostgreSQL: the ids of indexed cases whose grams hold every given gram, always through the GIN index. */
export const CASES_WITH_GRAMS_FUNCTION = 'casebook_cases_with_grams';
const GRAMS_INDEX = `${CASE_INDEX_TABLE}_grams`;

/** SQL for "where the bound string starts in column, 0 when absent", per dialect. */
export const positionSql = (dialect: Dialect, column: string) => (dialect === 'sqlite' ? `instr(${column}, ?)` : `strpos(${column}, ?::text)`);

/**
 * The grams index and its lookup function, on PostgreSQL.
 *
 * A search must read the grams through the GIN index: a scan that tests `grams @>` row by row detoasts every
 * row's array (kilobytes out of line), about 15 µs a row, and the planner does not count that cost, so it
 * chooses such scans for common terms (党建, in all 10,000 bench cases: 190 ms a statement, 10 ms through the
 * function below, 2 ms for a bare bitmap scan of the index). The lookup runs in a function whose own
 * `enable_seqscan = off` leaves the index the only path for that one statement; every other statement is
 * planned as usual.
 *
 * The index does not batch its updates (`fastupdate = off`): the pending list it would otherwise keep until
 * the next vacuum (up to 4 MB) is read in full by every search and makes the planner shy of the index.
 */
const ensureGramsLookup = async (knex: Knex) => {
  const { rows } = await knex.raw<{ rows: Array<{ options: string[] | null }> }>('select reloptions as options from pg_class where oid = to_regclass(?)', [GRAMS_INDEX]);
  if (!rows[0]?.options?.includes('fastupdate=off')) {
    await knex.raw(`alter index ${GRAMS_INDEX} set (fastupdate = off)`);
    await knex.raw('select gin_clean_pending_list(?::regclass)', [GRAMS_INDEX]);
  }
  await knex.raw(
    `create or replace function ${CASES_WITH_GRAMS_FUNCTION}(wanted text[]) returns setof integer language sql stable
       set enable_seqscan = off
       as $$ select case_id from ${CASE_INDEX_TABLE} where grams @> wanted $$`,
  );
};

/**
 * Creates the case index when missing. The case index has one row per published case:
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
    if (dialect === 'postgres') await knex.raw(`create index ${GRAMS_INDEX} on ${CASE_INDEX_TABLE} using gin (grams) with (fastupdate = off)`);
  }
  if (dialect === 'postgres') await ensureGramsLookup(knex);
  if (dialect === 'sqlite' && !(await knex.schema.hasTable(CASE_INDEX_FTS_TABLE))) {
    // Contentless: the text lives in CASE_INDEX_TABLE; the FTS table keeps only its index, keyed by the case row id.
    await knex.raw(`create virtual table ${CASE_INDEX_FTS_TABLE} using fts5(tokens, content='', contentless_delete=1)`);
  }
};
