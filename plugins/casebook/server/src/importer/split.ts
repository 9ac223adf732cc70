import { findHospitalNames, isHospitalNameLine } from './hospitals';
import { TERMINAL } from './normalise';
import type { ExtractedPerson, Normalised, RemovedSegment } from './types';

export type Paragraph = { text: string; start: number; end: number };

export type CaseDraft = {
  hospital: string;
  title: string;
  /** The speaker of a conference talk, from the header line. */
  speaker: ExtractedPerson | null;
  paragraphs: Paragraph[];
  /** Header lines (hospital, speaker, title): part of the case's extent, not of its body. */
  header: Paragraph[];
};

export type Split = { cases: CaseDraft[]; unassigned: Paragraph[] };

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
const AUTHORS = /^[(（][\u4e00-\u9fff\s·]{2,30}[)）]$|[。!?”][(（][\u4e00-\u9fff]{2,4}(\s+[\u4e00-\u9fff]{2,4})*[)）]$/;

/** A header is two lines: the hospital (or the speaker) and the title. */
const HEADER_LINES = 2;

type Header = { index: number; hospital: string; title: string; speaker: ExtractedPerson | null };

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

/** Han bigrams of a text, for telling which case a stray paragraph of an interleaved page belongs to. */
const bigrams = (text: string): string[] => {
  const han = text.replace(/[^\u4e00-\u9fff]/g, '');
  const grams: string[] = [];
  for (let index = 0; index < han.length - 1; index += 1) grams.push(han.slice(index, index + 2));
  return grams;
};

const similarity = (paragraph: string, caseText: string, documentFrequency: Map<string, number>, caseCount: number): number => {
  const own = new Set(bigrams(caseText));
  let score = 0;
  let total = 0;
  for (const gram of new Set(bigrams(paragraph))) {
    const weight = Math.log((caseCount + 1) / (documentFrequency.get(gram) ?? 1));
    total += weight;
    if (own.has(gram)) score += weight;
  }
  return total === 0 ? 0 : score / total;
};

/**
 * Splits a document into cases. A newspaper page gives each case a header (a hospital-name line and a
 * title line); a conference summary gives each talk a speaker line (unit + position + name) and a title.
 * Pages interleave columns, so a paragraph is first given to the header above it, then moved to another
 * case when it sits at a seam (next to a header, or after a sentence cut off mid-way) and its vocabulary
 * belongs to that case much more than to its own. A case that starts before its header (the header box
 * printed mid-column) takes the paragraphs between the previous case's author line and its header.
 */
export const splitCases = (normalised: Normalised, ownerHint: (paragraphs: Paragraph[], removed: RemovedSegment[]) => string | null): Split => {
  const paragraphs = paragraphsOf(normalised.text);
  const headers = findHeaders(paragraphs);

  if (headers.length === 0) {
    const hospital = ownerHint(paragraphs, normalised.removed);
    if (!hospital) return { cases: [], unassigned: paragraphs };
    const titleLines: Paragraph[] = [];
    for (const paragraph of paragraphs) {
      if (titleLines.length < 2 && isTitleLine(paragraph.text) && !/[,，]$/.test(paragraph.text)) titleLines.push(paragraph);
      else break;
    }
    return {
      cases: [
        {
          hospital,
          title: titleLines.map((line) => line.text).join(' ') || paragraphs[0].text.slice(0, 40),
          speaker: null,
          header: titleLines,
          paragraphs: paragraphs.slice(titleLines.length),
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
  paragraphs.forEach((paragraph, index) => {
    if (headerAt.has(index)) {
      current = headerAt.get(index)!;
      closed = false;
    }
    if (isHeaderLine[index]) return;
    if (closed) {
      const nextHeader = headers.findIndex((header) => header.index > index);
      owner[index] = nextHeader === -1 ? current : nextHeader;
    } else {
      owner[index] = current;
    }
    if (current >= 0 && AUTHORS.test(paragraph.text)) closed = true;
  });
  // Pass 2: move stray paragraphs at seams to the case whose vocabulary they share.
  const caseText = (position: number, except: number) =>
    headers[position].title + paragraphs.filter((_, index) => owner[index] === position && index !== except).map((paragraph) => paragraph.text).join('');
  const documentFrequency = new Map<string, number>();
  headers.forEach((_, position) => {
    for (const gram of new Set(bigrams(caseText(position, -1)))) documentFrequency.set(gram, (documentFrequency.get(gram) ?? 0) + 1);
  });
  paragraphs.forEach((paragraph, index) => {
    if (isHeaderLine[index] || owner[index] < 0 || AUTHORS.test(paragraph.text)) return;
    const previousBody = paragraphs.slice(0, index).reverse().find((_, back) => !isHeaderLine[index - 1 - back]);
    const atSeam = isHeaderLine[index - 1] || isHeaderLine[index + 1] || (previousBody !== undefined && !TERMINAL.test(previousBody.text));
    if (!atSeam) return;
    const scores = headers.map((_, position) => similarity(paragraph.text, caseText(position, index), documentFrequency, headers.length));
    const best = scores.indexOf(Math.max(...scores));
    if (best !== owner[index] && scores[best] > 1.5 * scores[owner[index]] + 0.05) owner[index] = best;
  });
  // An author line signs the paragraph above it, wherever that paragraph went.
  paragraphs.forEach((paragraph, index) => {
    if (!AUTHORS.test(paragraph.text) || !/^[(（]/.test(paragraph.text)) return;
    for (let back = index - 1; back >= 0; back -= 1) {
      if (!isHeaderLine[back] && owner[back] >= 0) {
        owner[index] = owner[back];
        break;
      }
    }
  });

  return {
    cases: headers.map((header, position) => ({
      hospital: header.hospital,
      title: header.title,
      speaker: header.speaker,
      header: paragraphs.slice(header.index, header.index + HEADER_LINES),
      paragraphs: paragraphs.filter((_, index) => owner[index] === position),
    })),
    unassigned: paragraphs.filter((_, index) => owner[index] < 0 && !isHeaderLine[index]),
  };
};
