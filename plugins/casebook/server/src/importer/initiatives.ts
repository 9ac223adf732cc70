import { labelPattern, PAGE_LABELS, SENTENCE_END } from './text-rules';
import { themeOfInitiative } from './themes';
import type { Confidence, ExtractedInitiative } from './types';

/** 一、 1、 1. 1.1 and a paper's bare 1 before its heading: the section markers the genre numbers its measures with. */
const LIST_MARKER = /^(?:[一二三四五六七八九十]+、|\d{1,2}(?:[.．]\d{1,2})?(?:[、.．]|\s+(?=[\u4e00-\u9fff“]))|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[,，、])\s*/;
/** 一抓组织建设, 二抓设施设备 …: numbered measures named with 抓. */
const ZHUA = /^[一二三四五六七八九十]抓[\u4e00-\u9fff]{2,8}/;
/** Campaign and rule names, the Party's formulas among them, that are not a hospital's own measures. */
const NOT_INITIATIVES =
  /^(两学一做|三会一课|四讲四有|一岗双责|三重一大|不忘初心|牢记使命|四个意识|四个自信|四个全面|两个维护|两个确立|两个一百年|五位一体|三严三实|一带一路|双一流|我为群众办实事|七一)/;
const PROGRAMME_VERB = /(开展|举办|打造|建立|成立|推行|实施|创建|开设|推出|创新|组建|设立|搭建|启动|举行|推进|开辟|形成|利用|落实|实行)/;
/** A measure's summary is its first sentence, or less: up to a semicolon. */
const FIRST_SENTENCE = new RegExp(`^[^${SENTENCE_END}；;]*[${SENTENCE_END}；;]?`);

/** Verbs by which a case sets a measure up or puts it to work (成立了…突击队, 推行…微党课, 实行…负责制). */
const SETUP_VERB = '开展|成立|推行|落实|建立|搭建|实行|构建|组建|设立|打造|创建|推出|启动|实施|开设|举办|设置|推广|探索|创新|坚持|完善|健全';
/**
 * The head nouns that name a measure in the genre's prose: a 制度, a 体系, a 小分队, a 工作法 … A verb's object
 * that ends with one is a named measure; one that ends with anything else (提升了服务水平) is a result.
 */
const MEASURE_HEAD = [
  '责任制|负责制|制度|体系|机制|模式|平台|清单',
  '小分队|突击队|服务队|志愿队|先锋队|服务团队|讲师团|宣讲团|领导小组|工作室|工作站|工作法',
  '活动|比赛|竞赛|大赛|讲座|党课|微课|课堂|培训|排查|导向|品牌|基金|工程|行动|计划|试点',
  '书屋|驿站|长廊|活动室|阵地|基地|联盟|专班|网格|系统',
].join('|');
/**
 * 推行5分钟微党课、5分钟微讲座: a set-up verb, then one to four objects joined by 、/和/及, each ending with a
 * measure's head noun, up to the clause's end. The objects stop at punctuation, so a name never spans clauses.
 */
const VERB_OBJECTS = new RegExp(
  `(?:${SETUP_VERB})(?:了|起|好|出)?((?:[^,，。;；:：、“”!?()（）]{2,18}?(?:${MEASURE_HEAD})(?:[、和及与]|(?=[,，。;；:：!?]|$))){1,4})`,
  'g',
);
const OBJECT = new RegExp(`[^、和及与]{2,18}?(?:${MEASURE_HEAD})(?=[、和及与]|$)`, 'g');
/**
 * Words that open an object without naming anything (一个, 多项, 各类 …), and a second verb (创新开展…, 建立健全…),
 * dropped from its name.
 */
const VAGUE_OPENING = /^(?:了|健全|完善|开展|推行|实施|落实|建立|举办|这样|这个|一次|一个|一支|一项|一批|一系列|多项|多种|各类|各项|相关|有关|全院|全面|深入|系统|常态化|(?:全[省市国])?首[家个批])+/;
/** Objects too generic to be a case's own measure (各项制度, 工作机制, 各种活动, 特色党建阵地, 服务平台). */
const GENERIC_OBJECT = new RegExp(
  `^(?:各项|各种|相关|有关|系列|工作|管理|长效|这一|该|此|本|党建|特色|服务|学习|联建|义诊){0,2}(?:${MEASURE_HEAD}){1,2}$`,
);

