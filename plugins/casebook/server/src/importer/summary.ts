import type { Paragraph } from './types';
import { sentencesOf } from './text-rules';

/** A paragraph this long reads as the case's lede; shorter ones before it are title or dateline lines. */
const LEDE_LENGTH = 40;
/** Whole sentences are added while the summary stays within this many characters. */
const SUMMARY_LENGTH = 200;
/** A first sentence longer than SUMMARY_LENGTH is kept, cut at this many characters. */
const MAX_SUMMARY_LENGTH = 300;

/** A case's summary: the first whole sentences of its lede. */
export const summaryOf = (paragraphs: Paragraph[]): string => {
  const text = paragraphs.map((paragraph) => paragraph.text).find((paragraph) => paragraph.length >= LEDE_LENGTH) ?? paragraphs[0]?.text ?? '';
  let summary = '';
  for (const sentence of sentencesOf(text)) {
    if (summary.length + sentence.length > SUMMARY_LENGTH && summary) break;
    summary += sentence;
  }
  return summary.slice(0, MAX_SUMMARY_LENGTH);
};
