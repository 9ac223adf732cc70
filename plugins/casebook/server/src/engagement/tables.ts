import type { Knex } from 'knex';

/** Engagement's own tables: Strapi's schema sync only manages its content types' tables and leaves these alone. */
export const COUNTERS_TABLE = 'casebook_case_counters';
export const BALLOTS_TABLE = 'casebook_ballots';
export const VIEW_MARKS_TABLE = 'casebook_view_marks';
export const IDEMPOTENCY_TABLE = 'casebook_idempotency';

/**
 * Creates, when missing, the tables of votes and reads, keyed by a case's documentId so that publishing, unpublishing and editing never touch them:
 * a counter row per case (votes, views, and when the case reached its vote count, for ranking ties); a ballot
 * per (voter key, case, period), whose unique key decides whether a vote counts; the last counted read per
 * (voter key, case), for the read window; and the first answer to each Idempotency-Key. Times are epoch ms.
 */
export const ensureTables = async (knex: Knex): Promise<void> => {
  if (!(await knex.schema.hasTable(COUNTERS_TABLE))) {
    await knex.schema.createTable(COUNTERS_TABLE, (table) => {
      table.string('document_id', 255).primary();
      table.integer('votes').notNullable().defaultTo(0);
      table.integer('views').notNullable().defaultTo(0);
      table.bigInteger('voted_at');
      table.index(['votes', 'voted_at'], `${COUNTERS_TABLE}_ranking`);
    });
  } else if (!(await knex.schema.hasColumn(COUNTERS_TABLE, 'voted_at'))) {
    await knex.schema.alterTable(COUNTERS_TABLE, (table) => {
      table.bigInteger('voted_at');
      table.index(['votes', 'voted_at'], `${COUNTERS_TABLE}_ranking`);
    });
  }
  if (!(await knex.schema.hasTable(BALLOTS_TABLE))) {
    await knex.schema.createTable(BALLOTS_TABLE, (table) => {
      table.bigIncrements('id').primary();
      table.string('voter_key', 64).notNullable();
      table.string('document_id', 255).notNullable();
      table.string('period', 80).notNullable();
      table.string('campaign_id', 255);
      table.bigInteger('cast_at').notNullable();
      table.unique(['voter_key', 'document_id', 'period'], { indexName: `${BALLOTS_TABLE}_once` });
      table.index(['campaign_id', 'id'], `${BALLOTS_TABLE}_campaign`);
    });
  }
  if (!(await knex.schema.hasTable(VIEW_MARKS_TABLE))) {
    await knex.schema.createTable(VIEW_MARKS_TABLE, (table) => {
      table.string('voter_key', 64).notNullable();
      table.string('document_id', 255).notNullable();
      table.bigInteger('viewed_at').notNullable();
      table.primary(['voter_key', 'document_id']);
      table.index(['viewed_at'], `${VIEW_MARKS_TABLE}_viewed_at`);
    });
  }
  if (!(await knex.schema.hasTable(IDEMPOTENCY_TABLE))) {
    await knex.schema.createTable(IDEMPOTENCY_TABLE, (table) => {
      table.string('key', 64).primary();
      table.string('request', 64).notNullable();
      table.text('answer');
      table.bigInteger('created_at').notNullable();
      table.index(['created_at'], `${IDEMPOTENCY_TABLE}_created_at`);
    });
  }
};
