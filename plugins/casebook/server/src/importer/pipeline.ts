import { createHash } from 'node:crypto';
import { decode } from './decode';
import { describeHospital, findHospitalNames, levelIn } from './hospitals';
import { initiativesOf } from './initiatives';
import { extractMetrics } from './metrics';
import { normalise } from './normalise';
import { authorsOf, peopleIn, uniquePeople } from './people';
import { sourceOf } from './source';
import { splitCases, type CaseDraft, type Paragraph } from './split';
import { endsSentence, sentencesOf } from './text-rules';
import { themesOf } from './themes';
import { originalRange } from './tracked-text';
import { ImportError, type Decoded, type ExtractedCase, type ExtractedDocument, type ExtractedHospital, type Normalised, type RemovedSegment } from './types';

export type Extraction = {
  decoded: Decoded;
  normalised: Normalised;
  /** sha256 of the normalised text: the identity of a document's content for idempotent imports. */
  sha256: string;
  document: ExtractedDocument;
};

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

/** A name and every shorter name it ends with (重庆市人民医院, 庆市人民医院 … 院): hospital names are short. */
const tailsOf = (name: string): string[] => Array.from({ length: name.length }, (_, cut) => name.slice(cut));

/** For each proper tail of the given names, the longer names that end with it, in the given order. */
const longerNamesByTail = (names: Iterable<string>): Map<string, string[]> => {
  const byTail = new Map<string, string[]>();
  for (const name of names) {
    for (const tail of tailsOf(name).slice(1)) {
      const longer = byTail.get(tail);
      if (longer) longer.push(name);
      else byTail.set(tail, [name]);
    }
  }
  return byTail;
};

/**
 * The hospital a single-case document is about: the name that opens sentences and paragraphs, stands in
 * the title or the page's byline, rather than one named as a partner (与…合作, 邀请…专家).
 */
const ownerOf = (paragraphs: Paragraph[], removed: RemovedSegment[]): string | null => {
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
    for (const match of findHospitalNames(segment.text)) add(match.name, 2);
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

const summaryOf = (paragraphs: Paragraph[]) => {
  const text = paragraphs.map((paragraph) => paragraph.text).find((paragraph) => paragraph.length >= 40) ?? paragraphs[0]?.text ?? '';
  let summary = '';
  for (const sentence of sentencesOf(text)) {
    if (summary.length + sentence.length > 200 && summary) break;
    summary += sentence;
  }
  return summary.slice(0, 300);
};

const bylinePeople = (removed: RemovedSegment[]) =>
  removed.flatMap((segment) => {
    const reporter = /^(本报记者|记者|通讯员)\s*([\u4e00-\u9fff]{2,4}?)\s*(整理|采写|报道)?$/.exec(segment.text.trim());
    if (reporter) return [{ name: reporter[2], role: reporter[1] }];
    if (segment.kind === 'byline' && /^[\u4e00-\u9fff]{2,4}$/.test(segment.text.trim())) return [{ name: segment.text.trim(), role: '作者' }];
    return [];
  });

const buildCase = (draft: CaseDraft, normalised: Normalised, context: { source: ExtractedCase['source']; byline: ReturnType<typeof bylinePeople> }): ExtractedCase => {
  const texts = draft.paragraphs.map((paragraph) => paragraph.text);
  const body = texts.join('\n\n');
  const people = uniquePeople([
    ...(draft.speaker ? [draft.speaker] : []),
    ...texts.flatMap(authorsOf),
    ...peopleIn(body),
    ...context.byline,
  ]);
  const extent = [...draft.header, ...draft.paragraphs];
  // Not Math.min(...starts): spreading a case of some hundred thousand paragraphs overflows the call stack.
  const first = extent.reduce((min, paragraph) => Math.min(min, paragraph.start), Infinity);
  const last = extent.reduce((max, paragraph) => Math.max(max, paragraph.end), -Infinity);
  const range = originalRange(normalised, first, last);
  return {
    title: draft.title,
    hospital: draft.hospital,
    people,
    source: context.source,
    summary: summaryOf(draft.paragraphs),
    body,
    themes: themesOf(draft.title, body),
    initiatives: initiativesOf(texts),
    metrics: draft.paragraphs.flatMap((paragraph) => extractMetrics(normalised, paragraph.start, paragraph.end)),
    start: range.start,
    end: range.end,
  };
};

/** Every hospital the document names: case owners first, then the ones only mentioned, short forms folded in as aliases. */
const hospitalsOf = (cases: ExtractedCase[], normalised: Normalised): ExtractedHospital[] => {
  const owners = new Map<string, ExtractedHospital>();
  for (const extracted of cases) {
    if (!owners.has(extracted.hospital)) {
      const hospital = describeHospital(extracted.hospital, 'case_owner');
      hospital.level = levelIn(extracted.body.slice(0, 400));
      owners.set(extracted.hospital, hospital);
    }
  }
  // The first owner whose name ends with a name found, and the tails of the names mentioned so far: looked
  // up rather than searched for each name found (a document may name thousands).
  const ownerByTail = new Map<string, ExtractedHospital>();
  for (const owner of owners.values()) for (const tail of tailsOf(owner.name)) if (!ownerByTail.has(tail)) ownerByTail.set(tail, owner);
  const mentioned = new Map<string, ExtractedHospital>();
  const mentionedTails = new Set<string>();
  for (const match of findHospitalNames(normalised.text)) {
    const owner = ownerByTail.get(match.name);
    if (owner) {
      if (owner.name !== match.name && !owner.aliases.includes(match.name)) owner.aliases.push(match.name);
      continue;
    }
    if (mentionedTails.has(match.name)) continue;
    mentioned.set(match.name, describeHospital(match.name, 'mentioned'));
    for (const tail of tailsOf(match.name)) mentionedTails.add(tail);
  }
  return [...owners.values(), ...mentioned.values()];
};

/** decode → normalise → split → extract, for one document; no database involved. */
export const extractDocument = (bytes: Uint8Array): Extraction => {
  const decoded = decode(bytes);
  const normalised = normalise(decoded.text);
  if (normalised.text === '') {
    throw new ImportError('nothing is left of the document once its page chrome (menus, counters, buttons, footers) is taken out', 'empty');
  }
  const sha256 = createHash('sha256').update(normalised.text).digest('hex');
  const split = splitCases(normalised, ownerOf);
  if (split.cases.length === 0) {
    throw new ImportError('no hospital is named in the document, so no case can be made of it (a page that only says 我院 needs the hospital named)', 'no-hospital');
  }
  const context = { source: sourceOf(normalised.removed, normalised.text), byline: bylinePeople(normalised.removed) };
  const cases = split.cases.map((draft) => buildCase(draft, normalised, context));
  return {
    decoded,
    normalised,
    sha256,
    document: {
      hospitals: hospitalsOf(cases, normalised),
      cases,
      metrics: split.unassigned.flatMap((paragraph) => extractMetrics(normalised, paragraph.start, paragraph.end)),
    },
  };
};
