import { dropRanges, mapChars, originalRange } from './tracked-text';
import type { Normalised, RemovedSegment, TrackedText } from './types';
import { PERSON_NAME } from './people';
import { isCutOff, isHospitalNameLine, labelPattern, PAGE_LABELS } from './text-rules';
import { toSimplified } from '../chinese';

const HAN = /[\u3400-\u9fff]/;
const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

/** Pinyin a web mirror put after characters: 醫(yī)院 → 醫院. Tone-marked syllables, or the few toneless ones. */
const INLINE_PINYIN = new RegExp(
  `(?<=[\\u3400-\\u9fff])[(（](?:[a-zü]*[${TONE_VOWELS}][a-zü${TONE_VOWELS}]*|de|le|me|men|ne|ma|ba|zhe|zi|ge)[)）]`,
  'g',
);

/** Removes inline pinyin, keeping every remaining character's place in the original. */
const removeInlinePinyin = (input: TrackedText): TrackedText =>
  dropRanges(
    input,
    Array.from(input.text.matchAll(INLINE_PINYIN), (match) => [match.index!, match.index! + match[0].length] as [number, number]),
  );

/** Traditional → simplified with OpenCC, line by line; a line whose length would change is converted character by character. */
const simplify = (input: TrackedText): TrackedText => {
  if (!/[\u4e00-\u9fff]/.test(input.text)) return input;
  const sample = input.text.slice(0, 20000);
  const converted = toSimplified(sample);
  const changed = converted.length === sample.length ? [...sample].filter((char, index) => HAN.test(char) && converted[index] !== char).length : sample.length;
  if (changed / Math.max(1, sample.match(/[\u4e00-\u9fff]/g)?.length ?? 1) < 0.01) return input;
  return mapChars(input, (text) =>
    text
      .split('\n')
      .map((line) => {
        const converted = toSimplified(line);
        return converted.length === line.length ? converted : [...line].map((char) => (toSimplified(char).length === char.length ? toSimplified(char) : char)).join('');
      })
      .join('\n'),
  );
};

/**
 * Full-width ASCII forms and the ideographic space become their half-width selves; the double prime quotes a
 * PDF's text uses for quotation marks (〝…〞 or 〝…〟) become the quotes every rule reads.
 */
const halfWidth = (input: TrackedText): TrackedText =>
  mapChars(input, (text) =>
    text.replace(/[\uff01-\uff5e\u3000\u00a0\r\t\u301d-\u301f]/g, (char) => {
      if (char === '\u301d') return '“';
      if (char === '\u301e' || char === '\u301f') return '”';
      if (char === '\u3000' || char === '\u00a0' || char === '\t') return ' ';
      if (char === '\r') return '\n';
      return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
    }),
  );

type Line = { text: string; start: number; end: number };

/** A line with a blank line (or the edge of the text) on each side. */
const isIsolated = (lines: Line[], index: number) => (lines[index - 1]?.text.trim() ?? '') === '' && (lines[index + 1]?.text.trim() ?? '') === '';

const splitLines = (text: string): Line[] => {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
};

