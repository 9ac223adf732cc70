import type { ReviewItemKind } from '../closed-sets';
import { SOURCE_FIELDS, itemKey, sourceKey, type CaseContent } from './items';

/**
 * What the import keeps of each case it wrote, in its source document's `report.ledger[caseDocumentId]`: what the
 * importer was unsure of, the items editors rejected, and what the import wrote. A re-import of the document
 * (a new source-document record; the case is recognised by its text, see importer/identity) reads the previous
 * ledger of the case it revises: it leaves rejected items out and keeps what an editor changed since.
 *
 * "Changed by an editor" is decided by content, not by who saved last: a field whose current value differs from
 * what the previous import wrote (`written`) was edited. updatedBy/updatedAt would also flag a save that changed
 * nothing, and say nothing about which field changed. A field kept once stays compared with the import's value,
 * so the editor's version also survives the re-import after next.
 */

/** An item the importer scored below LOW_CONFIDENCE (importer/types), for the review queue's 需核对 marks. */
export type UnsureItem = { kind: 'case' | 'owner' | 'title' | 'initiative' | 'metric'; text: string; rule: string; score: number };

/** An extracted item an editor marked wrong. */
export type Rejection = { kind: ReviewItemKind; key: string; text: string; at: string; by: number | null };

/** The case's fields an import writes and may find edited, each compared as a whole. */
export const CONTENT_FIELDS = ['title', 'summary', 'body', 'hospital', 'people', 'source', 'themes', 'initiatives', 'metrics'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** Each content field's value in a canonical form (JSON): what comparing a later version with it needs. */
export type WrittenContent = Record<ContentField, string>;

export type CaseLedger = {
  unsure: UnsureItem[];
  rejected: Rejection[];
  written: WrittenContent | null;
  /** For a case written without an owner: the document's words for it and its candidates, for the queue to show. */
  owner?: { hint: string | null; candidates: string[] } | null;
};

/** A source document's ledger: per case documentId. */
export type Ledger = Record<string, CaseLedger>;

const byOrder = <T extends { order?: number | null }>(items: T[] | null | undefined) => [...(items ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
const text = (value: string | null | undefined) => (value ?? '').trim();

/** The canonical form of a case's content: ids, timestamps and offsets aside, what an editor sees and changes. */
export const writtenContent = (content: CaseContent): WrittenContent => ({
  title: JSON.stringify(text(content.title)),
  summary: JSON.stringify(text(content.summary)),
  body: JSON.stringify(text(content.body)),
  hospital: JSON.stringify(content.hospital?.documentId ?? null),
  people: JSON.stringify((content.people ?? []).map((person) => [text(person.name), text(person.role)])),
  source: JSON.stringify(SOURCE_FIELDS.map((field) => content.source?.[field] ?? null)),
  themes: JSON.stringify((content.themes ?? []).map((theme) => theme.name).sort()),
  initiatives: JSON.stringify(byOrder(content.initiatives).map((initiative) => [text(initiative.name), text(initiative.summary)])),
  metrics: JSON.stringify(byOrder(content.metrics).map((metric) => [text(metric.label), metric.value, metric.unit ?? null, metric.qualifier ?? null, metric.kind ?? null, metric.period ?? null])),
});

/** The fields of `current` an editor changed since an import wrote `written`. */
export const editedFields = (written: WrittenContent | null | undefined, current: WrittenContent): ContentField[] =>
  written ? CONTENT_FIELDS.filter((field) => written[field] !== undefined && written[field] !== current[field]) : [];

/**
 * What a re-import writes of a new extraction: what was written before for the fields an editor changed (so that
 * the next comparison is again with the import's own value), the new extraction's for the rest.
 */
export const nextWritten = (previous: WrittenContent | null | undefined, now: WrittenContent, kept: ContentField[]): WrittenContent =>
  Object.fromEntries(CONTENT_FIELDS.map((field) => [field, kept.includes(field) && previous ? previous[field] : now[field]])) as WrittenContent;

/** What an extraction of one case looks like to the rejections: the importer's own shape, reduced to what is keyed. */
type Extracted = {
  people: Array<{ name: string }>;
  initiatives: Array<{ name: string }>;
  metrics: Array<{ text: string; label: string }>;
  source: Partial<Record<(typeof SOURCE_FIELDS)[number], string | number | null>>;
  hospital: string | null;
};

/** `extracted` without the items `rejected` names: what a re-import writes. */
export const withoutRejected = <T extends Extracted>(extracted: T, rejected: Rejection[]): T => {
  if (rejected.length === 0) return extracted;
  const keys = new Set(rejected.map((rejection) => rejection.key));
  const source = { ...extracted.source };
  for (const field of SOURCE_FIELDS) {
    const value = source[field];
    if (value !== null && value !== undefined && keys.has(sourceKey(field, value))) source[field] = null;
  }
  return {
    ...extracted,
    hospital: extracted.hospital !== null && keys.has(itemKey('hospital', extracted.hospital)) ? null : extracted.hospital,
    people: extracted.people.filter((person) => !keys.has(itemKey('person', person.name))),
    initiatives: extracted.initiatives.filter((initiative) => !keys.has(itemKey('initiative', initiative.name))),
    metrics: extracted.metrics.filter((metric) => !keys.has(itemKey('metric', metric.text || metric.label))),
    source,
  };
};
