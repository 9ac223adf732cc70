import { CHINESE_NUMERAL, CHINESE_NUMERAL_START, parseNumber } from './numbers';
import { originalRange } from './tracked-text';
import type { ExtractedMetric, MetricKind, Qualifier, TrackedText } from './types';

/** Units a count, amount or rate is given in, longest first so 人次 wins over 人. */
const UNITS = [
  '人次', '场次', '台次', '例次', '余人', '万元', '亿元', '千元', '小时', '分钟', '平方米', '公里', '床位', '个百分点',
  '人', '名', '位', '个', '项', '次', '场', '家', '台', '篇', '部', '户', '份', '袋', '条', '所', '例', '床', '张', '件', '批',
  '支', '期', '元', '天', '门', '种', '类', '本', '套', '辆', '处', '间', '座', '栋', '亩', '米', '册', '首', '幅', '块', '万', '岁',
].map((unit) => unit.replace('余人', ''))
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

const UNIT = `(?:${UNITS.join('|')})`;
const PER = '(?:/(?:人|年|月|季度|周|天|日|次|床|例))';
/** Starts only where a run of digits starts: from inside one the match could only fail again, once per digit. */
const ARABIC = '(?<!\\d)\\d+(?:\\.\\d+)?';
/** Longest Chinese numeral read as a denominator (二百五十分之一 has 4): a run of 一 before 分之 is not retried at each character. */
const MAX_DENOMINATOR_NUMERALS = 12;
/** Longest Chinese numeral read as a count after its first character (六万四千二百一十一 has 8 more). */
const MAX_COUNT_NUMERALS = 11;

/**
 * A quantity: an optional qualifier before, the number (Arabic, with 万/亿/千, or a fraction, or 上千-style,
 * or in Chinese numerals), an optional 余/多 and the unit (or %). Each try from a place in the text reads a
 * bounded stretch, or a run of digits that no later try reads again, so a text is searched in linear time.
 */
const QUANTITY = new RegExp(
  [
    `(?<pre>近|约|大约|大概|将近|超过|超|逾|多达|不到|不足|少于)?`,
    `(?:`,
    // A number with nothing but white space after it: the last figure of a page cut off before its unit
    // (first, or 10万 would be read as a number in 万 without a unit and dropped).
    `(?<cut>${ARABIC})(?<cutMore>余|多)?(?<cutMult>[万亿])?(?<cutMore2>余|多)?(?=\\s*$)`,
    `|(?<number>${ARABIC})(?<more1>余|多)?(?<mult>[万亿千])?(?<more2>余|多)?(?:(?<unit>${UNIT}${PER}?)|(?<percent>%|％))`,
    `|(?<fracDen>${CHINESE_NUMERAL}{1,${MAX_DENOMINATOR_NUMERALS}}|(?<!\\d)\\d+)分之(?<fracNum>${CHINESE_NUMERAL}+|\\d+)`,
    `|(?<round>上|近|逾)(?<roundMult>百|千|万)(?<roundMore>余|多)?(?<roundUnit>${UNIT})`,
    // 连续五年, 连续6届: years and terms in a row, the only years that are no date.
    `|(?<=连续)(?<streak>\\d{1,3}|${CHINESE_NUMERAL_START}${CHINESE_NUMERAL}{0,2})(?<streakUnit>年|届|次)`,
    // A lone 一 counts only events (每月一次); 一个, 一名 … are the commonest words with a numeral, not tried at all.
    `|(?<cn>(?<!${CHINESE_NUMERAL})(?!一(?!${CHINESE_NUMERAL}|余|多|次|场|期))${CHINESE_NUMERAL_START}${CHINESE_NUMERAL}{0,${MAX_COUNT_NUMERALS}})(?<cnMore>余|多)?(?<cnUnit>${UNIT})`,
    `)`,
    `(?<post>余|多|以上|左右)?`,
  ].join(''),
  'g',
);

