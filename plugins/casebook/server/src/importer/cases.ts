import { initiativesOf } from './initiatives';
import { extractMetrics } from './metrics';
import type { OwnedDraft } from './owner';
import { authorsOf, peopleIn, uniquePeople } from './people';
import { summaryOf } from './summary';
import { themesOf } from './themes';
import { originalRange } from './tracked-text';
import { sentencesOf } from './text-rules';
import { CASE_FOUND, type ExtractedCase, type ExtractedMetric, type ExtractedPerson, type ExtractedSource, type Normalised, type Paragraph } from './types';

/**
 * What every case of a document shares: the page's source and the people its byline names; and where the
 * figures of the campaign or list the document reports on go (本次征集36个成果案例), which are no case's own.
 */
export type DocumentContext = { source: ExtractedSource; byline: ExtractedPerson[]; campaignMetrics: ExtractedMetric[] };

/**
 * A sentence about a campaign's or list's cases as a whole: how many were collected, judged, selected. A
 * hospital's own brands and applications (76个党支部完成品牌申报) stay its own.
 */
const CAMPAIGN_SENTENCE = /案例[^。!?]{0,20}?(?:征集|评审|评选|获选|入选|参评)|(?:征集|评审|评选|获选|参评)[^。!?]{0,20}?(?:案例|成果)/;

/** A case's figures, and the campaign's figures among its sentences (sent to the document's own). */
const figuresOf = (paragraphs: Paragraph[], normalised: Normalised, campaign: ExtractedMetric[]): ExtractedMetric[] =>
  paragraphs.flatMap((paragraph) => {
    const own: ExtractedMetric[] = [];
    let from = paragraph.start;
    for (const sentence of sentencesOf(paragraph.text)) {
      const to = Math.min(paragraph.end, from + sentence.length);
      // A loop, not push(...found): a sentence of a hundred thousand figures would overflow the call stack.
      const into = CAMPAIGN_SENTENCE.test(sentence) ? campaign : own;
      for (const metric of extractMetrics(normalised, from, to)) into.push(metric);
      from = to;
    }
    return own;
  });

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
    metrics: figuresOf(draft.paragraphs, normalised, context.campaignMetrics),
    start: range.start,
    end: range.end,
  };
};
