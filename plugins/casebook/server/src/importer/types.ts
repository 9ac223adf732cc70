import type { CampaignStage, MetricKind, MetricQualifier } from '../closed-sets';

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

/** A paragraph of the normalised text, trimmed, with its place in that text. */
export type Paragraph = { text: string; start: number; end: number };

/** The two lines that start a case on a page: its hospital's name (or a speaker's unit, position and name), then its title. */
export type Header = {
  /** Where the header starts among the document's paragraphs. */
  index: number;
  hospital: string;
  title: string;
  /** The speaker of a conference talk, from the header line. */
  speaker: ExtractedPerson | null;
};

/**
 * How a case was found, and how sure that makes the importer that it is one: under a header of its own, as
 * the whole of a one-article document, or from a list that gives little more than its name.
 */
export const CASE_FOUND = {
  header: { rule: 'case-header', score: 0.95 },
  article: { rule: 'single-article', score: 0.8 },
  pageIndex: { rule: 'page-index', score: 0.5 },
  brandList: { rule: 'brand-list', score: 0.6 },
} as const satisfies Record<string, Confidence>;

export type CaseDraft = {
  found: keyof typeof CASE_FOUND;
  /** The header the case was found under; null for a document without headers, read as one article. */
  header: Header | null;
  title: string;
  /** How the title was found: a header's title line, the page's headline, or its first words. */
  titleConfidence: Confidence;
  paragraphs: Paragraph[];
  /** The lines of its header, or an article's title lines: part of the case's extent, not of its body. */
  headerLines: Paragraph[];
  /** The column or series its headline names, when the page's metadata names none. */
  column?: string | null;
  /** For a case of a list (a brand in an experience material): its hospital as the list writes it. */
  listedOwner?: string;
};

/** A document's cases, and the paragraphs of no case (a notice's preamble, a conference's opening). */
export type Split = { cases: CaseDraft[]; unassigned: Paragraph[] };

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

/** `unit` is the editor's (the importer does not extract it): the person's unit (科室, 支部) as the case component keeps it. */
export type ExtractedPerson = { name: string; role: string | null; unit?: string | null };

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

/**
 * How an item was found and how sure the importer is of it: the rule that made it and a score in [0, 1].
 * Items scored below LOW_CONFIDENCE are marked for the editor to check.
 */
export type Confidence = { rule: string; score: number };

/** Below this score an item is marked for the editor (the import page and `extract --json` say so). */
export const LOW_CONFIDENCE = 0.6;

export const isLowConfidence = (confidence: Confidence): boolean => confidence.score < LOW_CONFIDENCE;

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
  confidence: Confidence;
};

export type ExtractedInitiative = { name: string; summary: string; theme: string | null; confidence: Confidence };

/** What a document says of a case's owner when it names no hospital in full, for the editor to settle. */
export type OwnerHint = {
  /** The document's own words for the owner (我院, 市二院, 附属医院, x市x医院), or null when it has none. */
  hint: string | null;
  /** Hospitals the owner may be: full names from the page's source, author, footer lines and its text, best first. */
  candidates: string[];
};

export type ExtractedCase = {
  title: string;
  /** The owner's full name, or null when the document names it only partially (see `owner`): the editor picks it. */
  hospital: string | null;
  owner: OwnerHint;
  /** How the case, its owner and its title were found. */
  confidence: { case: Confidence; owner: Confidence; title: Confidence };
  people: ExtractedPerson[];
  source: ExtractedSource;
  /** The award the case won (一等奖, 优秀案例), as an editor enters it on the import page: the importer finds none. */
  award?: string | null;
  summary: string;
  body: string;
  themes: string[];
  initiatives: ExtractedInitiative[];
  metrics: ExtractedMetric[];
  /** Extent of the case in the original document (first and last character it draws on). */
  start: number;
  end: number;
};

/** The campaign (case call) a document is a page of, as its chrome names it; its cases are put in it on import. */
export type ExtractedCampaign = { name: string; organiser: string | null; year: number | null; stage: CampaignStage };

export type ExtractedDocument = {
  hospitals: ExtractedHospital[];
  cases: ExtractedCase[];
  /** The campaign the document is a page of (a showcase's or vote's page), or null; absent in a correction that leaves it as extracted. */
  campaign?: ExtractedCampaign | null;
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
  /**
   * For each case whose hospital is null, the hospitals the editor may pick as its owner: the document's own
   * candidates first, then existing hospitals its hint names; empty for a case whose owner the document names.
   */
  ownerCandidates: OwnerCandidate[][];
  /** Every existing hospital's name, in Chinese order: what the owner field offers to pick from. */
  hospitals: string[];
  /** The score below which the admin marks an item for the editor to check (LOW_CONFIDENCE: the admin takes no values from the importer). */
  lowConfidence: number;
};

/** A hospital the editor may pick as the owner of a case its document names only partially. */
export type OwnerCandidate = {
  /** The name to import the case under: an existing hospital's own name, or the document's for a new one. */
  name: string;
  /** The existing hospital of that name, or null for one the import would create. */
  documentId: string | null;
  /** Whether the document names it ('document') or the hint matched it among the existing hospitals ('database'). */
  from: 'document' | 'database';
};

export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: 'empty' | 'binary' | 'too-large' | 'encoding' | 'truncated' | 'no-case' | 'timeout' | 'replace',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