const TIME_UNITS = new Set(['小时', '分钟', '天']);
/** Units that count events, which a 每-period makes a rate (次/季度). */
const EVENT_UNITS = new Set(['次', '场', '期']);
/** Nouns that count the parts of a programme, not results: 3个方面, 6个环节, 2个规定动作, 18项医疗核心制度. */
const STRUCTURAL_NOUN = /^.{0,6}?(方面|环节|步骤|基础|动作|原则|要求|意识|理念|层面|维度|底线|抓手|特点|目标|任务|核心制度|规定)/;
/**
 * A small number in Chinese numerals is a slogan's or a structure's more often than a result (三个坚持,
 * 两个维护, 两家医院携手, 三项管理): it counts, after its unit, only what an organisation is made of
 * (五支党员服务队), the people in its roles, or things put out or on show (三块展板, 两部院史), never a
 * figure of speech (两件大事, 三件事, 三部曲). One hedged with 余/多 (二十余次) is an estimate, which no slogan is.
 */
const CHINESE_COUNTED: ReadonlyArray<[RegExp, RegExp]> = [
  [/^[名位人]$/, /^(党员|支委|委员|干部|专家|医生|医师|护士|职工|员工|志愿者|骨干|教授|博士|硕士)/],
  [/^[个支家所]$/, /^(党员|青年|专家|志愿|医疗){0,2}(党支部|支部|党小组|党总支|总支|科室|临床|医技|院区|分院|病区|社区|团队|小组|服务队|工作站)/],
  // Not before another numeral: 王五张三 is two people's names (张 a surname), not five of anything.
  [/^[块部张台件幅册辆座栋]$/, /^(?![大曲门队委分署长皮账事一二三四五六七八九十两百千万]|清单|名片|蓝图|王牌)[\u4e00-\u9fff]/],
];
const LARGE_CHINESE_NUMERAL = /[百千万亿]/;

/** An estimate in Chinese numerals (二十余次) of anything but time (十多天的努力 tells how hard, not how much). */
const isEstimate = (more: string | undefined, unit: string) => Boolean(more) && !TIME_UNITS.has(unit);

/** Most Chinese numerals before a unit are words (一个, 一次, 三项): they are set aside before their clause is read. */
const mayCountInChinese = (numeral: string, more: string | undefined, unit: string) =>
  LARGE_CHINESE_NUMERAL.test(numeral) || unit === '岁' || EVENT_UNITS.has(unit) || isEstimate(more, unit) ||
  (numeral !== '一' && CHINESE_COUNTED.some(([units]) => units.test(unit)));

/** The score of a count in Chinese numerals, or null when it is no claim (see CHINESE_COUNTED). */
const chineseCountScore = (numeral: string, more: string | undefined, value: number, unit: string, before: string, after: string): number | null => {
  if (LARGE_CHINESE_NUMERAL.test(numeral)) return 0.7;
  // 一个, 一名 are the articles of a sentence (一名医生就是一张名片); 在两个院区 says where, not how many.
  if (value < 2 || /在$/.test(before)) return null;
  if (isEstimate(more, unit)) return 0.5;
  const counted = CHINESE_COUNTED.find(([units]) => units.test(unit));
  return counted && counted[1].test(after) ? 0.5 : null;
};

/** A person's age is no claim, the average age of a team is one (党员平均年龄38岁): 岁 counts only after 平均年龄. */
const AVERAGE_AGE = /平均年龄(为|是|仅|只有|达|在)?$/;

const CLAUSE_BREAK = /[,。;:!?、，；：！？\n]/;
const SENTENCE_END = '。!?！？\n';
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
  if (groups.more1 || groups.more2 || groups.roundMore || groups.cnMore || groups.cutMore || groups.cutMore2 || groups.post === '余' || groups.post === '多' || groups.post === '以上') return 'more_than';
  if (groups.round === '上' || groups.round === '逾') return 'more_than';
  if (groups.pre === '超过' || groups.pre === '超' || groups.pre === '逾' || groups.pre === '多达') return 'more_than';
  if (groups.pre === '不到' || groups.pre === '不足' || groups.pre === '少于') return 'less_than';
  if (groups.pre || groups.post === '左右' || groups.round === '近' || APPROX_BEFORE.test(before)) return 'approx';
  return 'exact';
};

const MULTIPLIER: Record<string, number> = { 千: 1000, 万: 10000, 亿: 100000000, 百: 100 };

const round2 = (value: number) => Math.round(value * 100) / 100;

/** How far back a figure's clause (its quote, and what its qualifier and change are read from) may start. */
const MAX_CLAUSE_LENGTH = 200;

