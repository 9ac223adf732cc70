import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { columnOf, dialectOf, joinTableOf, tableOf, targetOf } from '../database';
import { ftsDocument, searchForm, textGrams } from './search-text';
import { CASE_INDEX_FTS_TABLE, CASE_INDEX_TABLE, ensureTables } from './tables';
import { serviceAccessor } from '../plugin-services';

const REBUILD_BATCH = 500;

type IndexedCase = { id: number; documentId: string; title: string; summary: string | null; body: string | null; sourceDate: string | Date | null; publishedAt: string | number | Date };

/**
 * The index of published cases: their publication date, and title, summary, body and initiative names in their
 * search form.
 * It follows every write of a case or an initiative (document middleware) inside the writer's transaction,
 * and is rebuilt at start when it does not match the published cases.
 */
const searchIndexService = ({ strapi }: { strapi: Core.Strapi }) => {
  const dialect = () => dialectOf(strapi);

  const publishedCases = async (trx: Knex, where: (query: Knex.QueryBuilder) => void): Promise<IndexedCase[]> => {
    const column = (attribute: string) => `c.${columnOf(strapi, UID.case, attribute)}`;
    const link = joinTableOf(strapi, UID.case, 'source');
    const source = targetOf(strapi, UID.case, 'source');
    const query = trx(`${tableOf(strapi, UID.case)} as c`)
      .leftJoin(`${link.name} as sl`, (on) => {
        on.on(`sl.${link.joinColumn.name}`, 'c.id');
        for (const [name, value] of Object.entries(link.on ?? {})) on.andOnVal(`sl.${name}`, value);
      })
      .leftJoin(`${tableOf(strapi, source)} as src`, 'src.id', `sl.${link.inverseJoinColumn.name}`)
      .select({
        id: 'c.id',
        documentId: column('documentId'),
        title: column('title'),
        summary: column('summary'),
        body: column('body'),
        publishedAt: column('publishedAt'),
        sourceDate: `src.${columnOf(strapi, source, 'date')}`,
      })
      .whereNotNull(column('publishedAt'))
      .orderBy('c.id');
    where(query);
    return query;
  };

  /** The day a case appeared: its source's date, else the day it was published here. */
  const publishedOn = (row: IndexedCase): string => {
    if (row.sourceDate) return row.sourceDate instanceof Date ? row.sourceDate.toISOString().slice(0, 10) : String(row.sourceDate).slice(0, 10);
    const published = row.publishedAt instanceof Date ? row.publishedAt : new Date(row.publishedAt);
    return published.toISOString().slice(0, 10);
  };

  const initiativeNames = async (trx: Knex, caseIds: number[]): Promise<Map<number, string[]>> => {
    const link = joinTableOf(strapi, UID.case, 'initiatives');
    const rows: Array<{ caseId: number; name: string | null }> = await trx(`${link.name} as l`)
      .join(`${tableOf(strapi, UID.initiative)} as i`, 'i.id', `l.${link.inverseJoinColumn.name}`)
      .whereIn(`l.${link.joinColumn.name}`, caseIds)
      .orderBy([`l.${link.joinColumn.name}`, `l.${link.orderColumnName ?? 'id'}`])
      .select({ caseId: `l.${link.joinColumn.name}`, name: `i.${columnOf(strapi, UID.initiative, 'name')}` });
    const names = new Map<number, string[]>();
    for (const row of rows) if (row.name) names.set(row.caseId, [...(names.get(row.caseId) ?? []), row.name]);
    return names;
  };

  const write = async (trx: Knex, cases: IndexedCase[]) => {
    if (cases.length === 0) return;
    const names = await initiativeNames(trx, cases.map((row) => row.id));
    const rows = cases.map((row) => ({
      case_id: row.id,
      document_id: row.documentId,
      published_on: publishedOn(row),
      title: searchForm(row.title ?? ''),
      summary: searchForm(row.summary ?? ''),
      initiatives: searchForm((names.get(row.id) ?? []).join('\n')),
      body: searchForm(row.body ?? ''),
    }));
    if (dialect() === 'postgres') {
      await trx(CASE_INDEX_TABLE).insert(rows.map((row) => ({ ...row, grams: textGrams([row.title, row.summary, row.initiatives, row.body].join('\n')) })));
    } else {
      await trx(CASE_INDEX_TABLE).insert(rows);
      await trx(CASE_INDEX_FTS_TABLE).insert(
        rows.map((row) => ({ rowid: row.case_id, tokens: ftsDocument([row.title, row.summary, row.initiatives, row.body].join('\n')) })),
      );
    }
  };

  const remove = async (trx: Knex, documentIds: string[]) => {
    if (dialect() === 'sqlite') {
      await trx(CASE_INDEX_FTS_TABLE)
        .whereIn('rowid', trx(CASE_INDEX_TABLE).select('case_id').whereIn('document_id', documentIds))
        .delete();
    }
    await trx(CASE_INDEX_TABLE).whereIn('document_id', documentIds).delete();
  };

  return {
    async ensureTables() {
      await ensureTables(strapi.db.connection, dialect());
    },

    /** Brings the index of these case documents up to date: their published versions in, everything else out. */
    async reindex(documentIds: string[]): Promise<void> {
      const unique = [...new Set(documentIds)];
      if (unique.length === 0) return;
      await strapi.db.transaction(async ({ trx }) => {
        await remove(trx, unique);
        await write(trx, await publishedCases(trx, (query) => query.whereIn(`c.${columnOf(strapi, UID.case, 'documentId')}`, unique)));
      });
    },

    /** Rebuilds the whole index, in batches, in one transaction. Returns the number of indexed cases. */
    async rebuild(): Promise<number> {
      return strapi.db.transaction(async ({ trx }) => {
        if (dialect() === 'sqlite') await trx(CASE_INDEX_FTS_TABLE).delete();
        await trx(CASE_INDEX_TABLE).delete();
        let indexed = 0;
        for (let after = 0; ; ) {
          const batch = await publishedCases(trx, (query) => query.where('c.id', '>', after).limit(REBUILD_BATCH));
          if (batch.length === 0) return indexed;
          await write(trx, batch);
          indexed += batch.length;
          after = batch[batch.length - 1]!.id;
        }
      });
    },

    /** How many cases the index holds. */
    async size(): Promise<number> {
      const [{ cases }] = await strapi.db.connection(CASE_INDEX_TABLE).count({ cases: '*' });
      return Number(cases);
    },

    /** True when the index holds exactly the published case rows. */
    async isFresh(): Promise<boolean> {
      const knex = strapi.db.connection;
      const cases = tableOf(strapi, UID.case);
      const [{ stale }] = await knex
        .select({
          stale: knex.raw(
            `(select count(*) from ${cases} c where c.${columnOf(strapi, UID.case, 'publishedAt')} is not null
               and not exists (select 1 from ${CASE_INDEX_TABLE} s where s.case_id = c.id))
             + (select count(*) from ${CASE_INDEX_TABLE} s where not exists
               (select 1 from ${cases} c where c.id = s.case_id and c.${columnOf(strapi, UID.case, 'publishedAt')} is not null))`,
          ),
        });
      return Number(stale) === 0;
    },
  };
};

export default searchIndexService;

export type SearchIndexService = ReturnType<typeof searchIndexService>;

/** The `search-index` service of a running Strapi. */
export const searchIndexOf = serviceAccessor<SearchIndexService>('search-index');
