import type { ReviewItemKind } from '../closed-sets';

/**
 * Where each extracted item of a case stands in its original document: one place computes it, for the review's
 * source panel to highlight and for a rejection to name. Pure, so that it is tested with strings.
 */

/** A case as stored, with what the importer extracted into it (the draft row, populated). */
export type CaseContent = {
  title: string;
  summary?: string | null;
  body?: string | null;
  hospital?: { documentId: string; name: string; aliases?: unknown } | null;
  people?: Array<{ name: string; role?: string | null; unit?: string | null }> | null;
  source?: Partial<Record<SourceField, string | number | null>> | null;
  themes?: Array<{ name: string }> | null;
  initiatives?: Array<{ documentId: string; name: string; summary?: string | null; order?: number | null }> | null;
  metrics?: Array<{
    documentId: string;
    label: string;
    value: number;
    unit?: string | null;
    qualifier?: string | null;
    kind?: string | null;
    period?: string | null;
    quote?: string | null;
    sourceStart?: number | null;
    sourceEnd?: number | null;
    order?: number | null;
  }> | null;
};

/** The fields of the case's `source` component an import fills. */
export const SOURCE_FIELDS = ['publication', 'column', 'issue', 'date', 'url', 'readCount'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** An extracted item and where it stands in the original text (null offsets when the text does not hold it as such). */
export type SourceItem = {
  /** kind and normalised text: what a rejection keeps, so that a re-import recognises the item. */
  id: string;
  kind: ReviewItemKind;
  /** What the case holds: the name, the metric's label and value, the source field's value. */
  text: string;
  /** The edit form's field it sits in (title, hospital, people, initiatives, metrics, source.date …). */
  field: string;
  /** The words of the original the item comes from. */
  quote: string | null;
  start: number | null;
  end: number | null;
  /** The initiative's or metric's documentId. */
  part?: string;
};

export type Span = { start: number; end: number };

/** The form of a text a rejection compares: compatibility forms folded (全角 → ASCII), whitespace dropped, lower case. */
export const normaliseItemText = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** The identity of an item across imports of one document: its kind and normalised text. */
export const itemKey = (kind: ReviewItemKind, text: string): string => `${kind}:${normaliseItemText(text)}`;

/** The key of a source field's value (source:date=2024-03-05). */
export const sourceKey = (field: SourceField, value: string | number) => itemKey('source', `${field}=${value}`);

/**
 * Where `needle` stands in `text`, whitespace and full-width forms aside (the original keeps the document's line
 * breaks and spacing; the extraction does not): the first match inside `within`, else the first anywhere.
 */
export const locate = (text: string, needle: string, within?: Span): Span | null => {
  const wanted = Array.from(normaliseItemText(needle));
  if (wanted.length === 0) return null;
  // The text's characters, folded one by one, each with its offset in the original (UTF-16 units, as the offsets stored).
  const folded: Array<{ char: string; start: number; end: number }> = [];
  let offset = 0;
  for (const char of text) {
    const length = char.length;
    for (const part of Array.from(char.normalize('NFKC').toLowerCase())) if (!/\s/u.test(part)) folded.push({ char: part, start: offset, end: offset + length });
    offset += length;
  }
  const matches = function* () {
    for (let index = 0; index + wanted.length <= folded.length; index += 1) {
      if (wanted.every((char, at) => folded[index + at]!.char === char)) yield { start: folded[index]!.start, end: folded[index + wanted.length - 1]!.end };
    }
  };
  let first: Span | null = null;
  for (const match of matches()) {
    if (!within || (match.start >= within.start && match.end <= within.end)) return match;
    first ??= match;
  }
  return first;
};

/** The first of `needles` the text holds. */
const locateAny = (text: string, needles: string[], within: Span): Span | null => {
  for (const needle of needles) {
    const found = locate(text, needle, within);
    if (found) return found;
  }
  return null;
};

/** The ways a document writes a date the case stores as 2024-03-05. */
export const dateForms = (date: string): string[] => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!parts) return [date];
  const [, year, month, day] = parts as unknown as [string, string, string, string];
  const m = String(Number(month));
  const d = String(Number(day));
  return [`${year}-${month}-${day}`, `${year}年${m}月${d}日`, `${year}年${month}月${day}日`, `${year}.${month}.${day}`, `${year}/${month}/${day}`, `${year}.${m}.${d}`, `${year}/${m}/${d}`, `${year}-${m}-${d}`];
};

/** The forms of a read count: 12345 may stand as 12345, 12,345 or 1.2万. */
const countForms = (count: number): string[] => [String(count), count.toLocaleString('en-US'), ...(count >= 10000 ? [`${(count / 10000).toFixed(1).replace(/\.0$/, '')}万`] : [])];

const quoteOf = (original: string, span: Span | null) => (span ? original.slice(span.start, span.end) : null);

/**
 * Every extracted item of a case, with where it stands in `original` (the case's source document), looked for
 * first in the case's `span` of it. Metrics carry their own offsets (their quote); the other items are found by text.
 */
export const sourceItems = (content: CaseContent, original: string, span: Span): SourceItem[] => {
  const items: SourceItem[] = [];
  const add = (kind: ReviewItemKind, text: string, field: string, at: Span | null, extra: Partial<SourceItem> = {}) =>
    items.push({ id: itemKey(kind, text), kind, text, field, quote: quoteOf(original, at), start: at?.start ?? null, end: at?.end ?? null, ...extra });

  add('title', content.title, 'title', locate(original, content.title, span));
  if (content.hospital) {
    const aliases = Array.isArray(content.hospital.aliases) ? (content.hospital.aliases as unknown[]).filter((alias): alias is string => typeof alias === 'string') : [];
    add('hospital', content.hospital.name, 'hospital', locateAny(original, [content.hospital.name, ...aliases], span));
  }
  for (const [index, person] of (content.people ?? []).entries()) add('person', person.name, `people.${index}.name`, locate(original, person.name, span));
  for (const initiative of content.initiatives ?? []) add('initiative', initiative.name, 'initiatives', locate(original, initiative.name, span), { part: initiative.documentId });
  for (const metric of content.metrics ?? []) {
    const stored = metric.sourceStart != null && metric.sourceEnd != null && metric.sourceEnd <= original.length ? { start: metric.sourceStart, end: metric.sourceEnd } : null;
    // The stored offsets when they still hold the quote; else (an edited quote) the quote looked up again.
    const at = stored && (!metric.quote || original.slice(stored.start, stored.end) === metric.quote) ? stored : metric.quote ? locate(original, metric.quote, span) : null;
    items.push({ id: itemKey('metric', metric.quote || metric.label), kind: 'metric', text: metric.label, field: 'metrics', quote: quoteOf(original, at), start: at?.start ?? null, end: at?.end ?? null, part: metric.documentId });
  }
  for (const field of SOURCE_FIELDS) {
    const value = content.source?.[field];
    if (value === null || value === undefined || value === '') continue;
    const needles = field === 'date' ? dateForms(String(value)) : field === 'readCount' ? countForms(Number(value)) : [String(value)];
    const at = locateAny(original, needles, span);
    items.push({ id: sourceKey(field, value), kind: 'source', text: String(value), field: `source.${field}`, quote: quoteOf(original, at), start: at?.start ?? null, end: at?.end ?? null });
  }
  return items.sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER));
};