/** An event named after its quote by a few words of what is done at it: “某某”合唱活动, “某某”情景党课, “某某”进社区活动. */
const EVENT_HEAD = '(?:(?![的是为在等和与及])[\\u4e00-\\u9fff]){1,4}?(?:活动|比赛|竞赛|大赛|讲座|党课)';
/**
 * The head noun after a quoted name, which is part of it: “三带”制度, “五新”要求, and after the words that say what
 * kind of programme it is: “哮喘周”系列活动, “杏林卫士铸党魂”党建工作品牌, “某某”(的)党建工作载体, “某某”管理办法.
 */
const QUOTE_HEAD = new RegExp(
  `^的?((?:党建|工作|主题|系列|专项|品牌|特色|宣传|宣讲|文化|服务|志愿|义诊|党日|健康|科普|演讲|建设|管理){0,3}(?:工作思路|思路|要求|创建活动|载体|办法|${MEASURE_HEAD})|${EVENT_HEAD})`,
);
/**
 * What a quote is when the words after it say so: a philosophy, a mood, a trait, a title (“以病人为中心”理念,
 * “比学赶超”的良好氛围, “党性+”原则, “某某”的生动实践, “全国文明单位”称号): none of them a measure.
 */
const NOT_A_MEASURE_AFTER = /^的?[^,，。;；:：“”]{0,10}?(?:理念|精神|原则|氛围|效应|特点|特征|实践|称号|荣誉|宗旨|口号)/;
/** 以“A”,争创“B”医院为载体: the measures a case works through, named in quotes between 以 (通过) and 为载体 (为抓手 …). */
const CARRIER = /(?:以|通过)([^。!?;；]{2,30}?)为(?:载体|抓手|切入点|突破口)/g;
/** A quote longer than a name (“支部建在科室上、党建领着业务走”…) is one only when its head noun follows. */
const NAME_LENGTH = 12;
const NUMERAL = '一二两三四五六七八九十双';
/**
 * A name the genre coins as a formula: a count of its parts (“三个五”, “五项先锋”, “一卡通”), two counts (“三抓一带”,
 * “两廊一苑”) or a sum (“1+3+6”, “党建+精细化管理”). Quoted so, it is a measure wherever it stands. A numeral that
 * starts a place (“四川好人”), a date (“三八”, “十四五”) or a figure (“5.12”) is none.
 */
const FORMULA = new RegExp(`^[${NUMERAL}]+(?:[个项大条种级类化抓支步卡站码网]|[^${NUMERAL}]+[${NUMERAL}])|\\+`);
/**
 * What a formula is, written after it and part of its name: “三个五”党建, “一支部一品牌”建设, “1+3+6”科普服务体系,
 * “1、2、3+N”(的)工作思路. A 等 or a second 的 on the way means the noun is a list's or a description's.
 */
const FORMULA_HEAD = new RegExp(`^的?((?:(?![的等])[\\u4e00-\\u9fff]){0,6}?(?:${MEASURE_HEAD}|工作思路|创建工作)|党建|建设)`);
/**
 * The parts of a measure, listed inside its quotes (“党建+质量,建放心医院;+人才,建品牌医院”的…模式) or after its name
 * and a colon (“三融合”工作法,即:A相融合;B相融合;C相融合): a semicolon between parts, or a comma before a sum's
 * next “+…”. A part of a quote may hold commas (赛学习比红心,做忠诚爱党人); one after a colon may not, or it is prose.
 */
const QUOTED_LIST = /“([^“”]{8,120})”/g;
const COLON_LIST = /(?:即|既|分别是|包括|如下)[:：]([^。!?]{8,200})/g;
const PART_SEPARATOR = /[;；]|[,，](?=\+)/;
/**
 * A list its formula counts, after a comma: 以标准化建设、品牌化引领、项目化推进、星评化管理,“四化”一体推进. The
 * comma sets the list apart as the formula's parts spelled out; a list right before a quote (强基层、惠民生“三项行动”)
 * only says what the quoted measure does, and is left to it.
 */
const COUNTED_LIST = /([\u4e00-\u9fff]{2,14}(?:、[\u4e00-\u9fff]{2,8}){1,7})[,，]“([两二三四五六七八九])[^“”]{0,6}”/g;
/** Where the first part of such a list starts: after the connective that leads the list in (科室以A、B). */
const LIST_LEAD = /^[\u4e00-\u9fff]*?(?:以|通过|坚持|按照)(?=[\u4e00-\u9fff]{2})/;
/** How many parts a formula's numeral counts. */
const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A list of quoted names closed by what they are: …“支部一品牌一活动”等举措. */
const LIST_CLOSED = /^等[\u4e00-\u9fff]{0,4}?(?:举措|活动|做法|形式|载体|品牌|项目)/;
/**
 * A paper's or a report's own sections (0 引言, 一、基本情况, 1 开展…的做法, 3 体会, 二、…职责): numbered like
 * measures, but they name its parts.
 */