const clauseStart = (text: string, index: number) => {
  let start = index;
  while (start > 0 && start > index - MAX_CLAUSE_LENGTH && !CLAUSE_BREAK.test(text[start - 1])) start -= 1;
  return start;
};

/**
 * 每季度…1次, 每年,…组织义诊20余次: a number of events under a 每-period earlier in its sentence is a rate (次/季度),
 * unless a total (累计) or another figure comes between; the last 每 of the sentence must be the period.
 */
const PER_PERIOD = /^每(年度?|季度|季|月|周|天|日)(?![\d一二两三四五六七八九十第])(?!.*(累计|共计|总计|合计))\D*$/;
const PERIOD_UNIT: Record<string, string> = { 年: '年', 年度: '年', 季度: '季度', 季: '季度', 月: '月', 周: '周', 天: '天', 日: '天' };

/** The period a number of events is counted per (年, 季度 …), from the sentence before the number. */
const perPeriodOf = (text: string, numberAt: number): string | null => {
  let start = numberAt;
  while (start > 0 && start > numberAt - MAX_CLAUSE_LENGTH && !SENTENCE_END.includes(text[start - 1])) start -= 1;
  const sentence = text.slice(start, numberAt);
  const at = sentence.lastIndexOf('每');
  const match = at === -1 ? null : PER_PERIOD.exec(sentence.slice(at));
  return match ? PERIOD_UNIT[match[1]] : null;
};

/** What is counted: the noun after the unit (12名新进中层干部), else the clause before the number (开展党校活动12次). */
const labelOf = (text: string, clauseFrom: number, numberAt: number, quantityEnd: number): string => {
  const after = /^[\u4e00-\u9fff“”A-Za-z+]{2,24}?(?=[,。;:、，；：和与及的]|$)/m.exec(text.slice(quantityEnd, quantityEnd + 30));
  if (after && after[0].length >= 2) return after[0].replace(/[“”]/g, '');
  return text
    .slice(clauseFrom, numberAt)
    .replace(/^(其中|共计|共|累计|总计|先后|同时|此外|另外|并|还|已|均|全面)/, '')
    .replace(/(近|约|大约|大概|将近|超过|超|逾|多达|不到|不足|少于|达到|达|共计|共|为|有)$/, '')
    .trim()
    .slice(-30);
};

/**
 * More characters than any try of PERIOD reads from where it starts (自2018年12月31日, 12 more, 以来: 26), so a
 * match that starts this far before a point is found alike whether the line is cut at that point or not.
 */
const PERIOD_REACH = 32;

/** The marks that open and close a quotation or a title (the normaliser made a PDF's 〝…〞 into “…”). */
const OPENING_QUOTES = '“《「『';
const CLOSING_QUOTES = '”》」』';
/**
 * A name built of numerals (“1+1+N”, “三个一”, “2+X”): the sentence that gives one goes on to spell it out
 * (即1名专家带2名青年医生, 每月开展一次活动), and figures there with the name's own numbers are its parts,
 * not results (a 3000人次 later in the sentence is one). A + or 个/项 sets such names apart from the
 * festivals (“七一”, “5.12”) that date a sentence's activities.
 */
const NUMERAL_NAME = /^(?=.*[+个项])(?=.*[\d一二两三四五六七八九十])[\d+NnXx一二两三四五六七八九十个项、]+$/;
const MAX_NUMERAL_NAME = 10;
const NUMERAL_RUN = new RegExp(`\\d+|${CHINESE_NUMERAL}+`, 'g');
/**
 * What a character does to the line reader, by its code: one lookup, most characters doing nothing. Codes,
 * not characters: text[i] makes a new string for each Han character, and hashing it cost more than the rest.
 */
const CHARACTER_ROLE = new Map<number, 'open' | 'close' | 'end'>([
  ...[...OPENING_QUOTES].map((char) => [char.charCodeAt(0), 'open'] as const),
  ...[...CLOSING_QUOTES].map((char) => [char.charCodeAt(0), 'close'] as const),
  ...[...SENTENCE_END].map((char) => [char.charCodeAt(0), 'end'] as const),
]);
const NEWLINE = 10;