// `\s*(?:[:：]\s*)?`, not `\s*[:：]?\s*`: two \s* around an optional colon split a run of spaces every way (quadratic).
const NAVIGATION = /设为首页|加入收藏|热点推荐|您所在的位置|您的位置[:：]|当前位置[:：]|首页\s*(>>|>|»|\/)|网站地图|返回顶部|上一篇|下一篇|打印本页|关闭窗口|分享到|字号\s*(?:[:：]\s*)?[(（大中小]|上一版|下一版|版面概览|本版大图|日期检索|文章搜索/;
/** A breadcrumb without its arrows: 首页 新闻中心 医院新闻. */
const CRUMBS = /^首页(?:\s+[\u4e00-\u9fff]{2,8}){1,5}$/;
/** A document-sharing site's banner around the file's name: 《….docx》由会员分享,可在线阅读 …. */
const SHARE_BANNER = /由会员分享|可在线阅读|请在[\u4e00-\u9fff]{2,8}上搜索/;
/** An e-paper's page line (第A03版 党建, A03 党建 2022年04月07日 星期四) or a record's field label (案例详情). */
const PAGE_LINE = /^第?[A-Z]?\d{1,2}版(?:\s|$)|^[A-Z]\d{1,2}\s+\S{2,8}\s+\d{4}年|^(?:案例详情|案例简介|案例正文|详细内容|正文)$/;
/** A paywall's or app's prompt: 开通会员阅读全文, 登录后查看全文, 打开APP阅读, 剩余80%未读. */
const PAYWALL = /^[^。]{0,20}(?:开通会员|登录后(?:查看|阅读)|付费(?:阅读|后)|(?:阅读|查看)全文|打开\s*APP|下载\s*APP|剩余\d+%)[^。]{0,20}$/i;
/** A site's disclaimer: 免责声明:…, 本文仅代表作者观点, 如有侵权请联系删除, 转载请注明出处. */
const DISCLAIMER = /^(?:免责声明|版权声明|声明)[:：]|本文仅代表作者|如有侵权|转载请注明/;
/** A copy site's word count or reading prompt: 【文章共1155字,精选参考范文,仅供学习借鉴】, 手机扫码阅读本文. */
const SITE_PROMPT = /^【[^】]*(?:字|范文|借鉴)[^】]*】$|扫码阅读/;
const COUNTER = /(阅读量|阅读数|阅读次数|浏览量|浏览次数|点击数|点击量|访问量)\s*(?:[:：]\s*)?\d+|^阅读[:：]\s*[\d.]+万?$/;
const BUTTON = /^(给我点赞|点赞|我要投票|投票|收藏|分享|打印|返回|返回列表|点击投票)$/;
const RELATED = /^(猜你喜欢|相关阅读|相关文章|相关新闻|延伸阅读|推荐阅读|热门文章|热点文章|相关推荐)[:：]?$/;
const FOOTER = /主办单位|承办单位|协办单位|主管单位|主管主办|统一刊号|版权所有|热线电话|联系电话|爆料热线|新闻热线|ICP备|Copyright|©/i;
const KEYWORDS = /^(关键词|关键字|标签|Tags?)\s*[:：]/i;
/**
 * A byline: 本报记者 张三 李四, 通讯员:王五 整理. After the label come names of two or more characters
 * separated by spaces (整理, 采写 … are such words too). Each stretch of a line can be read one way only:
 * a long line that is no byline fails at once instead of after every way of cutting it into names has been
 * tried (`\s*` between repeated names, and `\s*[:：]?\s*`, made that exponential and quadratic).
 */
export const BYLINE = /^(本报记者|记者|通讯员|作者|撰稿|文\/|来源)\s*(?:[:：]\s*)?[\u4e00-\u9fff·]{2,12}(?:[\u4e00-\u9fff]{2,})?(?:\s+[\u4e00-\u9fff]{2,})*\s*$/;
const DATELINE = /^\d{4}(?:-\d{1,2}-\d{1,2}|\/\d{1,2}\/\d{1,2}|年\d{1,2}月\d{1,2}日)(\s+\d{1,2}:\d{2}(:\d{2})?)?/;
/** A line the page labels as its metadata: 发布时间:…, 来源:【…】, 作者:…, 提交医院:… (at the head of a page). */
const META_LABEL = new RegExp(`^(?:${labelPattern(PAGE_LABELS)})\\s*[:：]`);
/**
 * A line of authors' names and nothing else, as a paper prints them under its title: 张三,李四,王五. Each name
 * starts with a surname and they are separated by commas: a slogan headline (守初心、担使命、抓落实) is no byline.
 */
const AUTHOR_LIST = new RegExp(`^${PERSON_NAME}(?:[,，]${PERSON_NAME}){2,9}$`);
const ISSUE_LINE = /^[\u4e00-\u9fff《》]{2,20}\s*\d{4}年(第)?\d{1,3}期$/;
const CAPTION_END = /(现场|合影|留念|颁奖|揭牌|仪式|剪影|掠影|风采|图为.*)$/;
const ROLE_WORDS = /书记|院长|主任|记者|委员/;

/** A page's own title bar, "column - site name": chrome, not the article's headline. */
const SITE_TITLE = /^[^。,，]{2,30}\s+[-|_—–]\s+[^。,，]{2,30}$/;

const isSpam = (line: string) => {
  const separators = (line.match(/[_|｜]/g) ?? []).length;
  return separators >= 4 && !/[。]/.test(line);
};

const isOnlyPunctuation = (line: string) => line.length > 0 && !/[\p{L}\p{N}]/u.test(line);

const isShortLabel = (line: string, max: number) => line.length > 0 && line.length <= max && !/[。,;:!?，；：！？]/.test(line);

/**
 * Page chrome, spam and captions, found line by line. A photo caption is a short isolated line inside
 * a sentence that a page layout broke (the paragraph before it ends mid-sentence), or one that reads as
 * a caption (…现场, …合影). Hospital-name headers that sit in the same position are kept for the splitter.
 */
const findNoise = (text: string): RemovedSegment[] => {
  const lines = splitLines(text);
  const removed: RemovedSegment[] = [];
  const mark = (line: Line, kind: RemovedSegment['kind']) => removed.push({ kind, text: line.text, start: line.start, end: line.end });
  const nonEmpty = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.text.trim() !== '');

  let relatedFrom = Infinity;
  nonEmpty.forEach(({ line, index }) => {
    if (RELATED.test(line.text.trim()) && index > lines.length / 3) relatedFrom = Math.min(relatedFrom, index);
  });

  nonEmpty.forEach(({ line, index }, position) => {
    const trimmed = line.text.trim();
    const next = nonEmpty[position + 1]?.line.text.trim();
    const isolated = isIsolated(lines, index);

    if (index >= relatedFrom) return mark(line, 'related');
    if (isSpam(trimmed)) return mark(line, 'spam');
    if (COUNTER.test(trimmed) || (DATELINE.test(trimmed) && position < 6)) return mark(line, COUNTER.test(trimmed) ? 'counter' : 'meta');
    if (NAVIGATION.test(trimmed) || CRUMBS.test(trimmed)) return mark(line, 'navigation');
    if (SHARE_BANNER.test(trimmed) || (PAGE_LINE.test(trimmed) && position < 12)) return mark(line, 'meta');
    if (SITE_PROMPT.test(trimmed) || PAYWALL.test(trimmed)) return mark(line, 'button');
    if (DISCLAIMER.test(trimmed) && trimmed.length <= 120) return mark(line, 'footer');
    if (position === 0 && SITE_TITLE.test(trimmed)) return mark(line, 'meta');
    if (BUTTON.test(trimmed)) return mark(line, 'button');
    if (KEYWORDS.test(trimmed) || ((ISSUE_LINE.test(trimmed) || META_LABEL.test(trimmed)) && position < 8)) return mark(line, 'meta');
    if (AUTHOR_LIST.test(trimmed) && position < 8) return mark(line, 'byline');
    if (FOOTER.test(trimmed)) return mark(line, 'footer');
    if (BYLINE.test(trimmed) && (position >= nonEmpty.length - 2 || position < 6)) return mark(line, 'byline');
    if (isOnlyPunctuation(trimmed)) return mark(line, 'markup');
    // The running title printed just above a page footer.
    if (next !== undefined && FOOTER.test(next) && isolated && isShortLabel(trimmed, 16) && !ROLE_WORDS.test(trimmed) && !isHospitalNameLine(trimmed)) {
      return mark(line, 'footer');
    }
    if (isolated && trimmed.length <= 80 && !/[。]/.test(trimmed) && CAPTION_END.test(trimmed) && !isHospitalNameLine(trimmed)) {
      return mark(line, 'caption');
    }
    return undefined;
  });

  // Photo captions: runs of short isolated lines inside a sentence the layout broke, between a body
  // paragraph that stops mid-sentence and the long paragraph that carries the sentence on.
  const removedStarts = new Set(removed.map((segment) => segment.start));
  const kept = nonEmpty.filter(({ line }) => !removedStarts.has(line.start));
  for (let position = 1; position < kept.length; position += 1) {
    const previous = kept[position - 1].line.text.trim();
    // A body paragraph (it has commas) that stops mid-sentence; a speaker's or a title line has no commas.
    if (previous.length < 30 || !isCutOff(previous) || !/[,，、]/.test(previous)) continue;
    let runEnd = position;
    while (runEnd < kept.length) {
      const { line, index } = kept[runEnd];
      if (!isIsolated(lines, index) || !isShortLabel(line.text.trim(), 16) || isHospitalNameLine(line.text)) break;
      runEnd += 1;
    }
    if (runEnd > position && runEnd < kept.length && kept[runEnd].line.text.trim().length >= 30 && !isHospitalNameLine(kept[runEnd].line.text)) {
      for (let caption = position; caption < runEnd; caption += 1) mark(kept[caption].line, 'caption');
    }
    position = runEnd;
  }
  // A lone author name under the dateline at the head of a web copy (2017-05-18 07:33:26宁小倩 / 宁小倩).
  nonEmpty.slice(0, 8).forEach(({ line }) => {
    const trimmed = line.text.trim();
    if (/^[\u4e00-\u9fff]{2,4}$/.test(trimmed) && removed.some((segment) => segment.kind === 'meta' && segment.text.includes(trimmed))) {
      mark(line, 'byline');
    }
  });
  return removed.sort((a, b) => a.start - b.start);
};

