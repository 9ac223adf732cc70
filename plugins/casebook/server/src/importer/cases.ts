import { initiativesOf } from './initiatives';
import { extractMetrics } from './metrics';
import type { OwnedDraft } from './owner';
import { authorsOf, peopleIn, uniquePeople } from './people';
import { summaryOf } from './summary';
import { themesOf } from './themes';
import { originalRange } from './tracked-text';
import { CASE_FOUND, type ExtractedCase, type ExtractedPerson, type ExtractedSource, type Normalised } from './types';

/** What every case of a document shares: the page's source and the people its byline names. */
export type DocumentContext = { source: ExtractedSource; byline: ExtractedPerson[] };

/**
 * A case's fields, read from its paragraphs: people, summary, body, themes, initiatives and metrics, and
 * its extent in the original document (header lines included).
 */
export const extractCase = (draft: OwnedDraft, normalised: Normalised, context: DocumentContext): ExtractedCase => {
  const texts = draft.paragraphs.map((paragraph) => paragraph.text);
  const body = texts.join('\n\n');
  const speaker = draft.header?.speaker;
  const people = uniquePeople([...(speaker ? [speaker] : []), ...texts.flatMap(authorsOf), ...peopleIn(body), ...context.byline]);
  const extent = [...draft.headerLines, ...draft.paragraphs];
  // Not Math.min(...starts): spreading a case of some hundred thousand paragraphs overflows the call stack.
  const first = extent.reduce((min, paragraph) => Math.min(min, paragraph.start), Infinity);
  const last = extent.reduce((max, paragraph) => Math.max(max, paragraph.end), -Infinity);
  const range = originalRange(normalised, first, last);
  return {
    title: draft.title,
    hospital: draft.hospital,
    owner: draft.owner,
    confidence: { case: CASE_FOUND[draft.found], owner: draft.confidence, title: draft.titleConfidence },
    people,
    source: { ...context.source, column: context.source.column ?? draft.column ?? null },
    summary: summaryOf(draft.paragraphs),
    body,
    themes: themesOf(draft.title, body),
    initiatives: initiativesOf(texts),
    metrics: draft.paragraphs.flatMap((paragraph) => extractMetrics(normalised, paragraph.start, paragraph.end)),
    start: range.start,
    end: range.end,
  };
};
