import { findHospitalNames } from './hospitals';

/**
 * What the stages after decoding read alike in the normalised text: where a sentence ends, where a line stops
 * mid-way, which line is a hospital's name. One rule in one place: the normaliser, the splitter and the
 * extractors would otherwise each keep a copy, and a copy fixed alone makes the stages disagree.
 */

/**
 * The marks that end a sentence, as a character class's contents to compose patterns with. Normalised text
 * has no full-width ！ or ？: the normaliser made them half-width.
 */
export const SENTENCE_END = '。!?';

const ENDS_SENTENCE = new RegExp(`[${SENTENCE_END}]\\s*$`);
const SENTENCE = new RegExp(`[^${SENTENCE_END}]+[${SENTENCE_END}]?`, 'g');
/** A line that ends a sentence, a quote or a bracket, rather than stopping mid-way. */
const COMPLETE_LINE = new RegExp(`[${SENTENCE_END}…”"』」)）.]$`);

/** Whether a sentence ends at the end of `text` (white space after the mark aside): what follows starts one. */
export const endsSentence = (text: string): boolean => ENDS_SENTENCE.test(text);

/** The sentences of a text, each with its closing mark (the last one may have none). */
export const sentencesOf = (text: string): string[] => text.match(SENTENCE) ?? [text];

/** A line that stops mid-sentence, cut off by a page's layout (a column break, a photo set into the text). */
export const isCutOff = (line: string): boolean => !COMPLETE_LINE.test(line);

/** A line that is nothing but a hospital's name: the header of a case on a newspaper page. */
export const isHospitalNameLine = (line: string): boolean => {
  const trimmed = line.trim();
  if (!/^[\u4e00-\u9fff]{3,26}$/.test(trimmed)) return false;
  const [match] = findHospitalNames(trimmed);
  return match !== undefined && match.start === 0 && match.end === trimmed.length;
};

/** The labels by which a page says whose article it is: its author, source or submitting hospital (作者:…, 来源:【…】). */
export const SOURCE_LABELS = ['作者', '来源', '文章来源', '本文来源', '信息来源', '提交医院', '提交单位', '申报单位', '申报医院'] as const;
/** The labels of a case record's field naming the hospital that submitted it: its owner, said outright. */
export const SUBMITTER_LABELS = ['提交医院', '提交单位', '申报单位', '申报医院'] as const;
/** Every label of a page's metadata lines: the source labels, and when and by whom it was published or edited. */
export const PAGE_LABELS = [...SOURCE_LABELS, '发布时间', '发布日期', '发布于', '发布', '编辑', '责任编辑', '审核'] as const;
/** The labels as a regular expression's alternatives, longest first (发布时间 before 发布). */
export const labelPattern = (labels: readonly string[]): string => [...labels].sort((a, b) => b.length - a.length).join('|');
