import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { CASE_PARTS, UID } from '../constants';
import { columnOf, joinTableOf, tableOf } from '../database';
import type { PartIds } from './links';

type PartUID = (typeof CASE_PARTS)[number];
type Row = Record<string, unknown>;
type RelationAttribute = { type: string; target?: string; mappedBy?: string; required?: boolean };

const isPart = (uid: string | undefined): uid is PartUID => (CASE_PARTS as readonly string[]).includes(uid ?? '');

const on = (strapi: Core.Strapi, table: string, trx: Knex.Transaction) => strapi.db.getConnection(table).transacting(trx);

/** The relation attributes of a part kept in a link table: those it owns (`owned`) or all, inverse sides included. */
const linkedAttributes = (strapi: Core.Strapi, uid: PartUID, owned: boolean): Array<[string, RelationAttribute]> =>
  Object.entries(strapi.getModel(uid).attributes as Record<string, RelationAttribute>).filter(
    ([name, attribute]) => attribute.type === 'relation' && !(owned && attribute.mappedBy) && Boolean((strapi.db.metadata.get(uid) as unknown as { attributes: Record<string, { joinTable?: unknown }> }).attributes[name]?.joinTable),
  );

/** The rows of a case document, raw: its draft (publishedAt null) and its published version, when it has one. */
export const caseRowsOf = async (strapi: Core.Strapi, documentId: string, trx: Knex.Transaction): Promise<{ draft: Row | null; published: Row | null }> => {
  const publishedAt = columnOf(strapi, UID.case, 'publishedAt');
  const rows: Row[] = await on(strapi, tableOf(strapi, UID.case), trx)
    .where(columnOf(strapi, UID.case, 'documentId'), documentId)
    .select('id', publishedAt);
  return { draft: rows.find((row) => row[publishedAt] === null) ?? null, published: rows.find((row) => row[publishedAt] !== null) ?? null };
};

/** Deletes part rows with every link they have (to their case, theme, initiative or metrics), in a few statements whatever their number. */
export const deletePartRows = async (strapi: Core.Strapi, parts: PartIds, trx: Knex.Transaction): Promise<void> => {
  for (const [uid, ids] of parts) {
    if (ids.length === 0) continue;
    for (const [name] of linkedAttributes(strapi, uid, false)) {
      const table = joinTableOf(strapi, uid, name);
      await on(strapi, table.name, trx).whereIn(table.joinColumn.name, ids).delete();
    }
    await on(strapi, tableOf(strapi, uid), trx).whereIn('id', ids).delete();
  }
};

/**
 * Refuses to publish parts whose required fields are empty: Strapi lets a draft be incomplete and checks it when it
 * is published, which for a part is here, with its case (its published version would break `value: Float!`).
 */
const assertComplete = (strapi: Core.Strapi, uid: PartUID, rows: Row[]) => {
  const required = Object.entries(strapi.getModel(uid).attributes as Record<string, RelationAttribute>)
    .filter(([, attribute]) => attribute.required && attribute.type !== 'relation')
    .map(([name]) => [name, columnOf(strapi, uid, name)] as const);
  const missing = rows.flatMap((row) => {
    const empty = required.filter(([, column]) => row[column] === null || row[column] === undefined || row[column] === '').map(([name]) => name);
    return empty.length === 0 ? [] : [{ documentId: row[columnOf(strapi, uid, 'documentId')] as string, missing: empty }];
  });
  if (missing.length > 0) {
    const kind = uid === UID.metric ? '指标' : '举措';
    throw new errors.ValidationError(`案例有${missing.length}个${kind}缺少必填项（${[...new Set(missing.flatMap((part) => part.missing))].join('、')}），补全后才能发布`, { uid, parts: missing });
  }
};

/**
 * Copies a case version's parts (`from`: the part rows one case row links) as the parts of another case row, with
 * `publishedAt` (the case row's own, or null for drafts): publishing a case gives its published row copies of the
 * draft's parts, discarding a draft gives the new draft copies of the published parts. A copy keeps its original's
 * documentId, fields and updatedAt (so the Content Manager sees the two versions as equal), and its links: to the
 * case (now `toCase`), to its theme, and between initiatives and metrics (to the copies). Set-based: a few
 * statements per part type, whatever the number of parts.
 */
