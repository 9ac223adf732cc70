import { findHospitalNames, longerNamesByTail } from './hospitals';
import type { CaseDraft, Paragraph, Split } from './split';
import { endsSentence, labelPattern, SOURCE_LABELS } from './text-rules';
import type { RemovedSegment } from './types';

/** A case with the hospital it is about. */
export type OwnedDraft = CaseDraft & { hospital: string };

const AFTER_PARTNER_VERB = /(与|和|及|邀请|合作|来到|前往|赴|联合|、)$/;

/**
 * Whether a bracket opened before an index is still open there, for indexes asked in increasing order: the
 * text is read once, where testing /[(（][^)）]*$/ on the text before each index read it again for each.
 */
const bracketReader = (text: string) => {
  let cursor = 0;
  let open = false;
  return (index: number): boolean => {
    for (; cursor < index; cursor += 1) {
      if (text[cursor] === '(' || text[cursor] === '（') open = true;
      else if (text[cursor] === ')' || text[cursor] === '）') open = false;
    }
    return open;
  };
};

/** A metadata line that names the article's author, source or submitter. */
const OWNER_LABEL = new RegExp(`(?:^|\\s)(?:${labelPattern(SOURCE_LABELS)})\\s*[:：]`);

/**
 * The hospital a single-case document is about: the name that opens sentences and paragraphs, stands in
 * the title or the page's byline, rather than one named as a partner (与…合作, 邀请…专家).
 */
export const ownerOf = (paragraphs: Paragraph[], removed: RemovedSegment[]): string | null => {
  const scores = new Map<string, number>();
  const add = (name: string, points: number) => scores.set(name, (scores.get(name) ?? 0) + points);
  paragraphs.forEach((paragraph, position) => {
    const closesBracket = /[)）]$/.test(paragraph.text.trimEnd());
    const insideBracket = bracketReader(paragraph.text);
    for (const match of findHospitalNames(paragraph.text)) {
      const before = paragraph.text.slice(Math.max(0, match.start - 4), match.start);
      let points = 1;
      if (match.start === 0 || endsSentence(before)) points += 2;
      if (position < 2) points += 3;
      if (insideBracket(match.start) && closesBracket) points += 3;
      if (AFTER_PARTNER_VERB.test(before)) points -= 2;
      add(match.name, points);
    }
  });
  for (const segment of removed) {
    if (segment.kind === 'related' || segment.kind === 'spam') continue;
    // The page says whose article it is (作者:…医院, 来源:【…医院】, 提交医院:…): that outweighs any mention.
    const points = OWNER_LABEL.test(segment.text.trim()) ? 8 : 2;
    for (const match of findHospitalNames(segment.text)) add(match.name, points);
  }
  // A short form (市人民医院) adds to the first full name still counted that ends with it (重庆市人民医院).
  const endingWith = longerNamesByTail(scores.keys());
  for (const [name, score] of [...scores]) {
    const full = endingWith.get(name)?.find((other) => scores.has(other));
    if (full) {
      add(full, score);
      scores.delete(name);
    }
  }
  const ranked = [...scores].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return ranked[0]?.[0] ?? null;
};

/**
 * Each case with its hospital: the one its header names, or for a document without headers (one article) the
 * one `ownerOf` finds in its text and page chrome. A case whose hospital is named nowhere is left out.
 */
export const ownedDrafts = (split: Split, removed: RemovedSegment[]): OwnedDraft[] =>
  split.cases.flatMap((draft) => {
    const hospital = draft.header?.hospital ?? ownerOf([...draft.headerLines, ...draft.paragraphs], removed);
    return hospital ? [{ ...draft, hospital }] : [];
  });
