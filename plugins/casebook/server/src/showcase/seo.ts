import { trimmedText } from '../utils';

/** The longest description a case's SEO answer gives: the most an editor may write in seoDescription. */
export const SEO_DESCRIPTION_MAX = 160;

/** Where a sentence or clause ends, in Chinese or Latin punctuation. */
const SENTENCE_END = /[。！？；!?;]/u;

/**
 * A search engine's description of a case: its text on one line, at most `max` characters (code points: a
 * character outside the Basic Multilingual Plane is never split). A longer text ends at its last full sentence
 * within the limit when that keeps at least two thirds of it, else at the limit with "…".
 */
export const seoDescriptionOf = (text: string | null | undefined, max = SEO_DESCRIPTION_MAX): string | null => {
  const line = (text ?? '').replace(/\s+/gu, ' ').trim();
  if (line === '') return null;
  const characters = Array.from(line);
  if (characters.length <= max) return line;
  const kept = characters.slice(0, max);
  for (let end = kept.length - 1; end >= Math.floor((max * 2) / 3); end -= 1) {
    if (SENTENCE_END.test(kept[end]!)) return kept.slice(0, end + 1).join('');
  }
  return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
};

/** A case's title and description for search engines and link previews: what the editor wrote, else its title and summary. */
export const seoOf = (found: Readonly<Record<string, unknown>>) => {
  return {
    title: trimmedText(found.seoTitle) ?? trimmedText(found.title) ?? '',
    description: seoDescriptionOf(trimmedText(found.seoDescription) ?? trimmedText(found.summary)),
  };
};