const PAPER_SECTION = new RegExp(
  [
    '^(?:引言|前言|背景|摘要|结语|结论|讨论|小结|做法|主要做法|成效|工作成效|主要成效|体会|思考|启示|经验启示|问题|存在问题',
    '基本情况|工作内涵|工作背景|实施背景|创新点|推广价值|下一步打算|下一步计划)$',
    '的(?:做法|成效|思考|启示|体会|经验|问题|意义|背景|现状|设置)$',
    '职责$',
  ].join('|'),
);
/** A question (如何…?, …吗): a heading that asks, which names no measure. */
const QUESTION = /(怎么|如何|怎样|什么|吗)/;
/** A lead sentence that names its measure by a head noun (…管理制度改革, …病房试点). */
const ENDS_WITH_MEASURE = new RegExp(`(?:${MEASURE_HEAD}|改革|试点)$`);
/** A paragraph's first sentence when it is short and more follows: 顶层设计“规范学”。组建领导小组… */
const LEAD_SENTENCE = /^([^,，。;；:：!?]{4,14})。(?=.{10})/;
/**
 * A run-in heading inside a paragraph: a short sentence ending on a quoted word, then what it heads (…。党风廉政责任持续
 * “紧弦加压”。常态化开展…). The quote is what makes it a heading: a short plain sentence (医院高度重视。) is prose.
 */
const RUN_IN_HEADING = /(?<=[。!?])([^,，。;；:：!?“”]{4,12}“[^“”,，。;；]{2,6}”)。(?=.{10})/g;
/** A quote after 说, 表示, 点赞 … is someone's words (患者纷纷点赞“真方便”。), not a heading. */
const SPEECH = /(说|表示|点赞|称赞|感叹|夸|道)“/;
/** 赓续红色血脉,汲取…: a short paragraph without a sentence end, a heading of one measure, its name before the comma. */
const HEADING_PAIR = /^([^,，。;；:：!?]{4,16})[,，][^,，。;；!?]{4,24}$/;

/** A party body or an authority (…第九党支部, …党委, …卫生健康局): whose measure it is, not a measure. */
const ORGANISATION = /(党支部|党总支|党委|委员会|卫生健康局|卫健委|卫健局)$/;
/** Labels, timestamps and counters a page puts on a line of its own (地址:…, 2020-06-30 15:03, 刊号 …). */
const PAGE_WORDS = new RegExp(`${labelPattern(PAGE_LABELS)}|扫码|刊号|地址|电话|邮编|网址|版权|阅读本文|浏览`);
const isPageChrome = (line: string) => /[:：|｜]/.test(line) || /\d{4}|^\d+\s/.test(line) || PAGE_WORDS.test(line);
/** A piece cut out of a quotation (…公里”5,是…) has a closing mark without its opening one, or the reverse. */
const quotesBalance = (line: string) => (line.match(/“/g)?.length ?? 0) === (line.match(/”/g)?.length ?? 0);

/** The rules that name a measure, and how sure each is: a numbered section is, a verb's object is a guess. */
const BY = {
  numberedSection: { rule: 'numbered-section', score: 0.9 },
  numberedMeasure: { rule: 'numbered-measure', score: 0.9 },
  quotedProgramme: { rule: 'quoted-programme', score: 0.8 },
  quotedFormula: { rule: 'quoted-formula', score: 0.7 },
  listedPart: { rule: 'listed-part', score: 0.7 },
  carrier: { rule: 'carrier', score: 0.7 },
  countedPart: { rule: 'counted-part', score: 0.6 },
  subheading: { rule: 'subheading', score: 0.7 },
  headingPair: { rule: 'heading-pair', score: 0.6 },
  leadSentence: { rule: 'lead-sentence', score: 0.6 },
  verbObject: { rule: 'verb-object', score: 0.5 },
} satisfies Record<string, Confidence>;

/** At most this many measures a case: a document of thousands of set-up clauses is a list, not a case to review. */
const MAX_INITIATIVES = 200;

