import { CHINESE_NUMERAL, parseNumber } from './numbers';
import { originalRange } from './tracked-text';
import type { ExtractedMetric, MetricKind, Qualifier, TrackedText } from './types';

/** Units a count, amount or rate is given in, longest first so 人次 wins over 人. */
const UNITS = [
  '人次', '场次', '台次', '例次', '余人', '万元', '亿元', '千元', '小时', '分钟', '平方米', '公里', '床位', '个百分点',
  '人', '名', '位', '个', '项', '次', '场', '家', '台', '篇', '部', '户', '份', '袋', '条', '所', '例', '床', '张', '件', '批',
  '支', '期', '元', '天', '门', '种', '类', '本', '套', '辆', '处', '间', '座', '栋', '亩', '米', '册', '首', '幅', '块', '万',
].map((unit) => unit.replace('余人', ''))
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

const UNIT = `(?:${UNITS.join('|')})`;
const PER = '(?:/(?:人|年|月|季度|周|天|日|次|床|例))';
const ARABIC = '\\d+(?:\\.\\d+)?';

/**
 * A quantity: an optional qualifier before, the number (Arabic, with 万/亿/千, or a fraction, or 上千-style),
 * an optional 余/多 and the unit (or %).
 */
const QUANTITY = new RegExp(
  [
    `(?<pre>近|约|大约|大概|将近|超过|逾|多达|不到|不足|少于)?`,
    `(?:`,
    `(?<number>${ARABIC})(?<more1>余|多)?(?<mult>[万亿千])?(?<more2>余|多)?(?:(?<unit>${UNIT}${PER}?)|(?<percent>%|％))`,
    `|(?<fracDen>${CHINESE_NUMERAL}+|\\d+)分之(?<fracNum>${CHINESE_NUMERAL}+|\\d+)`,
    `|(?<round>上|近|逾)(?<roundMult>百|千|万)(?<roundMore>余|多)?(?<roundUnit>${UNIT})`,
    `)`,
    `(?<post>余|多|以上|左右)?`,
  ].join(''),
  'g',
);

const TIME_UNITS = new Set(['小时', '分钟', '天']);
/** Nouns that count the parts of a programme, not results: 3个方面, 6个环节, 2个规定动作, 18项医疗核心制度. */
const STRUCTURAL_NOUN = /^.{0,6}?(方面|环节|步骤|基础|动作|原则|要求|意识|理念|层面|维度|底线|抓手|特点|目标|任务|核心制度|规定)/;
const CLAUSE_BREAK = /[,。;:!?、，；：！？\n]/;
const CHANGE = /(较|比|同比|环比)[^,。;]{0,12}(增长|增加|提高|提升|上升|下降|减少|降低)/;
const APPROX_BEFORE = /(约|大约|大概|将近|近乎)[^,。;]{0,14}$/;

/** Time phrases that say when a figure holds, nearest one wins: 截至2018年8月, 2018年3月以来, 近三年来, 目前 … */
const PERIOD = new RegExp(
  [
    '(截至|截止|截止到)(目前|\\d{4}年(\\d{1,2}月)?(底)?)',
    '自\\d{4}年(\\d{1,2}月)?(\\d{1,2}日)?[^,。;]{0,12}以来',
    '\\d{4}年(\\d{1,2}月)?(以来|至今)',
    '(今年|去年)(\\d{1,2}月)?(以来|至今)',
    '近[一二三四五两几\\d]年(来|以来)?',
    '疫情期间',
    '(?<![\\d年])\\d{4}年(?=[,，])',
    '^目前|(?<=[,。])目前',
  ].join('|'),
  'g',
);

const qualifierOf = (groups: Record<string, string | undefined>, before: string): Qualifier => {
  if (groups.more1 || groups.more2 || groups.roundMore || groups.post === '余' || groups.post === '多' || groups.post === '以上') return 'more_than';
  if (groups.round === '上' || groups.round === '逾') return 'more_than';
  if (groups.pre === '超过' || groups.pre === '逾' || groups.pre === '多达') return 'more_than';
  if (groups.pre === '不到' || groups.pre === '不足' || groups.pre === '少于') return 'less_than';
  if (groups.pre || groups.post === '左右' || groups.round === '近' || APPROX_BEFORE.test(before)) return 'approx';
  return 'exact';
};

const MULTIPLIER: Record<string, number> = { 千: 1000, 万: 10000, 亿: 100000000, 百: 100 };

const round2 = (value: number) => Math.round(value * 100) / 100;

/** True when `index` sits inside “…” or 《…》 on its line: names such as “2+X” or 《榜样5》. */
const insideQuotes = (text: string, index: number): boolean => {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const before = text.slice(lineStart, index);
  const open = (before.match(/[“《「『]/g) ?? []).length;
  const close = (before.match(/[”》」』]/g) ?? []).length;
  return open > close;
};

