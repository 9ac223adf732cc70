import { sentencesOf } from './text-rules';
import type { Confidence, Paragraph, RemovedSegment } from './types';

/** A case's title, how it was found, and the column or series its headline names (「支部风采」…, 对话健康中国丨…). */
export type Titled = { title: string; titleConfidence: Confidence; column: string | null };

/** A series' or column's name before a headline: 「支部风采」第六党支部…, 【党建动态】…, 对话健康中国丨…. */
const SERIES = /^(?:[「【]([^」】]{2,12})[」】]\s*|([\u4e00-\u9fff]{2,10})\s*[丨|｜]\s*)/;

/**
 * A case title in 《》 (安庆市立医院党委《“四化”工作法 推进基层党建提质增效》荣获…): what an award notice, a
 * selection list or a shared file names the case. Not a periodical (《健康成都》周刊) nor a rule or a speech.
 */
const NAMED = /《([^《》\n]{6,60})》/g;
const FILE_EXTENSION = /\.(?:docx?|pdf|pptx?|txt|wps)$/i;
/** What comes after a periodical's or a document's name, which is no case. */
const NOT_A_CASE_AFTER = /^(?:周刊|杂志|期刊|报|丛书|一书|栏目|节目|上线|协议书|文件|通知|条例|规定|办法|意见|决定|讲话)/;
/** A case named as its hospital's own (…医院党委《…》) or as what won (《…》荣获, 《…》入选). */
const OWNER_BEFORE = /(?:医院|卫生院|保健院|党委|党总支|党支部)\s*$/;
const WON_AFTER = /^\s*(?:荣获|获评|获得|获|入选|成功入选|被评为|被授予|被确定为|获选)/;

/** Lines a page puts before its headline that are not one: a speaker's label, a column's name, a page marker. */
const PAGE_MARKER = /^第\d+页(?:共\d+页)?/;
const SPEAKER_LABEL = /^(?:主持人|嘉宾|记者|编者按|导语|摘要)$/;

/** An event the lead sentence of a news story reports: 举行…仪式, 开展…活动, 成立…, 前往…交流学习. */
const EVENT_VERB = /(举行|举办|开展|召开|成立|启动|签订|签署|揭牌|前往|赴|走进|组织开展|打造|创建)/;
/** A purpose clause (为深入学习…, 为了…) or its occasion (在…之际): why it happened, not what happened. */
const PURPOSE = /^(?:为了?|围绕|按照|根据|在[^,，]{0,12}(?:之际|期间|背景下))/;
const QUOTED_WITH_HEAD = /“([^“”]{2,30})”((?:的)?[\u4e00-\u9fff]{0,12}?(?:活动|仪式|工作站|工作室|品牌|行动|工程|模式|工作法|党日|结对|共建|联建|义诊|会议|展览|培训|讲座))?/;

const clean = (line: string) => line.replace(PAGE_MARKER, '').trim();

/** The case's title in 《》 in the page's first paragraphs or its metadata (a shared file's name), or null. */
const namedTitle = (texts: string[]): string | null => {
  for (const text of texts) {
    for (const match of text.slice(0, 600).matchAll(NAMED)) {
      const name = match[1]!.trim();
      const before = text.slice(Math.max(0, match.index! - 8), match.index!);
      const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 8);
      if (NOT_A_CASE_AFTER.test(after)) continue;
      if (FILE_EXTENSION.test(name)) return name.replace(FILE_EXTENSION, '');
      if (OWNER_BEFORE.test(before) || WON_AFTER.test(after)) return name;
    }
  }
  return null;
};

