/**
 * When an imported case is a new version of one imported before. A file name says nothing (every pasted text
 * is "粘贴的文档.txt"); the text does: the same hospital's case whose source text shares most of its character
 * pairs with the new one. Revisions (a figure corrected, a paragraph added) keep well above 0.9; unrelated
 * articles of one genre, even of one hospital, share common phrasing (党委, 党支部, 医院) but stay below 0.25.
 */
export const REVISION_SIMILARITY = 0.6;

/** The text's character pairs (bigrams), counted, without whitespace: line breaks and indentation are layout. */
const bigrams = (text: string): { counts: Map<string, number>; total: number } => {
  const compact = Array.from(text.replace(/\s+/gu, ''));
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < compact.length; index += 1) {
    const pair = compact[index]! + compact[index + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return { counts, total: Math.max(0, compact.length - 1) };
};

/** Sørensen–Dice coefficient of the two texts' bigram multisets: 1 for the same text, 0 for nothing in common. Linear in the texts' length. */
export const textSimilarity = (a: string, b: string): number => {
  const first = bigrams(a);
  const second = bigrams(b);
  if (first.total + second.total === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const [pair, count] of first.counts) shared += Math.min(count, second.counts.get(pair) ?? 0);
  return (2 * shared) / (first.total + second.total);
};

/** Whether `next` reads as a new version of `previous` (both the source text a case was extracted from). */
export const isRevisionOf = (next: string, previous: string): boolean => textSimilarity(next, previous) >= REVISION_SIMILARITY;