const clauseStart = (text: string, index: number) => {
  let start = index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1])) start -= 1;
  return start;
};

/** What is counted: the noun after the unit (12名新进中层干部), else the clause before the number (开展党校活动12次). */
const labelOf = (text: string, clauseFrom: number, numberAt: number, quantityEnd: number): string => {
  const after = /^[\u4e00-\u9fff“”A-Za-z+]{2,24}?(?=[,。;:、，；：和与及的]|$)/m.exec(text.slice(quantityEnd, quantityEnd + 30));
  if (after && after[0].length >= 2) return after[0].replace(/[“”]/g, '');
  return text
    .slice(clauseFrom, numberAt)
    .replace(/^(其中|共计|共|累计|总计|先后|同时|此外|另外|并|还|已|均|全面)/, '')
    .replace(/(近|约|大约|大概|将近|超过|逾|多达|不到|不足|少于|达到|达|共计|共|为|有)$/, '')
    .trim()
    .slice(-30);
};

/** The time phrase in force at `index` within its paragraph. */
const periodAt = (text: string, index: number): string | null => {
  const paragraphStart = Math.max(text.lastIndexOf('\n', index - 1) + 1, 0);
  let found: string | null = null;
  for (const match of text.slice(paragraphStart, index).matchAll(PERIOD)) found = match[0];
  return found;
};

/**
 * Every quantitative claim in text[from, to): counts, percentages, money, durations, rates and changes,
 * with qualifier and period, quoted from the normalised text and located in the original.
 * Dates, years, ages, ordinals, list markers, phone numbers, times, ranges and names with numerals are not claims.
 */
export const extractMetrics = (input: TrackedText, from = 0, to = input.text.length): ExtractedMetric[] => {
  const { text } = input;
  const metrics: ExtractedMetric[] = [];
  QUANTITY.lastIndex = from;
  for (let match = QUANTITY.exec(text); match && match.index < to; match = QUANTITY.exec(text)) {
    const groups = match.groups as Record<string, string | undefined>;
    const start = match.index;
    const end = start + match[0].length;
    const numberAt = start + (groups.pre?.length ?? 0);
    const prev = text[numberAt - 1] ?? '';
    const next = text[end] ?? '';
    if (/[\dA-Za-z.\-:~/第+]/.test(prev) || /[\dA-Za-z\-:~]/.test(next)) continue;
    // 这21个党支部 refers back to a figure already given; 731部队, 5个部门: the unit is part of a word.
    if (/[这那此该]$/.test(text.slice(Math.max(0, numberAt - 1), numberAt)) || /^(部队|部门|名单|期间|次日)/.test(text.slice(end - 1, end + 1))) continue;
    if (insideQuotes(text, numberAt)) continue;

    let value: number;
    let unit: string | null;
    let kind: MetricKind;
    const clauseFrom = clauseStart(text, start);
    const before = text.slice(clauseFrom, numberAt);

    if (groups.number !== undefined) {
      unit = groups.percent ? '%' : groups.unit!;
      const base = Number(groups.number) * (groups.mult ? MULTIPLIER[groups.mult] : 1);
      value = base;
      if (unit === '万') continue; // 万 alone is a multiplier without a unit
      const timeUnit = TIME_UNITS.has(unit);
      if (timeUnit && /[\u4e00-\u9fff]/.test(next)) continue; // 5分钟微党课: a name
      if (unit === '个百分点') kind = 'change';
      else if (unit === '%') kind = CHANGE.test(before) ? 'change' : 'percent';
      else if (/元$/.test(unit)) {
        kind = 'money';
        if (unit !== '元') {
          value = base * MULTIPLIER[unit[0]];
          unit = '元';
        }
      } else if (unit.includes('/')) kind = TIME_UNITS.has(unit.split('/')[0]) ? 'duration' : 'rate';
      else if (timeUnit) kind = 'duration';
      else kind = 'count';
      if (kind === 'count' && STRUCTURAL_NOUN.test(text.slice(end, end + 10))) continue;
    } else if (groups.fracDen !== undefined) {
      const denominator = parseNumber(groups.fracDen);
      const numerator = parseNumber(groups.fracNum!);
      if (!denominator || numerator === null) continue;
      value = round2((numerator / denominator) * 100);
      unit = '%';
      kind = 'percent';
    } else {
      value = MULTIPLIER[groups.roundMult!];
      unit = groups.roundUnit!;
      kind = 'count';
    }

    const quoteEnd = end;
    const range = originalRange(input, clauseFrom, quoteEnd);
    metrics.push({
      label: labelOf(text, clauseFrom, numberAt, end) || unit || '',
      value: round2(value),
      unit,
      qualifier: qualifierOf(groups, before),
      kind,
      period: periodAt(text, start),
      text: text.slice(clauseFrom, quoteEnd),
      start: range.start,
      end: range.end,
    });
  }
  return metrics;
};
