import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { detachPart } from '../case-parts';
import { UID } from '../constants';
import { serviceAccessor } from '../plugin-services';
import { SOURCE_FIELDS, sourceItems, type SourceItem } from './items';
import { writtenContent, type ContentField, type Rejection, type UnsureItem } from './ledger';
import { caseDraft, ledgerOf, updateLedger, type CaseDraft } from './store';

/** Who reviewed a case and when. */
export type Reviewed = { at: string; by: string | null };

/** An imported case waiting for review or for publishing after it. */
export type QueueEntry = {
  documentId: string;
  title: string;
  hospital: { documentId: string; name: string } | null;
  /** For a case without an owner: the document's words for it and the hospitals it may be. */
  owner: { hint: string | null; candidates: string[] } | null;
  sourceDocument: { documentId: string; filename: string };
  createdAt: string;
  updatedAt: string;
  counts: { initiatives: number; metrics: number; people: number };
  /** What the importer was unsure of (scored below LOW_CONFIDENCE). */
  unsure: UnsureItem[];
  reviewed: Reviewed | null;
  /** Whether a published version exists (older than the draft, or the case would not be waiting). */
  published: boolean;
};

/** What the source panel shows: the original text, the case's span of it and every extracted item in it. */
export type CaseSource = {
  documentId: string;
  title: string;
  sourceDocument: { documentId: string; filename: string };
  text: string;
  span: { start: number; end: number };
  items: SourceItem[];
  rejected: Rejection[];
  unsure: UnsureItem[];
  reviewed: Reviewed | null;
};

/** The content field (review/ledger) an item of each kind sits in. */
const FIELD_OF_KIND: Record<SourceItem['kind'], ContentField> = { title: 'title', hospital: 'hospital', person: 'people', initiative: 'initiatives', metric: 'metrics', source: 'source' };

const nameOf = (user: CaseDraft['reviewedBy']) => (user ? [user.lastname, user.firstname].filter(Boolean).join('') || user.username || user.email : null);
const reviewedOf = (draft: Pick<CaseDraft, 'reviewedAt' | 'reviewedBy'>): Reviewed | null => (draft.reviewedAt ? { at: new Date(draft.reviewedAt).toISOString(), by: nameOf(draft.reviewedBy) } : null);

type QueueRow = Omit<CaseDraft, 'sourceDocument' | 'people' | 'initiatives' | 'metrics'> & {
  people: unknown[] | null;
  initiatives: unknown[] | null;
  metrics: unknown[] | null;
  sourceDocument: Omit<NonNullable<CaseDraft['sourceDocument']>, 'originalText'>;
};