/**
 * What the line of each figure says before it, read forwards once for all the figures of a paragraph (they
 * come in order): whether the figure sits inside “…” or 《…》 (names such as “2+X” or 《榜样5》), whether its
 * sentence spells out a numeral-built name with its number, and the time phrase in force, the last PERIOD
 * match in the line before it. Reading the line from its start again for every figure took quadratic time
 * on a long line of figures.
 */
class LineReader {
  private cursor: number;
  private lineStart: number;
  private open = 0;
  private close = 0;
  /** Where the last quote still open on the line opened, and the numbers of a numeral-built name this sentence gave. */
  private openedAt = -1;
  private nameParts: number[] = [];
  /** The line scanned for periods, whole: its next match, and the last one that is also a match of the line cut short. */
  private periodLine: { start: number; text: string; scan: RegExp; next: RegExpExecArray | null; settled: RegExpExecArray | null } | null = null;
  private readonly periodTail = new RegExp(PERIOD.source, 'g');

  constructor(private readonly text: string, from: number) {
    this.lineStart = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
    this.cursor = this.lineStart;
  }

  /** Moves forward to `index`; an index behind the cursor (a figure's qualifier before its number) is on the cursor's line. */
  private readTo(index: number) {
    for (; this.cursor < index; this.cursor += 1) {
      const code = this.text.charCodeAt(this.cursor);
      const role = CHARACTER_ROLE.get(code);
      if (role === undefined) continue;
      if (role === 'end') this.nameParts = [];
      if (code === NEWLINE) {
        this.lineStart = this.cursor + 1;
        this.open = 0;
        this.close = 0;
        this.openedAt = -1;
      } else if (role === 'open') {
        this.open += 1;
        this.openedAt = this.cursor;
      } else if (role === 'close') {
        this.close += 1;
        // Sliced only when short: slicing every quote, however long, made a line of closes quadratic.
        const name = this.openedAt >= 0 && this.cursor - this.openedAt - 1 <= MAX_NUMERAL_NAME ? this.text.slice(this.openedAt + 1, this.cursor) : '';
        if (NUMERAL_NAME.test(name)) this.nameParts = (name.match(NUMERAL_RUN) ?? []).map((numeral) => parseNumber(numeral) ?? NaN);
        this.openedAt = -1;
      }
    }
  }

  /** Whether a figure of `value` at `index` follows, in its sentence, a name built of numerals it spells out. */
  spellsOutName(index: number, value: number): boolean {
    this.readTo(index);
    return this.nameParts.includes(value);
  }

  insideQuotes(index: number): boolean {
    this.readTo(index);
    return this.open > this.close;
  }

  periodAt(index: number): string | null {
    this.readTo(index);
    if (this.periodLine?.start !== this.lineStart) {
      const end = this.text.indexOf('\n', this.lineStart);
      const scan = new RegExp(PERIOD.source, 'g');
      const text = this.text.slice(this.lineStart, end === -1 ? this.text.length : end);
      this.periodLine = { start: this.lineStart, text, scan, next: scan.exec(text), settled: null };
    }
    const line = this.periodLine;
    const at = index - line.start;
    // Matches of the whole line that start early enough are matches of the line cut at `at` too.
    while (line.next && line.next.index <= at - PERIOD_REACH) {
      line.settled = line.next;
      line.next = line.scan.exec(line.text);
    }
    const head = line.text.slice(0, at);
    const tail = this.periodTail;
    tail.lastIndex = Math.max(line.settled ? line.settled.index + line.settled[0].length : 0, at - PERIOD_REACH + 1);
    let found = line.settled?.[0] ?? null;
    for (let match = tail.exec(head); match; match = tail.exec(head)) found = match[0];
    return found;
  }
}

/** Where each plain Arabic figure of a document (13个, as written) stands; found once per document. */
const PLAIN_FIGURE = new RegExp(`${ARABIC}${UNIT}`, 'g');
const plainFigures = new WeakMap<TrackedText, Map<string, number[]>>();

const plainFiguresOf = (input: TrackedText) => {
  let found = plainFigures.get(input);
  if (!found) {
    found = new Map();
    for (const match of input.text.matchAll(PLAIN_FIGURE)) {
      const positions = found.get(match[0]) ?? [];
      positions.push(match.index);
      found.set(match[0], positions);
    }
    plainFigures.set(input, found);
  }
  return found;
};

