import type { MetricKind, MetricQualifier } from '../closed-sets';

/** The importer's stages, each a pure function from one of these values to the next. */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Text with, for each of its characters, the index in the original document it came from. */
export type TrackedText = {
  text: string;
  /** offsets[i] is the original index of text[i]; offsets[text.length] is the end of what text covers. */
  offsets: Int32Array;
};

export type Decoded = {
  /** The original document as text: every offset the importer reports points into this string. */
  original: string;
  encoding: Encoding;
  byteLength: number;
  format: 'text' | 'html';
  /** The readable text: the original itself, or for HTML its text content. */
  text: TrackedText;
};

/** A stretch of the original the normaliser dropped, kept for metadata (bylines, read counts, footers). */
export type RemovedSegment = {
  kind: 'navigation' | 'counter' | 'button' | 'spam' | 'related' | 'footer' | 'caption' | 'byline' | 'meta' | 'markup';
  text: string;
  start: number;
  end: number;
};

export type Normalised = TrackedText & {
  /** Page chrome and spam taken out of the text, kept for metadata. */
  removed: RemovedSegment[];
};

export type HospitalRole = 'case_owner' | 'mentioned';

export type ExtractedHospital = {
  name: string;
  role: HospitalRole;
  province: string | null;
  city: string | null;
  category: string | null;
  level: string | null;
  aliases: string[];
};

export type ExtractedPerson = { name: string; role: string | null };

export type ExtractedSource = {
  publication: string | null;
  column: string | null;
  issue: string | null;
  date: string | null;
  url: string | null;
  readCount: number | null;
};

export type Qualifier = MetricQualifier;
export type { MetricKind };

export type ExtractedMetric = {
  label: string;
  value: number;
  unit: string | null;
  qualifier: Qualifier;
  kind: MetricKind;
  period: string | null;
  /** The quote as it stands in the normalised text. */
  text: string;
  /** Offsets of the quote in the original document. */
  start: number;
  end: number;
};

export type ExtractedInitiative = { name: string; summary: string; theme: string | null };

export type ExtractedCase = {
  title: string;
  hospital: string;
  people: ExtractedPerson[];
  source: ExtractedSource;
  summary: string;
  body: string;
  themes: string[];
  initiatives: ExtractedInitiative[];
  metrics: ExtractedMetric[];
  /** Extent of the case in the original document (first and last character it draws on). */
  start: number;
  end: number;
};

export type ExtractedDocument = {
  hospitals: ExtractedHospital[];
  cases: ExtractedCase[];
  /** Figures of the document as a whole (a campaign's, a conference's), not of one case. */
  metrics: ExtractedMetric[];
};

/** What the admin shows before an import: the extraction, and whether the document and each of its cases are new. */
export type ImportPreview = {
  filename: string;
  sha256: string;
  encoding: Encoding;
  format: Decoded['format'];
  original: string;
  /** a new document, a new version of cases imported before, or a document imported already */
  status: 'new' | 'revision' | 'unchanged';
  document: ExtractedDocument;
  /** For each case, the case imported before whose new draft it would become (recognised by its text), or null. */
  revisions: Array<{ documentId: string; title: string } | null>;
};

export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'too-large' | 'encoding' | 'truncated' | 'no-hospital' | 'timeout' | 'replace',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