/** The review of imported cases: the queue, each case's source with its extracted items, rejections, review marks and publishing. */
const reviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The draft `documentId` of an imported case, or NotFoundError. */
  const importedDraft = async (documentId: string): Promise<CaseDraft & { sourceDocument: NonNullable<CaseDraft['sourceDocument']> }> => {
    const draft = await caseDraft(strapi, documentId);
    if (!draft) throw new errors.NotFoundError(`没有这个案例 (no case ${documentId})`);
    if (!draft.sourceDocument) throw new errors.ValidationError(`案例《${draft.title}》不是导入的, 没有来源文档 (the case was not imported: it has no source document)`);
    return draft as CaseDraft & { sourceDocument: NonNullable<CaseDraft['sourceDocument']> };
  };

  return {
    /**
     * Imported cases whose draft is not published as it stands (never published, or changed since: a re-import),
     * those without an owner hospital first, then those not reviewed, oldest first; reviewed ones last, for publishing.
     * Published seed cases are not waiting: publishing is an editor's approval.
     */
    async queue(): Promise<QueueEntry[]> {
      const drafts = (await strapi.db.query(UID.case).findMany({
        select: ['id', 'documentId', 'title', 'createdAt', 'updatedAt', 'reviewedAt'],
        where: { publishedAt: null, sourceDocument: { id: { $notNull: true } } },
        populate: {
          hospital: { select: ['documentId', 'name'] },
          people: { select: ['id'] },
          initiatives: { select: ['id'] },
          metrics: { select: ['id'] },
          sourceDocument: { select: ['id', 'documentId', 'filename', 'report'] },
          reviewedBy: { select: ['id', 'firstname', 'lastname', 'username', 'email'] },
        } as never,
      })) as QueueRow[];
      const published = new Map(
        ((await strapi.db.query(UID.case).findMany({
          select: ['documentId', 'publishedAt'],
          where: { publishedAt: { $notNull: true }, documentId: { $in: drafts.map((draft) => draft.documentId) } },
        })) as Array<{ documentId: string; publishedAt: string }>).map((row) => [row.documentId, new Date(row.publishedAt).getTime()]),
      );
      const waiting = drafts.filter((draft) => {
        const at = published.get(draft.documentId);
        return at === undefined || at < new Date(draft.updatedAt).getTime();
      });
      const rank = (entry: QueueEntry) => (entry.hospital === null ? 0 : entry.reviewed === null ? 1 : 2);
      return waiting
        .map((draft): QueueEntry => {
          const ledger = ledgerOf(draft as never);
          const unresolved = draft.sourceDocument.report?.unresolvedOwners?.find((owner) => owner.documentId === draft.documentId);
          return {
            documentId: draft.documentId,
            title: draft.title,
            hospital: draft.hospital ? { documentId: draft.hospital.documentId, name: draft.hospital.name } : null,
            owner: draft.hospital ? null : { hint: ledger?.owner?.hint ?? unresolved?.hint ?? null, candidates: ledger?.owner?.candidates ?? [] },
            sourceDocument: { documentId: draft.sourceDocument.documentId, filename: draft.sourceDocument.filename },
            createdAt: new Date(draft.createdAt).toISOString(),
            updatedAt: new Date(draft.updatedAt).toISOString(),
            counts: { initiatives: draft.initiatives?.length ?? 0, metrics: draft.metrics?.length ?? 0, people: draft.people?.length ?? 0 },
            unsure: ledger?.unsure ?? [],
            reviewed: reviewedOf(draft),
            published: published.has(draft.documentId),
          };
        })
        .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title, 'zh'));
    },

    /** The case's original document and every item extracted into its draft, with where it stands in that text. */
    async source(documentId: string): Promise<CaseSource> {
      const draft = await importedDraft(documentId);
      const text = draft.sourceDocument.originalText;
      const span = { start: Math.min(draft.sourceStart ?? 0, text.length), end: Math.min(draft.sourceEnd ?? text.length, text.length) };
      const ledger = ledgerOf(draft);
      return {
        documentId,
        title: draft.title,
        sourceDocument: { documentId: draft.sourceDocument.documentId, filename: draft.sourceDocument.filename },
        text,
        span,
        items: sourceItems(draft, text, span),
        rejected: ledger?.rejected ?? [],
        unsure: ledger?.unsure ?? [],
        reviewed: reviewedOf(draft),
      };
    },

    /**
     * Removes the extracted item `itemId` (a SourceItem's id) from the case's draft and keeps the rejection in the
     * ledger, so that a re-import of the document leaves the item out (importer/write reads it).
     * @throws NotFoundError when the case has no such item; ValidationError for the title, which is edited, not rejected.
     */
    async reject(documentId: string, itemId: string, userId: number | null): Promise<CaseSource> {
      const draft = await importedDraft(documentId);
      const text = draft.sourceDocument.originalText;
      const item = sourceItems(draft, text, { start: draft.sourceStart ?? 0, end: draft.sourceEnd ?? text.length }).find((candidate) => candidate.id === itemId);
      if (!item) throw new errors.NotFoundError(`案例没有这一项 (the case has no item ${itemId})`);
      if (item.kind === 'title') throw new errors.ValidationError('标题不能标记为错误, 请直接修改 (a title is edited, not rejected)');
      await strapi.db.transaction(async ({ trx }) => {
        if (item.kind === 'initiative' || item.kind === 'metric') {
          const uid = item.kind === 'initiative' ? UID.initiative : UID.metric;
          const parts: Array<{ id: number; documentId: string }> = item.kind === 'initiative' ? draft.initiatives : draft.metrics;
          const part = parts.find((candidate) => candidate.documentId === item.part);
          if (part) await detachPart(strapi, uid, part.id, draft.id, trx);
        } else if (item.kind === 'hospital') {
          await strapi.documents(UID.case).update({ documentId, data: { hospital: null } as never });
        } else if (item.kind === 'person') {
          const index = Number(item.field.split('.')[1]);
          const people = (draft.people ?? []).filter((_, at) => at !== index).map((person) => ({ name: person.name, role: person.role ?? undefined, unit: person.unit ?? undefined }));
          await strapi.documents(UID.case).update({ documentId, data: { people } as never });
        } else {
          const field = item.field.replace(/^source\./, '') as (typeof SOURCE_FIELDS)[number];
          const source = Object.fromEntries(SOURCE_FIELDS.map((name) => [name, name === field ? null : (draft.source?.[name] ?? null)]));
          await strapi.documents(UID.case).update({ documentId, data: { source } as never });
        }
        // A rejection is no edit of the editor's own: the field it changed, if the editor had not changed it otherwise,
        // is compared with the draft as it now stands at the next re-import (which leaves the rejected item out too).
        const field = FIELD_OF_KIND[item.kind];
        const before = writtenContent(draft)[field];
        const after = writtenContent((await caseDraft(strapi, documentId))!)[field];
        await updateLedger(strapi, draft.sourceDocument.id, documentId, (ledger) => ({
          ...ledger,
          written: ledger.written && ledger.written[field] === before ? { ...ledger.written, [field]: after } : ledger.written,
          rejected: [...ledger.rejected.filter((rejection) => rejection.key !== item.id), { kind: item.kind, key: item.id, text: item.text, at: new Date().toISOString(), by: userId }],
        }));
      });
      return this.source(documentId);
    },

    /** Marks the case's draft reviewed by `userId` now; a re-import of its document clears the mark (importer/write). */
    async markReviewed(documentId: string, userId: number): Promise<Reviewed> {
      const draft = await importedDraft(documentId);
      // The database layer, not the document service: marking it reviewed is no edit, and leaves its updatedAt (and the queue's "changed since published") alone.
      await strapi.db.query(UID.case).update({ where: { id: draft.id }, data: { reviewedAt: new Date(), reviewedBy: userId }, select: ['id'] });
      return reviewedOf((await caseDraft(strapi, documentId))!)!;
    },

    /**
     * Publishes the cases `documentIds` names, with their initiatives and metrics, through the document service;
     * all or none: a case not reviewed, or without an owner hospital, refuses the lot.
     * @throws ValidationError naming the cases refused; NotFoundError for an unknown one.
     */
    async publish(documentIds: string[]): Promise<{ published: string[] }> {
      const drafts: CaseDraft[] = [];
      for (const documentId of new Set(documentIds)) {
        const draft = await caseDraft(strapi, documentId);
        if (!draft) throw new errors.NotFoundError(`没有这个案例 (no case ${documentId})`);
        drafts.push(draft);
      }
      const unreviewed = drafts.filter((draft) => !draft.reviewedAt);
      const ownerless = drafts.filter((draft) => !draft.hospital);
      if (unreviewed.length > 0 || ownerless.length > 0) {
        const titles = (list: CaseDraft[]) => list.map((draft) => `《${draft.title}》`).join('、');
        const reasons = [
          ...(unreviewed.length > 0 ? [`尚未审核: ${titles(unreviewed)}`] : []),
          ...(ownerless.length > 0 ? [`未确定归属医院: ${titles(ownerless)}`] : []),
        ];
        throw new errors.ValidationError(`${reasons.join('; ')}。未发布任何案例 (not reviewed or without an owner hospital: nothing was published)`, {
          unreviewed: unreviewed.map((draft) => draft.documentId),
          ownerless: ownerless.map((draft) => draft.documentId),
        });
      }
      await strapi.db.transaction(async () => {
        for (const draft of drafts) await strapi.documents(UID.case).publish({ documentId: draft.documentId });
      });
      return { published: drafts.map((draft) => draft.documentId) };
    },
  };
};

export default reviewService;

export type ReviewService = ReturnType<typeof reviewService>;

/** The `review` service of a running Strapi. */
export const reviewOf = serviceAccessor<ReviewService>('review');
