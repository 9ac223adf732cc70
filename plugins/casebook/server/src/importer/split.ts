import { findHospitalNames } from './hospitals';
import { titleOf } from './titles';
import { isCutOff, isHospitalNameLine, SENTENCE_END } from './text-rules';
import { brandListOf, pageIndexOf, sameHeadline } from './listed-cases';
import type { CaseDraft, Header, Normalised, Paragraph, RemovedSegment, Split } from './types';

export type { CaseDraft, Header, Paragraph, Split };

export const paragraphsOf = (text: string): Paragraph[] => {
  const blankSeparated = (text.match(/\n\n/g) ?? []).length >= 3;
  const separator = blankSeparated ? /\n\s*\n/g : /\n/g;
  const paragraphs: Paragraph[] = [];
  let cursor = 0;
  const push = (end: number) => {
    const raw = text.slice(cursor, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) paragraphs.push({ text: trimmed, start: cursor + leading, end: cursor + leading + trimmed.length });
  };
  for (const match of text.matchAll(separator)) {
    push(match.index!);
    cursor = match.index! + match[0].length;
  }
  push(text.length);
  return paragraphs;
};

const ROLE = '(?:党委|党总支|党支部|纪委|院|医院)?(?:常务)?(?:副)?(?:书记|院长|主任|副主任|负责人|委员)(?:、(?:党委|纪委)?(?:副)?(?:书记|院长|主任))*';
/** 浙江省人民医院党委副书记、纪委书记 金戈: the unit, the position and the name of a conference speaker. */
const SPEAKER = new RegExp(`^(?<unit>[\\u4e00-\\u9fff]{3,30}?)(?<role>${ROLE})\\s*(?<name>[\\u4e00-\\u9fff]{2,4})$`);

