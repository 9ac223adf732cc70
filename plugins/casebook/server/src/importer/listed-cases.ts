import { findHospitalNames } from './hospitals';
import { CASE_FOUND, type CaseDraft, type Paragraph } from './types';

/**
 * Documents that list several cases in a few lines: an e-paper page's index of its articles, and an
 * experience material's sentence of each hospital's brand. Each listed case is known by little more than
 * its name, so its confidence says so.
 */

/** A line of an e-paper's index of the page's articles: ·警示教育筑防线 廉洁自律守初心 …医院开展主题参观学习. */
const INDEX_LINE = /^[·•]\s*(\S.{4,70})$/;
/** An index names the page's articles: three lines or more, in one of the page's first paragraphs. */
const INDEX_MIN_LINES = 3;

type IndexEntry = { title: string; draft: CaseDraft };

/** Two headlines of one article, as the index and the article print it (spacing and quotes aside). */
export const sameHeadline = (a: string, b: string) => a.replace(/[\s“”"]/g, '') === b.replace(/[\s“”"]/g, '');

/**
 * The index of an e-paper page: its lines are the headlines of the page's other articles. An article whose
 * headline names a hospital is a case of that hospital known by its headline alone (the page gives no more
 * of it); the others (a health bureau's, a county system's) are no hospital's case.
 */
export const pageIndexOf = (paragraphs: Paragraph[]): { paragraphs: Set<Paragraph>; entries: IndexEntry[] } | null => {
  // The index's lines come as one paragraph or as a run of paragraphs of one line each, as the copy kept them.
  const run = new Set<Paragraph>();
  const lines: Paragraph[] = [];
  for (const paragraph of paragraphs.slice(0, 12)) {
    const own: Paragraph[] = [];
    let offset = paragraph.start;
    for (const line of paragraph.text.split('\n')) {
      const trimmed = line.trim();
      const at = offset + line.indexOf(trimmed);
      if (INDEX_LINE.test(trimmed)) own.push({ text: trimmed, start: at, end: at + trimmed.length });
      else if (trimmed !== '') {
        own.length = 0;
        break;
      }
      offset += line.length + 1;
    }
    if (own.length > 0) {
      run.add(paragraph);
      lines.push(...own);
    } else if (lines.length >= INDEX_MIN_LINES) break;
    else {
      run.clear();
      lines.length = 0;
    }
  }
  if (lines.length < INDEX_MIN_LINES) return null;
  const entries = lines.flatMap((line): IndexEntry[] => {
    const title = INDEX_LINE.exec(line.text)![1]!.trim();
    const [hospital] = findHospitalNames(title);
    if (!hospital) return [];
    return [
      {
        title,
        draft: {
          found: 'pageIndex',
          header: { index: -1, hospital: hospital.name, title, speaker: null },
          title,
          titleConfidence: CASE_FOUND.pageIndex,
          paragraphs: [],
          headerLines: [line],
        },
      },
    ];
  });
  return { paragraphs: run, entries };
};


/**
 * One hospital's brand in an experience material's list: the hospital (as the list writes it, often without
 * its county: 人民医院), its party body, what it formed, and the brand in quotes before what it is
 * (…人民医院党支部探索形成“…”的“党建领航▪五院建设”党建工作模式).
 */
const LISTED_BODY = /([\u4e00-\u9fff]{0,16}?(?:医院|卫生院|保健院|卫生服务中心))(?:党委|党总支|党支部)/g;
const BRAND = /“([^“”]{2,30})”(?:的)?(?:党建)?(?:工作)?(?:模式|思路|载体|品牌|工作法)/g;
/** The words for a hospital that name none: the case's own (我院, 医院) or any (各医院). */
const GENERIC_BODY = /^(?:我|本|该|各|全|医|卫生|保健)?(?:医院|卫生院|保健院|卫生服务中心)$/;
/** A list has two brands or more, each of its own hospital. */
const BRAND_LIST_MIN = 2;

/** A listed brand, with the hospital as the list writes it. */
export type ListedBrand = { owner: string; draft: CaseDraft };

/**
 * The brands a paragraph lists, one per hospital (…医院党支部…“X”党建工作模式；…中医医院党支部…“Y”的党建
 * 工作思路；…): each a case of its own, its text the stretch from its hospital to the next one's. The words
 * before the first hospital (a bureau's own programme) are the document's.
 */
export const brandListOf = (paragraphs: Paragraph[]): { paragraph: Paragraph; brands: ListedBrand[] } | null => {
  for (const paragraph of paragraphs) {
    const bodies = [...paragraph.text.matchAll(LISTED_BODY)];
    if (bodies.length < BRAND_LIST_MIN) continue;
    const listed: ListedBrand[] = [];
    bodies.forEach((body, at) => {
      const from = body.index!;
      const to = bodies[at + 1]?.index ?? paragraph.text.length;
      const stretch = paragraph.text.slice(from, to);
      const brand = [...stretch.matchAll(BRAND)].at(-1);
      if (!brand) return;
      // A list's items end with a semicolon: brands named in sentences of an article are one case's.
      if (at < bodies.length - 1 && !/[;；]\s*$/.test(stretch)) return;
      // The hospital starts after the punctuation or the words before it (…总思路,人民医院); 医院 alone names none.
      const owner = body[1]!.replace(/^.*[,，;；、。]/, '');
      if (GENERIC_BODY.test(owner) || listed.some((known) => known.owner === owner)) return;
      listed.push({
        owner,
        draft: {
          found: 'brandList',
          header: null,
          title: brand[1]!,
          titleConfidence: CASE_FOUND.brandList,
          paragraphs: [{ text: stretch.replace(/[;；。]+$/, ''), start: paragraph.start + from, end: paragraph.start + to }],
          headerLines: [],
          listedOwner: owner,
        },
      });
    });
    if (listed.length >= BRAND_LIST_MIN) return { paragraph, brands: listed };
  }
  return null;
};
