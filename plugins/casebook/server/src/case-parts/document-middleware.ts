import type { Core, Modules } from '@strapi/strapi';
import { deleteUnlinked, partsLinkedTo } from './links';
import { UID } from '../constants';

// What replaces one version of a case by another (or removes one), leaving the parts only it linked behind.
const REPLACES_A_VERSION = new Set(['publish', 'unpublish', 'discardDraft']);

/**
 * A re-import gives a case's draft new initiatives and metrics and leaves the published version's alone. Publishing
 * the draft then replaces the published row, discarding it brings the published parts back to the draft: either
 * way the parts that only the replaced row linked belong to no case any more, and are deleted in the same transaction.
 */
export const casePartsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const { documentId } = context.params as { documentId?: string };
    if (context.uid !== UID.case || !REPLACES_A_VERSION.has(context.action) || !documentId) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const rows = (await strapi.db.query(UID.case).findMany({ select: ['id'], where: { documentId } })) as Array<{ id: number }>;
      const parts = await partsLinkedTo(strapi, rows.map((row) => row.id), trx);
      const result = await next();
      await deleteUnlinked(strapi, parts, trx);
      return result;
    });
  };