/** A name as measures are told apart: without quotes and spaces (“四化”工作法 and 四化工作法 are one). */
const keyOf = (name: string) => name.replace(/[“”‘’"'\s]/g, '');

const firstSentence = (text: string, max = 120) => {
  // Read no further than the summary can be long: a paragraph without a sentence end may be a whole upload.
  const sentence = FIRST_SENTENCE.exec(text.slice(0, max + 1))?.[0] ?? text;
  return sentence.length > max ? `${sentence.slice(0, max)}…` : sentence;
};

/**
 * The named measures of a case: numbered sections (一、定时间, 1、优化活动载体, 1.1 明确目标, 一抓组织建设),
 * subheadings inside the case (a short line, the first half of a heading pair, a short lead or run-in sentence),
 * programmes named in quotes next to a verb that sets them up or a head noun that says what they are (开展“道德讲堂”,
 * “某某”党建工作品牌), quoted formulas (“三个五”, “1+3+6”), the parts a measure is listed by (in its quotes, after
 * its name and a colon, or before the formula that counts them), what a case works through (以“A”为载体), and the
 * objects of a set-up verb that end with a measure's head noun (成立党员突击队, 推行5分钟微党课、5分钟微讲座).
 */
export const initiativesOf = (paragraphs: string[]): ExtractedInitiative[] => {
  const found: ExtractedInitiative[] = [];
  const names = new Set<string>();
  const add = (name: string, summary: string, confidence: Confidence, inQuotes = false) => {
    if (found.length >= MAX_INITIATIVES) return;
    const cleaned = name.replace(/[。,，;；:：]+$/, '').trim();
    if (cleaned.length < 2 || cleaned.length > 40 || NOT_INITIATIVES.test(cleaned.replace(/[“”]/g, ''))) return;
    // An author line or a sentence cut off at a page edge (…党委书记傅超感) is no measure, nor is a phrase about a
    // hospital (公立医院党建工作品牌); a quoted name may hold the word (“医院标杆党支部”创建活动, “…,建放心医院”).
    if (/^[(（]/.test(cleaned) || /(书记|院长|主任)/.test(cleaned) || (/医院/.test(cleaned) && !inQuotes && !cleaned.includes('“'))) return;
    // 一名党员就是一面旗帜: a motto says what something is, a measure what is done; 意识到位, 后劲十足 say how it went,
    // and …的原则, …理念 what it follows.
    if (/就是/.test(cleaned) || /(?:到位|十足|明显|显著|凸显|见效|良好|原则|理念|宗旨)$/.test(cleaned)) return;
    if (isPageChrome(cleaned) || ORGANISATION.test(cleaned) || !quotesBalance(cleaned)) return;
    // A name inside one found before (双带头人制度 after 落实双带头人制度), quoted or not (“四化”工作法, 四化工作法), is
    // the same measure: compared with at most MAX_INITIATIVES names, however long the document.
    const key = keyOf(cleaned);
    if (names.has(key) || [...names].some((known) => known.includes(key) || key.includes(known))) return;
    names.add(key);
    const sentence = firstSentence(summary);
    found.push({ name: cleaned, summary: sentence, theme: themeOfInitiative(`${cleaned} ${sentence}`), confidence });
  };

  paragraphs.forEach((paragraph, index) => {
    // Once the case has all the measures it may have, the rest of a long upload is not read.
    if (found.length >= MAX_INITIATIVES) return;
    const next = paragraphs[index + 1] ?? '';
    const zhua = ZHUA.exec(paragraph);
    const pair = HEADING_PAIR.exec(paragraph);
    if (zhua) {
      add(zhua[0], paragraph.slice(paragraph.search(/[,，。]/) + 1), BY.numberedMeasure);
    } else if (LIST_MARKER.test(paragraph)) {
      const rest = paragraph.replace(LIST_MARKER, '');
      // A numbered item that runs on past 30 characters before its first full stop is a sentence, not a heading.
      const heading = /^[^。]{2,30}(?=。|$)/.exec(rest)?.[0];
      if (heading && !PAPER_SECTION.test(heading)) add(heading, rest.slice(heading.length + 1) || next, BY.numberedSection);
    } else if (paragraph.length >= 6 && paragraph.length <= 20 && !/[。,，?？]/.test(paragraph) && !QUESTION.test(paragraph)) {
      add(paragraph, next, BY.subheading);
    } else if (pair && !QUESTION.test(paragraph)) {
      add(pair[1]!, next, BY.headingPair);
    } else {
      // 顶层设计“规范学”。组建…: a paragraph led by a short sentence that names its measure, in quotes or by its head noun.
      const lead = LEAD_SENTENCE.exec(paragraph);
      if (lead && (/“[^”]+”/.test(lead[1]!) || ENDS_WITH_MEASURE.test(lead[1]!))) add(lead[1]!, paragraph.slice(lead[0].length), BY.leadSentence);
    }
    for (const heading of paragraph.matchAll(RUN_IN_HEADING)) {
      if (!SPEECH.test(heading[1]!)) add(heading[1]!, paragraph.slice(heading.index! + heading[0].length), BY.leadSentence);
    }
    // Quoted programmes: one after a set-up verb, every quote listed right after it (开展“A”“B”、“C”等活动), one
    // named with its head noun (“三带”制度, “五新”要求) and one of a list closed by 等举措; and formulas anywhere.
    let listed = false;
    let previousEnd = -1;
    for (const quoted of paragraph.matchAll(/“([^“”]{2,30})”/g)) {
      if (found.length >= MAX_INITIATIVES) break;
      const between = previousEnd >= 0 ? paragraph.slice(previousEnd, quoted.index) : null;
      // The words before a quote back to the last mark: 《…实施方案》,确定“…” has no 实施 before its quote.
      const before = paragraph.slice(Math.max(0, quoted.index! - 8), quoted.index!).split(/[,，。;；:：》)）]/).pop()!;
      previousEnd = quoted.index! + quoted[0].length;
      const after = paragraph.slice(previousEnd, previousEnd + 16);
      const formula = FORMULA.test(quoted[1]!);
      const head = QUOTE_HEAD.exec(after)?.[1] ?? (formula ? FORMULA_HEAD.exec(after)?.[1] : undefined);
      listed =
        (listed && between !== null && /^(?:[、和及与]|[\u4e00-\u9fff]{0,4}(?:比赛|竞赛|活动|展览)?)$/.test(between)) ||
        PROGRAMME_VERB.test(before) ||
        head !== undefined ||
        ENDS_WITH_MEASURE.test(quoted[1]!) ||
        LIST_CLOSED.test(after);
      // A quote inside a name found before (打造“党建+”模式, then “党建+”工作模式) names that measure again.
      if (/[,，。]/.test(quoted[1]!) || [...names].some((known) => known.includes(keyOf(quoted[1]!)))) continue;
      if ((quoted[1]!.length > NAME_LENGTH && head === undefined) || NOT_A_MEASURE_AFTER.test(after)) continue;
      if (listed) add(head ? `${quoted[0]}${head}` : quoted[1]!, paragraph, BY.quotedProgramme);
      else if (formula) add(quoted[0], paragraph, BY.quotedFormula);
    }
    for (const carrier of paragraph.matchAll(CARRIER)) {
      // 以提升能力为重点,以“A”为载体 reads from the first 以: the carrier is what follows the last one.
      for (const part of carrier[1]!.split(/[,，]/)) if (part.includes('“')) add(part.replace(/^(?:以|通过)/, ''), paragraph, BY.carrier);
    }
    for (const list of paragraph.matchAll(QUOTED_LIST)) {
      const parts = list[1]!.split(PART_SEPARATOR);
      if (parts.length >= 2 && parts.every((part) => part.length >= 4 && part.length <= 20)) {
        for (const part of parts) add(part, paragraph, BY.listedPart, true);
      }
    }
    for (const list of paragraph.matchAll(COUNTED_LIST)) {
      const parts = list[1]!.split('、');
      parts[0] = parts[0]!.replace(LIST_LEAD, '');
      if (parts.length === COUNT[list[2]!] && parts[0].length <= 8) for (const part of parts) add(part, paragraph, BY.countedPart);
    }
    for (const list of paragraph.matchAll(COLON_LIST)) {
      const parts = list[1]!.split(PART_SEPARATOR);
      if (parts.length >= 2 && parts.every((part) => part.length >= 4 && part.length <= 20 && !/[,，]/.test(part))) {
        for (const part of parts) add(part, paragraph, BY.listedPart);
      }
    }
    for (const clause of paragraph.matchAll(VERB_OBJECTS)) {
      for (const object of clause[1]!.replace(/[、和及与]$/, '').matchAll(OBJECT)) {
        const name = object[0].replace(VAGUE_OPENING, '');
        // An object that opens with 的 is the tail of a longer one the clause began before the verb; one whose
        // noun after its last 的 is generic (推动发展的制度, 健全的长效机制) describes rather than names.
        const noun = name.slice(name.lastIndexOf('的') + 1);
        if (name.length >= 4 && !name.startsWith('的') && !GENERIC_OBJECT.test(noun)) add(name, paragraph, BY.verbObject);
      }
    }
  });
  return found;
};
