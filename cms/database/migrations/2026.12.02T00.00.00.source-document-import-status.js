'use strict';

/**
 * SourceDocument.status became importStatus: Strapi 5 keeps `status` for a document's draft/published state, and
 * the Content Manager showed the field as "Published" and as empty. Strapi runs this before its schema sync, which
 * would otherwise drop the old column with the values of a database made before the rename.
 */
module.exports = {
  async up(knex) {
    const table = 'casebook_source_documents';
    if (!(await knex.schema.hasTable(table))) return;
    if (!(await knex.schema.hasColumn(table, 'status')) || (await knex.schema.hasColumn(table, 'import_status'))) return;
    await knex.schema.alterTable(table, (columns) => columns.renameColumn('status', 'import_status'));
  },
};