/** A line that reads as a headline: short, no sentence in it, not a label, a column or a cut-off clause. */
const isHeadline = (line: string, columns: string[]) =>
  line.length >= 5 &&
  // A headline in English (a paper's only title) is longer in characters than a Chinese one.
  line.length <= (/^[\x20-\x7e]+$/.test(line) ? 200 : 60) &&
  !/[。;；]/.test(line) &&
  !/[,，:：]$/.test(line) &&
  !SPEAKER_LABEL.test(line) &&
  !/^[(（]/.test(line) &&
  !columns.some((column) => column.includes(line));

/**
 * The event a story without a headline reports, from its first sentences: past the purpose clause and the
 * date, the clause with an event verb; its quoted name with what it is (“党建医联体•党建工作站”, “X”主题党日活动)
 * when it has one, else the clause from its verb on (前往…交流学习).
 */
const leadEvent = (paragraphs: string[], namedOnly = false): string | null => {
  // The lead is the first paragraph of some length: a photo's caption (签约仪式现场。) may stand before it.
  const leads = namedOnly ? paragraphs.filter((paragraph) => paragraph.length >= 20).slice(0, 1) : paragraphs.slice(0, 3);
  for (const paragraph of leads) {
    for (const sentence of sentencesOf(paragraph.slice(0, 1200))) {
      for (const clause of sentence.split(/[,，;；]/)) {
        if (PURPOSE.test(clause)) continue;
        const verb = EVENT_VERB.exec(clause);
        if (!verb) continue;
        const object = clause.slice(verb.index).replace(/[。!?]$/, '');
        const quoted = QUOTED_WITH_HEAD.exec(object);
        // A quoted name with what it is (“X”主题党日活动); a quote that only qualifies (前往“标杆党支部”…) is not the event.
        if (quoted?.[2] || (quoted && object.endsWith('”'))) return `“${quoted[1]}”${(quoted[2] ?? '').replace(/^的/, '')}`;
        if (namedOnly) return null;
        if (object.length >= 8) return object.slice(0, 60);
      }
    }
  }
  return null;
};

/**
 * The title of a single-article document: the case's own title in 《》 where the page names one, else its
 * headline (page markers, columns and speakers' labels aside), else for a story without a headline the event
 * its lead reports or the label that opens it (医院党组织建设:…), else the first programme named in quotes,
 * else its first words. The confidence says which, so the editor checks the guesses.
 */
export const titleOf = (titleLines: Paragraph[], paragraphs: Paragraph[], removed: RemovedSegment[]): Titled => {
  const lead = [...titleLines, ...paragraphs.slice(0, 3)].map((paragraph) => clean(paragraph.text));
  const metadata = removed.filter((segment) => segment.kind === 'meta').map((segment) => segment.text);
  const named = namedTitle([...metadata, ...lead]);
  if (named) return { title: named, titleConfidence: { rule: 'named-title', score: 0.85 }, column: null };

  // A line the breadcrumb repeats (党的建设 above 首页 党的建设…) is the site's column, not the headline.
  const columns = removed.filter((segment) => segment.kind === 'navigation').map((segment) => segment.text);
  const headlines: string[] = [];
  for (const line of lead) {
    if (isHeadline(line, columns)) headlines.push(line);
    else if (headlines.length > 0 || line.length > 60) break;
    if (headlines.length === 2) break;
  }
  const body = lead.slice(headlines.length).filter((line) => line.length > 0);
  if (headlines.length > 0) {
    const joined = headlines.join(' ');
    const series = SERIES.exec(joined);
    const column = series ? (series[1] ?? series[2] ?? null) : null;
    // A bracketed series name is a label, not the headline's words; one before 丨 reads as part of it, and stays.
    const headline = series?.[1] ? joined.slice(series[0].length) : joined;
    // A headline that only tells the news (…签约 联建聚合力) while the lead names the programme (举行“X”党建共建
    // 结对签约仪式): the case is the programme, as the annotators of real articles title it.
    const programme = leadEvent(body, true);
    if (programme && !headline.includes(programme.replace(/^“([^”]*)”.*$/, '$1'))) {
      return { title: programme, titleConfidence: { rule: 'lead-programme', score: 0.6 }, column };
    }
    return { title: headline, titleConfidence: { rule: 'headline', score: 0.8 }, column };
  }

  const labelled = /^([^,，。:：!?“”]{4,20})[:：]/.exec(body[0] ?? '');
  if (labelled) return { title: labelled[1]!, titleConfidence: { rule: 'lead-label', score: 0.5 }, column: null };
  const event = leadEvent(body);
  if (event) return { title: event, titleConfidence: { rule: 'lead-event', score: 0.5 }, column: null };
  const quoted = /“([^“”]{3,30})”/.exec(body.slice(0, 2).join('\n'));
  if (quoted) return { title: quoted[1]!, titleConfidence: { rule: 'first-quoted-name', score: 0.4 }, column: null };
  return { title: (body[0] ?? '').slice(0, 40), titleConfidence: { rule: 'first-words', score: 0.3 }, column: null };
};