/** How many earlier mentions of a figure are compared, how far after one its noun is looked for, and its sentence's end. */
const RESTATED_REACH = 3;
const NOUN_REACH = 4;
const SENTENCE_REACH = 200;

/**
 * 全院9个党支部轮流发言 … 点评了9个支部的亮点: a figure given again with the same number, unit and noun
 * (支部 in 党支部) refers back to the earlier one. Only an earlier sentence of prose counts, one that ends
 * in 。 before its line does: a headline that states the body's figure gives no metric of its own.
 */
const restates = (input: TrackedText, figure: string, at: number, noun: string): boolean => {
  const positions = plainFiguresOf(input).get(figure) ?? [];
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle] < at) low = middle + 1;
    else high = middle;
  }
  for (let index = low - 1; index >= 0 && index >= low - RESTATED_REACH; index -= 1) {
    const nounAt = positions[index] + figure.length;
    if (!input.text.slice(nounAt, nounAt + NOUN_REACH).includes(noun)) continue;
    const sentenceEnd = /[。!?！？\n]/.exec(input.text.slice(nounAt, nounAt + SENTENCE_REACH));
    if (sentenceEnd && sentenceEnd[0] !== '\n') return true;
  }
  return false;
};

/** Whether nothing but white space follows `index` in the document (not only in the paragraph read). */
const endsDocument = (text: string, index: number) => {
  let at = index;
  while (at < text.length && /\s/.test(text[at])) at += 1;
  return at === text.length;
};

/** A number given with a unit: its kind, and money in 元; null when the unit makes it no claim. */
const withUnit = (base: number, unit: string, before: string, next: string): { value: number; unit: string; kind: MetricKind } | null => {
  if (unit === '万') return null; // 万 alone is a multiplier without a unit
  const timeUnit = TIME_UNITS.has(unit);
  if (timeUnit && /[\u4e00-\u9fff]/.test(next)) return null; // 5分钟微党课: a name
  if (unit === '个百分点') return { value: base, unit, kind: 'change' };
  if (unit === '%') return { value: base, unit, kind: CHANGE.test(before) ? 'change' : 'percent' };
  if (/元$/.test(unit)) return { value: unit === '元' ? base : base * MULTIPLIER[unit[0]], unit: '元', kind: 'money' };
  if (unit.includes('/')) return { value: base, unit, kind: TIME_UNITS.has(unit.split('/')[0]) ? 'duration' : 'rate' };
  return { value: base, unit, kind: timeUnit ? 'duration' : 'count' };
};

/**
 * Every quantitative claim in text[from, to): counts, percentages, money, durations, rates and changes,
 * with qualifier and period, quoted from the normalised text and located in the original.
 * Dates, years (but years in a row), ages (but an average age), ordinals, list markers, phone numbers, times,
 * ranges, names with numerals and Chinese numerals in slogans are not claims.
 */
