import { errors } from '@strapi/utils';
import { toSimplified } from '../chinese';
import type { SnippetField } from '../closed-sets';

/**
 * Chinese text search without a word segmenter: every Han character is a token, and a query term is matched
 * as a phrase of consecutive tokens, which is exactly "the term occurs in the text" (other scripts match whole
 * words). On SQLite FTS5 answers that alone; PostgreSQL's GIN-indexed gram array answers it alone for terms of
 * one token or one pair of Han characters. Wherever the index can only narrow the candidates, an exact substring
 * test on the stored search form decides, so both databases return the same cases.
 */

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 50;

/** Simplified, half-width and lower case: the one form in which texts and queries are compared. */
export const searchForm = (text: string): string => {
  const halfWidth = text.replace(FULL_WIDTH, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
  let simplified = toSimplified(halfWidth);
  if (simplified.length !== halfWidth.length) {
    // A phrase rule changed the length: convert character by character, so offsets in the form are offsets in the text.
    simplified = Array.from(halfWidth, (char) => {
      const converted = toSimplified(char);
      return converted.length === char.length ? converted : char;
    }).join('');
  }
  return Array.from(simplified, (char) => {
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  }).join('');
};

/** The index's tokens: each Han character alone, runs of other letters and digits as words. */
export const tokens = (form: string): string[] => form.match(TOKEN) ?? [];

/** Stands where the text has anything but a token between two tokens, so that phrases do not match across it. */
const BREAK = 'x0brk';

/** Tokens with BREAK wherever something (space, punctuation) separates two of them. */
const ftsTokens = (form: string): string[] => {
  const out: string[] = [];
  let end = 0;
  for (const match of form.matchAll(TOKEN)) {
    if (out.length > 0 && match.index !== end) out.push(BREAK);
    out.push(match[0]);
    end = match.index + match[0].length;
  }
  return out;
};

/** What FTS5 indexes: the tokens and breaks, space separated (its unicode61 tokenizer splits them back). */
export const ftsDocument = (form: string): string => ftsTokens(form).join(' ');

/** Grams of a text (PostgreSQL's index): every token, and every pair of adjacent Han characters. */
export const textGrams = (form: string): string[] => {
  const grams = new Set(tokens(form));
  for (const [run] of form.matchAll(HAN_RUN)) {
    for (let index = 0; index + 1 < run.length; index += 1) grams.add(run.slice(index, index + 2));
  }
  return [...grams];
};

/** Grams a text must hold to contain `term`: its words, and its Han characters in adjacent pairs (or alone). */
export const termGrams = (term: string): string[] => {
  const grams = new Set(tokens(term).filter((token) => !HAN.test(token)));
  for (const [run] of term.matchAll(HAN_RUN)) {
    if (run.length === 1) grams.add(run);
    for (let index = 0; index + 1 < run.length; index += 1) grams.add(run.slice(index, index + 2));
  }
  return [...grams];
};

/** An FTS5 query that holds every term as a phrase; terms without tokens (only punctuation) are left to the exact test. */
export const ftsQuery = (terms: readonly string[]): string | undefined => {
  const phrases = terms.map(ftsTokens).filter((list) => list.length > 0);
  return phrases.length > 0 ? phrases.map((list) => `"${list.join(' ')}"`).join(' AND ') : undefined;
};

/**
 * Whether the index's answer for `term` needs the exact substring test: on SQLite only when the term holds
 * something other than tokens (the phrase ignores which separator stands where); on PostgreSQL also when it is
 * more than one token or one pair of Han characters (its grams may then be spread over the text).
 */
export const needsSubstringTest = (term: string, dialect: 'sqlite' | 'postgres'): boolean => {
  const parts = tokens(term);
  if (parts.join('') !== term) return true;
  if (dialect === 'sqlite') return false;
  return !(parts.length === 1 || (parts.length === 2 && HAN.test(parts[0]!) && HAN.test(parts[1]!)));
};

/**
 * A visitor's query as search terms: search form, split on white space, duplicates dropped.
 * @throws ValidationError when nothing is left to search for or the query is too long.
 */
export const parseQuery = (query: string): string[] => {
  const terms = [...new Set(searchForm(query).split(/\s+/).filter(Boolean))];
  if (terms.length === 0) throw new errors.ValidationError('The search query is empty', { query });
  if (terms.length > MAX_TERMS) throw new errors.ValidationError(`A search query has at most ${MAX_TERMS} terms`, { query, terms: terms.length });
  const long = terms.find((term) => term.length > MAX_TERM_LENGTH);
  if (long) throw new errors.ValidationError(`A search term has at most ${MAX_TERM_LENGTH} characters`, { term: long });
  return terms;
};

export type TextRange = { start: number; end: number };
export type Snippet = { field: SnippetField; text: string; matches: TextRange[] };

/**
 * The passage around the first match, cut from the original text, with the ranges of every term inside it.
 * Each field comes with its search form (as the case index stores it), where the terms are looked for: the form
 * keeps every offset of the original. Fields are tried in order; undefined when no field holds a term.
 */
export const snippet = (
  fields: ReadonlyArray<{ field: SnippetField; text: string | null | undefined; form: string | null | undefined }>,
  terms: readonly string[],
  radius = 40,
): Snippet | undefined => {
  for (const { field, text, form } of fields) {
    if (!text || !form || form.length !== text.length) continue;
    const first = Math.min(...terms.map((term) => form.indexOf(term)).filter((index) => index >= 0));
    if (!Number.isFinite(first)) continue;
    const start = Math.max(0, first - radius);
    const end = Math.min(text.length, first + radius * 2);
    const prefix = start > 0 ? '…' : '';
    const window = form.slice(start, end);
    const matches: TextRange[] = [];
    for (const term of terms) {
      for (let at = window.indexOf(term); at >= 0; at = window.indexOf(term, at + term.length)) {
        if (start + at + term.length <= end) matches.push({ start: prefix.length + at, end: prefix.length + at + term.length });
      }
    }
    matches.sort((a, b) => a.start - b.start);
    return { field, text: `${prefix}${text.slice(start, end).replace(/\s/g, ' ')}${end < text.length ? '…' : ''}`, matches };
  }
  return undefined;
};
