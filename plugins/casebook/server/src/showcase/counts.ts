import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { columnOf, joinTableOf, tableOf } from '../database';

/** Published cases per hospital row, as `{ hospitalId, cases }` rows of one grouped query (of `hospitalIds` when given). */
export const publishedCaseCounts = (strapi: Core.Strapi, hospitalIds?: readonly number[]) => {
  const link = joinTableOf(strapi, UID.hospital, 'cases');
  const query = strapi.db
    .connection(`${link.name} as hl`)
    .join(`${tableOf(strapi, UID.case)} as c`, 'c.id', `hl.${link.inverseJoinColumn.name}`)
    .whereNotNull(`c.${columnOf(strapi, UID.case, 'publishedAt')}`)
    .groupBy(`hl.${link.joinColumn.name}`)
    .select({ hospitalId: `hl.${link.joinColumn.name}` })
    .count({ cases: '*' });
  if (hospitalIds) query.whereIn(`hl.${link.joinColumn.name}`, hospitalIds);
  return query;
};

/** How many published cases each hospital row of `hospitalIds` has, in their order. */
export const countPublishedCases = async (strapi: Core.Strapi, hospitalIds: readonly number[]) => {
  const rows = (await publishedCaseCounts(strapi, hospitalIds)) as Array<{ hospitalId: number; cases: number | string }>;
  const counts = new Map(rows.map((row) => [Number(row.hospitalId), Number(row.cases)]));
  return hospitalIds.map((id) => counts.get(id) ?? 0);
};