export const copyParts = async (strapi: Core.Strapi, from: PartIds, toCase: number, publishedAt: unknown, trx: Knex.Transaction): Promise<void> => {
  // Original id → copy id, per part type: the links between parts follow the copies.
  const copies = new Map<PartUID, Map<number, number>>();
  for (const [uid, ids] of from) {
    const copied = new Map<number, number>();
    copies.set(uid, copied);
    if (ids.length === 0) continue;
    const table = tableOf(strapi, uid);
    const documentIdColumn = columnOf(strapi, uid, 'documentId');
    const publishedAtColumn = columnOf(strapi, uid, 'publishedAt');
    const originals: Row[] = await on(strapi, table, trx).whereIn('id', ids).select('*');
    if (originals.length === 0) continue;
    if (publishedAt !== null) assertComplete(strapi, uid, originals);
    const ofStatus = (query: Knex.QueryBuilder) => (publishedAt === null ? query.whereNull(publishedAtColumn) : query.whereNotNull(publishedAtColumn));
    // A version of the same documents linked to no case (left by an older database) would be a second one.
    const documentIds = originals.map((row) => row[documentIdColumn] as string);
    const leftOver: Row[] = await on(strapi, table, trx).whereIn(documentIdColumn, documentIds).where(ofStatus).select('id');
    if (leftOver.length > 0) await deletePartRows(strapi, new Map([[uid, leftOver.map((row) => Number(row.id))]]), trx);
    await on(strapi, table, trx).insert(originals.map(({ id: _id, ...row }) => ({ ...row, [publishedAtColumn]: publishedAt })));
    // The copies are found again by documentId, whatever order the database returns inserted ids in.
    const inserted: Row[] = await on(strapi, table, trx).whereIn(documentIdColumn, documentIds).where(ofStatus).select('id', documentIdColumn);
    const copyOf = new Map(inserted.map((row) => [row[documentIdColumn] as string, Number(row.id)]));
    for (const original of originals) {
      const copy = copyOf.get(original[documentIdColumn] as string);
      if (copy !== undefined) copied.set(Number(original.id), copy);
    }
  }
  for (const [uid, copied] of copies) {
    if (copied.size === 0) continue;
    for (const [name, attribute] of linkedAttributes(strapi, uid, true)) {
      const table = joinTableOf(strapi, uid, name);
      const links: Row[] = await on(strapi, table.name, trx).whereIn(table.joinColumn.name, [...copied.keys()]).select('*');
      const rows = links.flatMap(({ id: _id, ...link }) => {
        const target = Number(link[table.inverseJoinColumn.name]);
        // A part's case is the case row being given the copies; another part is its copy; a theme (no versions) stays.
        const copiedTarget = attribute.target === UID.case ? toCase : isPart(attribute.target) ? copies.get(attribute.target)?.get(target) : target;
        if (copiedTarget === undefined) return [];
        return [{ ...link, [table.joinColumn.name]: copied.get(Number(link[table.joinColumn.name])), [table.inverseJoinColumn.name]: copiedTarget }];
      });
      if (rows.length > 0) await on(strapi, table.name, trx).insert(rows);
    }
  }
};

/**
 * Each version of a case links only the same version of its parts, and a part only the same version of another:
 * on a database from before parts had versions, Strapi's migration gave every part a draft and left the old links,
 * so that a case's draft also linked the published parts and its published version the drafts. Removes such
 * crossed links, at start, in a few statements (none removed on a database written since). Returns how many.
 */
export const separateVersions = async (strapi: Core.Strapi): Promise<number> => {
  const crossed = (knex: Knex) =>
    CASE_PARTS.flatMap((uid) =>
      linkedAttributes(strapi, uid, true)
        .filter(([, attribute]) => attribute.target === UID.case || isPart(attribute.target))
        .flatMap(([name, attribute]) => {
          const table = joinTableOf(strapi, uid, name);
          const rowsOf = (of: string, published: boolean) => {
            const query = knex(tableOf(strapi, of)).select('id');
            const column = columnOf(strapi, of, 'publishedAt');
            return published ? query.whereNotNull(column) : query.whereNull(column);
          };
          return [true, false].map((published) =>
            knex(table.name).whereIn(table.joinColumn.name, rowsOf(uid, published)).whereIn(table.inverseJoinColumn.name, rowsOf(attribute.target!, !published)),
          );
        }),
    );
  // Read first, write only when there is something to remove: a start never takes the write lock for nothing
  // (on SQLite, an import command may start beside a running CMS).
  let found = 0;
  for (const query of crossed(strapi.db.connection)) found += Number(((await query.clone().count({ count: '*' })) as Array<{ count: unknown }>)[0]?.count ?? 0);
  if (found === 0) return 0;
  return strapi.db.transaction(async ({ trx }) => {
    let removed = 0;
    for (const query of crossed(strapi.db.connection)) removed += await query.transacting(trx).delete();
    return removed;
  });
};
