import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { partsLinkedTo, type PartIds } from './links';
import { caseRowsOf, copyParts, deletePartRows } from './versions';
import { CASE_PARTS, UID } from '../constants';
import { columnOf } from '../database';

export const PARTS_PUBLISH_WITH_CASE = '举措和指标随所属案例一起发布和撤回，请发布或撤回案例（initiatives and metrics are published and unpublished with their case）';

type Params = { documentId?: string; status?: string };
type Result = { documentId?: string; entries?: Array<{ documentId?: string }> } | null | undefined;

/** Which version of a case an action replaces: its published one (publish), its draft (discardDraft), or none left (unpublish). */
const versionChange = (action: string, params: Params): 'publish' | 'unpublish' | 'discardDraft' | null => {
  if (action === 'publish' || action === 'unpublish' || action === 'discardDraft') return action;
  // create and update publish too when asked to, without going through `publish` (the document service calls it inside).
  if ((action === 'create' || action === 'update') && params.status === 'published') return 'publish';
  return null;
};

/**
 * Whether a part being written or published is one of a case's: its data names a case, or a version of it links one.
 * A part of no case (a full-access token's create) may be published: the public sees parts of published cases only.
 */
const belongsToCase = async (strapi: Core.Strapi, uid: string, params: Params & { data?: { case?: unknown } }): Promise<boolean> => {
  if (params.data?.case !== undefined && params.data.case !== null) return true;
  if (!params.documentId) return false;
  return (await strapi.db.query(uid as (typeof CASE_PARTS)[number]).count({ where: { documentId: params.documentId, case: { id: { $notNull: true } } } })) > 0;
};

const union = (...sets: PartIds[]): PartIds =>
  new Map(CASE_PARTS.map((uid) => [uid, [...new Set(sets.flatMap((set) => set.get(uid) ?? []))]]));

const idsOf = (...rows: Array<{ id?: unknown } | null>) => rows.flatMap((row) => (row ? [Number(row.id)] : []));

/**
 * Initiatives and metrics have a draft and a published version each, and they change version only with their case:
 * - publishing a case (Content Manager, bulk publish, the importer, `create`/`update` with status published) gives its
 *   published version copies of the draft's parts, in place of the parts the published version had;
 * - unpublishing a case deletes the published parts with it;
 * - discarding a case's draft gives the new draft copies of the published parts, in place of the draft's.
 * All in the case's own transaction, so the public (which reads published cases and the parts they link) never
 * sees a part edited as a draft before its case is published. Strapi's own publish maps a case's relations to
 * the targets' published versions of the moment: the parts it links are replaced here, after it ran.
 * Publishing or unpublishing a part of a case on its own is refused: it would show or hide an edit behind its case's back.
 * Deleting a case deletes its parts, every version, with it: left behind, a published part would stay readable
 * through the public `metrics` and `initiatives` routes, a case's figures without the case.
 */
export const casePartsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as Params;
    if ((CASE_PARTS as readonly string[]).includes(context.uid)) {
      const own = versionChange(context.action, params) === 'publish' || context.action === 'unpublish';
      if (own && (await belongsToCase(strapi, context.uid, params))) throw new errors.ValidationError(PARTS_PUBLISH_WITH_CASE);
      return next();
    }
    if (context.uid === UID.case && context.action === 'delete' && params.documentId) {
      const { documentId } = params;
      return strapi.db.transaction(async ({ trx }) => {
        const { draft, published } = await caseRowsOf(strapi, documentId, trx);
        const parts = await partsLinkedTo(strapi, idsOf(draft, published), trx);
        const result = await next();
        await deletePartRows(strapi, parts, trx);
        return result;
      });
    }
    const change = versionChange(context.action, params);
    if (context.uid !== UID.case || !change) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const before = params.documentId ? await caseRowsOf(strapi, params.documentId, trx) : { draft: null, published: null };
      // The parts of the version the action replaces (or removes).
      const replaced = await partsLinkedTo(strapi, idsOf(change === 'discardDraft' ? before.draft : before.published), trx);
      const result = await next();
      const documentId = params.documentId ?? (result as Result)?.documentId ?? (result as Result)?.entries?.[0]?.documentId;
      if (!documentId) return result;
      const after = await caseRowsOf(strapi, documentId, trx);
      if (change === 'unpublish') {
        await deletePartRows(strapi, replaced, trx);
        return result;
      }
      const [source, target] = change === 'publish' ? [after.draft, after.published] : [after.published, after.draft];
      if (!source || !target) return result;
      // What the new version links now (Strapi's mapping of the old relations) goes with what the old one had.
      await deletePartRows(strapi, union(replaced, await partsLinkedTo(strapi, idsOf(target), trx)), trx);
      const publishedAt = change === 'publish' ? target[columnOf(strapi, UID.case, 'publishedAt')] : null;
      await copyParts(strapi, await partsLinkedTo(strapi, idsOf(source), trx), Number(target.id), publishedAt, trx);
      return result;
    });
  };