/** Collapses runs of spaces, trims lines and keeps at most one blank line between paragraphs. */
const tidyWhitespace = (input: TrackedText): TrackedText => {
  const ranges: Array<[number, number]> = [];
  for (const match of input.text.matchAll(/[ ]{2,}|^[ ]+|[ ]+$|\n{3,}/gm)) {
    const start = match.index!;
    if (match[0].startsWith('\n')) ranges.push([start + 2, start + match[0].length]);
    else if (/^[ ]+$/.test(match[0]) && match[0].length >= 2 && start > 0 && input.text[start - 1] !== '\n' && input.text[start + match[0].length] !== '\n') {
      ranges.push([start + 1, start + match[0].length]);
    } else ranges.push([start, start + match[0].length]);
  }
  const merged = ranges.sort((a, b) => a[0] - b[0]).reduce<Array<[number, number]>>((all, range) => {
    const last = all[all.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else all.push([...range]);
    return all;
  }, []);
  const tidied = dropRanges(input, merged);
  // trimStart/trimEnd drop what \s matches; /\s+$/ would retry from every character of a long inner run.
  const leading = tidied.text.length - tidied.text.trimStart().length;
  const trailing = tidied.text.length - tidied.text.trimEnd().length;
  return dropRanges(tidied, [
    [0, leading],
    [tidied.text.length - trailing, tidied.text.length],
  ].filter(([start, end]) => end > start) as Array<[number, number]>);
};

/**
 * Decoded text → the text the extractor reads: inline pinyin removed, traditional characters simplified,
 * full-width forms made half-width, page chrome and spam dropped; every character keeps its original offset.
 */
export const normalise = (input: TrackedText): Normalised => {
  const cleaned = halfWidth(simplify(removeInlinePinyin(input)));
  const noise = findNoise(cleaned.text);
  const removed = noise.map((segment) => ({ ...segment, ...originalRange(cleaned, segment.start, segment.end) }));
  const text = tidyWhitespace(dropRanges(cleaned, noise.map((segment) => [segment.start, segment.end] as [number, number])));
  return { ...text, removed };
};
