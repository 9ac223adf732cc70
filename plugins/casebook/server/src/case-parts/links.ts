import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { CASE_PARTS } from '../constants';
import { joinTableOf } from '../database';

type PartUID = (typeof CASE_PARTS)[number];

/** A link table on the caller's transaction, in the connection's schema. */
const linkTable = (strapi: Core.Strapi, name: string, trx: Knex.Transaction) => strapi.db.getConnection(name).transacting(trx);

/** Ids of initiatives and of metrics. */
export type PartIds = Map<PartUID, number[]>;

/**
 * The initiatives and metrics linked to the given case rows. A case's draft and published rows each link their
 * parts: the draft links the parts' drafts, the published version their published versions (see versions.ts).
 */
export const partsLinkedTo = async (strapi: Core.Strapi, caseRowIds: number[], trx: Knex.Transaction): Promise<PartIds> => {
  const parts: PartIds = new Map();
  for (const uid of CASE_PARTS) {
    const table = joinTableOf(strapi, uid, 'case');
    const rows: Array<Record<string, number>> =
      caseRowIds.length === 0 ? [] : await linkTable(strapi, table.name, trx).whereIn(table.inverseJoinColumn.name, caseRowIds).select(table.joinColumn.name);
    parts.set(uid, [...new Set(rows.map((row) => row[table.joinColumn.name]!))]);
  }
  return parts;
};

/** Deletes those of `parts` that no case row links any more: a part belongs to the versions of its case, not to itself. */
export const deleteUnlinked = async (strapi: Core.Strapi, parts: PartIds, trx: Knex.Transaction): Promise<void> => {
  for (const [uid, ids] of parts) {
    if (ids.length === 0) continue;
    const table = joinTableOf(strapi, uid, 'case');
    const linked = new Set((await linkTable(strapi, table.name, trx).whereIn(table.joinColumn.name, ids).select(table.joinColumn.name)).map((row: Record<string, number>) => row[table.joinColumn.name]));
    const unlinked = ids.filter((id) => !linked.has(id));
    if (unlinked.length > 0) await strapi.db.query(uid).deleteMany({ where: { id: { $in: unlinked } } });
  }
};

/**
 * Unlinks one version's row of a case from its parts, so that it can be given new ones: the parts another
 * version (the published one) still shows stay as they are, the rest are deleted.
 */
export const detachParts = async (strapi: Core.Strapi, caseRowId: number, trx: Knex.Transaction, uids: readonly PartUID[] = CASE_PARTS): Promise<void> => {
  const parts = await partsLinkedTo(strapi, [caseRowId], trx);
  for (const uid of CASE_PARTS) if (!uids.includes(uid)) parts.delete(uid);
  for (const uid of uids) {
    const table = joinTableOf(strapi, uid, 'case');
    await linkTable(strapi, table.name, trx).where(table.inverseJoinColumn.name, caseRowId).delete();
  }
  await deleteUnlinked(strapi, parts, trx);
};

/** Unlinks one part from one version's row of a case (an editor rejected it), deleting it unless another version still shows it. */
export const detachPart = async (strapi: Core.Strapi, uid: PartUID, partId: number, caseRowId: number, trx: Knex.Transaction): Promise<void> => {
  const table = joinTableOf(strapi, uid, 'case');
  await linkTable(strapi, table.name, trx).where(table.inverseJoinColumn.name, caseRowId).andWhere(table.joinColumn.name, partId).delete();
  await deleteUnlinked(strapi, new Map([[uid, [partId]]]), trx);
};
