import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { CaseContent } from './items';
import { writtenContent, type CaseLedger, type Ledger, type WrittenContent } from './ledger';

/** A case's draft row as the review reads it: its content, its source document and who reviewed it. */
export type CaseDraft = CaseContent & {
  id: number;
  documentId: string;
  sourceStart: number | null;
  sourceEnd: number | null;
  reviewedAt: string | null;
  reviewedBy: { id: number; firstname: string | null; lastname: string | null; username: string | null; email: string } | null;
  createdAt: string;
  updatedAt: string;
  hospital: (CaseContent['hospital'] & { id: number }) | null;
  initiatives: Array<NonNullable<CaseContent['initiatives']>[number] & { id: number }>;
  metrics: Array<NonNullable<CaseContent['metrics']>[number] & { id: number }>;
  sourceDocument: { id: number; documentId: string; filename: string; originalText: string; report: { ledger?: Ledger; unresolvedOwners?: Array<{ documentId: string; hint: string | null }> } | null } | null;
};

/** What the review and the importer populate of a case. */
export const CASE_POPULATE = {
  hospital: { select: ['id', 'documentId', 'name', 'aliases'] },
  people: true,
  source: true,
  themes: { select: ['name'] },
  initiatives: { select: ['id', 'documentId', 'name', 'summary', 'order'] },
  metrics: { select: ['id', 'documentId', 'label', 'value', 'unit', 'qualifier', 'kind', 'period', 'quote', 'sourceStart', 'sourceEnd', 'order'] },
  sourceDocument: { select: ['id', 'documentId', 'filename', 'originalText', 'report'] },
  reviewedBy: { select: ['id', 'firstname', 'lastname', 'username', 'email'] },
} as const;

/** The draft of a case, or null. A part linked twice (a draft and published row of its own) is listed once, as the draft links it. */
export const caseDraft = async (strapi: Core.Strapi, documentId: string): Promise<CaseDraft | null> =>
  (await strapi.db.query(UID.case).findOne({ where: { documentId, publishedAt: null }, populate: CASE_POPULATE as never })) as CaseDraft | null;

/** The ledger of a case in its source document's report, or null (a case imported before ledgers, or not imported). */
export const ledgerOf = (draft: Pick<CaseDraft, 'documentId' | 'sourceDocument'>): CaseLedger | null => draft.sourceDocument?.report?.ledger?.[draft.documentId] ?? null;

/** What an import compares and carries over when it revises the case `documentId`: its ledger and its draft's content now. */
export const previousImport = async (strapi: Core.Strapi, documentId: string): Promise<{ ledger: CaseLedger | null; current: WrittenContent } | null> => {
  const draft = await caseDraft(strapi, documentId);
  return draft ? { ledger: ledgerOf(draft), current: writtenContent(draft) } : null;
};

/** The canonical content of the draft `documentId` as it stands (after an import wrote it). */
export const currentContent = async (strapi: Core.Strapi, documentId: string): Promise<WrittenContent> => {
  const draft = await caseDraft(strapi, documentId);
  if (!draft) throw new Error(`case ${documentId} has no draft`);
  return writtenContent(draft);
};

/** Changes the ledger of case `caseDocumentId` in the report of source document row `sourceDocumentId`. */
export const updateLedger = async (strapi: Core.Strapi, sourceDocumentId: number, caseDocumentId: string, change: (ledger: CaseLedger) => CaseLedger) => {
  const row = (await strapi.db.query(UID.sourceDocument).findOne({ select: ['id', 'report'], where: { id: sourceDocumentId } })) as { report: Record<string, unknown> | null } | null;
  const report = row?.report ?? {};
  const ledger = (report.ledger as Ledger | undefined) ?? {};
  const next = change(ledger[caseDocumentId] ?? { unsure: [], rejected: [], written: null });
  await strapi.db.query(UID.sourceDocument).update({ where: { id: sourceDocumentId }, data: { report: { ...report, ledger: { ...ledger, [caseDocumentId]: next } } }, select: ['id'] });
};