export const extractMetrics = (input: TrackedText, from = 0, to = input.text.length): ExtractedMetric[] => {
  const { text } = input;
  // Searching text[from, to) only: searching on to the next figure after `to` read the rest of the document once per paragraph.
  const scope = text.slice(0, to);
  const line = new LineReader(text, from);
  const metrics: ExtractedMetric[] = [];
  QUANTITY.lastIndex = from;
  for (let match = QUANTITY.exec(scope); match; match = QUANTITY.exec(scope)) {
    const groups = match.groups as Record<string, string | undefined>;
    const start = match.index;
    const end = start + match[0].length;
    const numberAt = start + (groups.pre?.length ?? 0);
    const prev = text[numberAt - 1] ?? '';
    const next = text[end] ?? '';
    // A digit before a Chinese numeral is no part of it (2010~2020两部院史).
    if ((groups.cn === undefined ? /[\dA-Za-z.\-:~/第+]/ : /[A-Za-z.\-:~/第+]/).test(prev) || /[\dA-Za-z\-:~]/.test(next)) continue;
    // 这21个党支部 refers back to a figure already given; 731部队, 5个部门: the unit is part of a word.
    if (/[这那此该]$/.test(text.slice(Math.max(0, numberAt - 1), numberAt)) || /^(部队|部门|名单|期间|次日)/.test(text.slice(end - 1, end + 1))) continue;
    if (groups.cn !== undefined && !mayCountInChinese(groups.cn, groups.cnMore, groups.cnUnit!)) continue;
    if (line.insideQuotes(numberAt)) continue;

    let value: number;
    let unit: string | null;
    let kind: MetricKind;
    const clauseFrom = clauseStart(text, start);
    const before = text.slice(clauseFrom, numberAt);

    const after = text.slice(end, end + 10);
    let rule: string;
    let score: number | null = null;
    if (groups.number !== undefined || groups.cn !== undefined) {
      const arabic = groups.number !== undefined;
      const base = arabic ? Number(groups.number) * (groups.mult ? MULTIPLIER[groups.mult] : 1) : parseNumber(groups.cn!)!;
      const figure = withUnit(base, groups.percent ? '%' : (arabic ? groups.unit : groups.cnUnit)!, before, next);
      if (!figure) continue;
      ({ value, unit, kind } = figure);
      if (kind === 'count' && STRUCTURAL_NOUN.test(after)) continue;
      const noun = /^[\u4e00-\u9fff]{2}/.exec(after)?.[0];
      const plain = arabic && !groups.more1 && !groups.mult && !groups.more2 && !groups.percent;
      if (plain && kind === 'count' && noun && restates(input, `${groups.number}${groups.unit}`, numberAt, noun)) continue;
      rule = arabic ? 'arabic-figure' : 'chinese-numeral';
      const per = EVENT_UNITS.has(unit) ? perPeriodOf(text, numberAt) : null;
      if (unit === '岁') {
        if (!AVERAGE_AGE.test(text.slice(clauseFrom, start))) continue;
        // The closed set of kinds has no average: an age per member is nearest to a per-capita figure.
        kind = 'rate';
        rule = 'average-age';
        score = 0.7;
      } else if (per) {
        unit = `${unit}/${per}`;
        kind = 'rate';
        rule = 'per-period';
        // Read from the sentence rather than the clause: sure enough, but for the editor when in Chinese numerals.
        score = arabic ? 0.7 : 0.6;
      } else if (!arabic) {
        score = chineseCountScore(groups.cn!, groups.cnMore, value, unit, before, after);
        if (score === null) continue;
      }
    } else if (groups.streak !== undefined) {
      value = parseNumber(groups.streak)!;
      unit = groups.streakUnit!;
      kind = unit === '年' ? 'duration' : 'count';
      rule = 'consecutive';
      score = 0.7;
    } else if (groups.cut !== undefined) {
      // A page cut off after 累计接诊患者逾8万 lost the unit, not the claim. Only a qualified figure at the very
      // end of the document is read so (a bare number there is a counter or a page number), and for the editor.
      if (!(groups.pre || groups.cutMore || groups.cutMore2) || !endsDocument(text, end)) continue;
      value = Number(groups.cut) * (groups.cutMult ? MULTIPLIER[groups.cutMult] : 1);
      unit = null;
      kind = 'count';
      rule = 'cut-off-figure';
      score = 0.3;
    } else if (groups.fracDen !== undefined) {
      const denominator = parseNumber(groups.fracDen);
      const numerator = parseNumber(groups.fracNum!);
      if (!denominator || numerator === null) continue;
      value = round2((numerator / denominator) * 100);
      unit = '%';
      kind = 'percent';
      rule = 'fraction';
    } else {
      value = MULTIPLIER[groups.roundMult!];
      unit = groups.roundUnit!;
      kind = 'count';
      rule = 'round-figure';
    }

    if (line.spellsOutName(numberAt, value)) continue;

    const quoteEnd = end;
    const range = originalRange(input, clauseFrom, quoteEnd);
    const label = labelOf(text, clauseFrom, numberAt, end);
    metrics.push({
      label: label || unit || '',
      value: round2(value),
      unit,
      qualifier: qualifierOf(groups, before),
      kind,
      period: line.periodAt(start),
      text: text.slice(clauseFrom, quoteEnd),
      start: range.start,
      end: range.end,
      // A figure whose clause says what it counts is sure; one without a label is marked for the editor.
      confidence: { rule, score: Math.min(score ?? 0.8, label.length >= 2 ? 0.8 : 0.5) },
    });
  }
  return metrics;
};
