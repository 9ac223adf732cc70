import { SENTENCE_END } from './text-rules';
import { themeOfInitiative } from './themes';
import type { ExtractedInitiative } from './types';

const LIST_MARKER = /^(?:[一二三四五六七八九十]+、|\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+[,，、])\s*/;
/** 一抓组织建设, 二抓设施设备 …: numbered measures named with 抓. */
const ZHUA = /^[一二三四五六七八九十]抓[\u4e00-\u9fff]{2,8}/;
/** Campaign and rule names that are not a hospital's own measures. */
const NOT_INITIATIVES = /^(两学一做|三会一课|四讲四有|一岗双责|三重一大|不忘初心|牢记使命|四个意识|我为群众办实事|七一)/;
const PROGRAMME_VERB = /(开展|举办|打造|建立|成立|推行|实施|创建|开设|推出|创新|组建|设立|搭建|启动|举行|推进|开辟|形成)/;
/** A measure's summary is its first sentence, or less: up to a semicolon. */
const FIRST_SENTENCE = new RegExp(`^[^${SENTENCE_END}；;]*[${SENTENCE_END}；;]?`);

const firstSentence = (text: string, max = 120) => {
  const sentence = FIRST_SENTENCE.exec(text)?.[0] ?? text;
  return sentence.length > max ? `${sentence.slice(0, max)}…` : sentence;
};

/**
 * The named measures of a case: numbered sections (一、定时间, 1、优化活动载体, 一抓组织建设), subheadings
 * inside the case, and programmes named in quotes next to a verb that sets them up (开展“道德讲堂”).
 */
export const initiativesOf = (paragraphs: string[]): ExtractedInitiative[] => {
  const found: ExtractedInitiative[] = [];
  const names = new Set<string>();
  const add = (name: string, summary: string) => {
    const cleaned = name.replace(/[。,，;；:：]+$/, '').trim();
    if (cleaned.length < 2 || cleaned.length > 40 || NOT_INITIATIVES.test(cleaned.replace(/[“”]/g, ''))) return;
    // An author line or a sentence cut off at a page edge (…党委书记傅超感) is no measure.
    if (/^[(（]/.test(cleaned) || /(医院|书记|院长|主任)/.test(cleaned)) return;
    if (names.has(cleaned)) return;
    names.add(cleaned);
    found.push({ name: cleaned, summary: firstSentence(summary), theme: themeOfInitiative(`${cleaned} ${summary}`) });
  };

  paragraphs.forEach((paragraph, index) => {
    const next = paragraphs[index + 1] ?? '';
    const zhua = ZHUA.exec(paragraph);
    if (zhua) {
      add(zhua[0], paragraph.slice(paragraph.search(/[,，。]/) + 1));
    } else if (LIST_MARKER.test(paragraph)) {
      const rest = paragraph.replace(LIST_MARKER, '');
      const heading = /^[^。]{2,40}?(?=。|$)/.exec(rest)?.[0] ?? rest.slice(0, 20);
      const body = rest.slice(heading.length + 1);
      add(heading.length <= 30 ? heading : heading.split(/[,，]/)[0], body || next);
    } else if (paragraph.length >= 6 && paragraph.length <= 20 && !/[。,，?？]/.test(paragraph) && !/(怎么|如何|怎样|什么|吗)/.test(paragraph)) {
      add(paragraph, next);
    }
    for (const quoted of paragraph.matchAll(/“([^”]{2,12})”/g)) {
      const before = paragraph.slice(Math.max(0, quoted.index! - 8), quoted.index!);
      if (PROGRAMME_VERB.test(before) && !/[,，。]/.test(quoted[1])) add(`“${quoted[1]}”`.replace(/^“(.*)”$/, '$1'), paragraph);
    }
  });
  return found;
};