const isTitleLine = (text: string) => text.length >= 4 && text.length <= 40 && !/[。;]/.test(text) && !isHospitalNameLine(text) && !/^[(（]/.test(text);
/** An author line: names in brackets on their own, or after the end of a sentence or a quote. */
const AUTHORS = new RegExp(`^[(（][\\u4e00-\\u9fff\\s·]{2,30}[)）]$|[${SENTENCE_END}”][(（][\\u4e00-\\u9fff]{2,4}(\\s+[\\u4e00-\\u9fff]{2,4})*[)）]$`);

/** A header is two lines: the hospital (or the speaker) and the title. */
const HEADER_LINES = 2;

const findHeaders = (paragraphs: Paragraph[]): Header[] => {
  const headers: Header[] = [];
  for (let index = 0; index < paragraphs.length - 1; index += 1) {
    const line = paragraphs[index].text;
    const next = paragraphs[index + 1].text;
    if (!isTitleLine(next)) continue;
    if (isHospitalNameLine(line)) {
      headers.push({ index, hospital: line, title: next, speaker: null });
      continue;
    }
    const speaker = SPEAKER.exec(line);
    if (speaker?.groups) {
      const [hospital] = findHospitalNames(speaker.groups.unit);
      if (hospital && hospital.start === 0 && hospital.end === speaker.groups.unit.length) {
        headers.push({
          index,
          hospital: hospital.name,
          title: next,
          speaker: { name: speaker.groups.name, role: speaker.groups.role },
        });
      }
    }
  }
  return headers;
};

const hanOf = (text: string) => text.replace(/[^\u4e00-\u9fff]/g, '');

/** Han bigrams of a text (its Han characters only, run together), for telling which case a stray paragraph of an interleaved page belongs to. */
const bigrams = (han: string): string[] => {
  const grams: string[] = [];
  for (let index = 0; index < han.length - 1; index += 1) grams.push(han.slice(index, index + 2));
  return grams;
};

/**
 * The bigrams of one case's text (its title, then its paragraphs in order, run together), counted, so a
 * paragraph is taken out of the case or put into it without reading the case again. Run together, the last
 * Han character of one piece and the first of the next make a bigram too.
 */
class CaseGrams {
  private readonly counts = new Map<string, number>();

  constructor(text: string) {
    for (const gram of bigrams(hanOf(text))) this.add(gram, 1);
  }

  private add(gram: string, delta: number) {
    this.counts.set(gram, (this.counts.get(gram) ?? 0) + delta);
  }

  has(gram: string): boolean {
    return (this.counts.get(gram) ?? 0) > 0;
  }

  grams(): IterableIterator<string> {
    return this.counts.keys();
  }

  /** Puts in (delta 1) or takes out (-1) a piece whose neighbours in the case end with `before` and start with `after`. */
  change(han: string, before: string | null, after: string | null, delta: 1 | -1) {
    if (han === '') return;
    for (const gram of bigrams(han)) this.add(gram, delta);
    if (before) this.add(before + han[0], delta);
    if (after) this.add(han[han.length - 1] + after, delta);
    if (before && after) this.add(before + after, -delta);
  }
}

/**
 * The cases a paragraph at a seam is compared with: its own and those whose headers are at most this many
 * headers away. Pages interleave neighbouring columns; comparing every paragraph with every case made a
 * document of many cases take quadratic time.
 */
const NEIGHBOURING_CASES = 16;

/**
 * Splits a document into cases. A newspaper page gives each case a header (a hospital-name line and a
 * title line); a conference summary gives each talk a speaker line (unit + position + name) and a title;
 * an e-paper page's index and an experience material's brand list give a case per listed item (see
 * listed-cases); a document without any of these is one article, titled by `titleOf`, its hospital left to
 * the owner stage.
 * Pages interleave columns, so a paragraph is first given to the header above it, then moved to another
 * case when it sits at a seam (next to a header, or after a sentence cut off mid-way) and its vocabulary
 * belongs to that case much more than to its own. A case that starts before its header (the header box
 * printed mid-column) takes the paragraphs between the previous case's author line and its header.
 * Each pass reads each paragraph once (against at most 2 × NEIGHBOURING_CASES + 1 cases).
 */
export const splitCases = (normalised: Normalised): Split => splitParagraphs(paragraphsOf(normalised.text), normalised.removed);

/** `splitCases` on paragraphs read already, with the page chrome the normaliser removed (for the title stage). */
const splitParagraphs = (paragraphs: Paragraph[], removed: RemovedSegment[]): Split => {
  const headers = findHeaders(paragraphs);

  if (headers.length === 0) {
    // No text, no case: not even when the page chrome the normaliser dropped names a hospital.
    if (paragraphs.length === 0) return { cases: [], unassigned: [] };
    const index = pageIndexOf(paragraphs);
    if (index) {
      const article = splitParagraphs(paragraphs.filter((paragraph) => !index.paragraphs.has(paragraph)), removed);
      const own = article.cases[0];
      const listed = index.entries.filter((entry) => !own || !sameHeadline(entry.title, own.title));
      return { cases: [...article.cases, ...listed.map((entry) => entry.draft)], unassigned: article.unassigned };
    }
    const list = brandListOf(paragraphs);
    if (list) {
      // The material's own words around the list (its title, its introduction) belong to no hospital's case.
      const first = list.brands[0]!.draft.paragraphs[0]!;
      const preamble = { text: list.paragraph.text.slice(0, first.start - list.paragraph.start), start: list.paragraph.start, end: first.start };
      const others = paragraphs.filter((paragraph) => paragraph !== list.paragraph);
      return { cases: list.brands.map((brand) => brand.draft), unassigned: (preamble.text.trim() ? [...others, preamble] : others).sort((a, b) => a.start - b.start) };
    }
    const titleLines: Paragraph[] = [];
    for (const paragraph of paragraphs) {
      if (titleLines.length < 2 && isTitleLine(paragraph.text) && !/[,，]$/.test(paragraph.text)) titleLines.push(paragraph);
      else break;
    }
    const body = paragraphs.slice(titleLines.length);
    const { title, titleConfidence, column } = titleOf(titleLines, body, removed);
    return {
      cases: [
        {
          found: 'article',
          header: null,
          title,
          titleConfidence,
          column,
          headerLines: titleLines,
          paragraphs: body,
        },
      ],
      unassigned: [],
    };
  }

  const headerAt = new Map(headers.map((header, position) => [header.index, position]));
  const owner: number[] = new Array(paragraphs.length).fill(-1);
  const isHeaderLine = new Array(paragraphs.length).fill(false);
  headers.forEach((header) => {
    for (let line = 0; line < HEADER_LINES; line += 1) isHeaderLine[header.index + line] = true;
  });

  // Pass 1: each paragraph to the header above it (none above: the document's own, such as a notice's
  // preamble or a keynote); after a case's author line, to the next header.
  let current = -1;
  let closed = false;
  let nextHeader = 0;
  paragraphs.forEach((paragraph, index) => {
    if (headerAt.has(index)) {
      current = headerAt.get(index)!;
      closed = false;
    }
    while (nextHeader < headers.length && headers[nextHeader].index <= index) nextHeader += 1;
    if (isHeaderLine[index]) return;
    owner[index] = closed && nextHeader < headers.length ? nextHeader : current;
    if (current >= 0 && AUTHORS.test(paragraph.text)) closed = true;
  });

  // Pass 2: move stray paragraphs at seams to the case whose vocabulary they share.
  const han = paragraphs.map((paragraph) => hanOf(paragraph.text));
  const texts = headers.map((header) => [header.title]);
  paragraphs.forEach((paragraph, index) => {
    if (owner[index] >= 0) texts[owner[index]].push(paragraph.text);
  });
  const cases = texts.map((pieces) => new CaseGrams(pieces.join('')));
  const documentFrequency = new Map<string, number>();
  for (const grams of cases) for (const gram of grams.grams()) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  // Where each case's text stands at the paragraph being read: the last Han character before it, and its
  // paragraphs after it that have Han characters (not moved yet: only the paragraph being read moves).
  const lastHan: Array<string | null> = headers.map((header) => hanOf(header.title).at(-1) ?? null);
  const later: number[][] = headers.map(() => []);
  han.forEach((text, index) => {
    if (owner[index] >= 0 && text !== '') later[owner[index]].push(index);
  });
  const laterFrom = headers.map(() => 0);
  const firstHanAfter = (position: number, index: number): string | null => {
    const members = later[position];
    while (laterFrom[position] < members.length && members[laterFrom[position]] <= index) laterFrom[position] += 1;
    return laterFrom[position] < members.length ? han[members[laterFrom[position]]][0] : null;
  };

  let previousBody: Paragraph | undefined;
  paragraphs.forEach((paragraph, index) => {
    const settle = () => {
      if (!isHeaderLine[index]) previousBody = paragraph;
      if (owner[index] >= 0 && han[index] !== '') lastHan[owner[index]] = han[index][han[index].length - 1];
    };
    if (isHeaderLine[index] || owner[index] < 0 || AUTHORS.test(paragraph.text)) return settle();
    const atSeam = isHeaderLine[index - 1] || isHeaderLine[index + 1] || (previousBody !== undefined && isCutOff(previousBody.text));
    if (!atSeam) return settle();

    const own = owner[index];
    cases[own].change(han[index], lastHan[own], firstHanAfter(own, index), -1);
    const grams = [...new Set(bigrams(han[index]))];
    const weights = grams.map((gram) => Math.log((headers.length + 1) / (documentFrequency.get(gram) ?? 1)));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const similarity = (position: number) => {
      let score = 0;
      grams.forEach((gram, at) => {
        if (cases[position].has(gram)) score += weights[at];
      });
      return total === 0 ? 0 : score / total;
    };
    let best = -1;
    let bestScore = -Infinity;
    for (let position = Math.max(0, own - NEIGHBOURING_CASES); position <= Math.min(headers.length - 1, own + NEIGHBOURING_CASES); position += 1) {
      const score = similarity(position);
      if (score > bestScore) [best, bestScore] = [position, score];
    }
    if (best !== own && bestScore > 1.5 * similarity(own) + 0.05) owner[index] = best;
    cases[owner[index]].change(han[index], lastHan[owner[index]], firstHanAfter(owner[index], index), 1);
    settle();
  });
  // An author line signs the paragraph above it, wherever that paragraph went.
  let lastOwned = -1;
  paragraphs.forEach((paragraph, index) => {
    if (AUTHORS.test(paragraph.text) && /^[(（]/.test(paragraph.text) && lastOwned >= 0) owner[index] = owner[lastOwned];
    if (!isHeaderLine[index] && owner[index] >= 0) lastOwned = index;
  });

  const byCase: Paragraph[][] = headers.map(() => []);
  paragraphs.forEach((paragraph, index) => {
    if (owner[index] >= 0) byCase[owner[index]].push(paragraph);
  });
  return {
    cases: headers.map((header, position) => ({
      found: 'header' as const,
      header,
      title: header.title,
      titleConfidence: { rule: 'case-header', score: 0.9 },
      headerLines: paragraphs.slice(header.index, header.index + HEADER_LINES),
      paragraphs: byCase[position],
    })),
    unassigned: paragraphs.filter((_, index) => owner[index] < 0 && !isHeaderLine[index]),
  };
};
