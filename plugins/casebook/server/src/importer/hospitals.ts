import { HOSPITAL_CATEGORY, HOSPITAL_LEVEL, type HospitalCategory, type HospitalLevel } from '../closed-sets';
import { locate, placePrefixAt } from './regions';
import type { ExtractedCase, ExtractedHospital, Normalised } from './types';

const SUFFIX = /(医院集团|总医院|医院|卫生院|保健院)/g;

/** Prefixes that start an institution's name besides place names. */
const INSTITUTION_STARTERS = ['中国', '中日友好', '中华', '国家', '解放军', '人民解放军', '武警', '北京协和', '协和', '首都医科', '复旦', '清华', '北京大学', '中山大学', '华中科技', '同济', '浙江大学', '南方医科', '空军', '海军', '陆军'];

/** Words that end the text before a name: the name starts after the last of them. */
const BEFORE_NAME_WORDS = '邀请|来到|前往|走进|成为|组建|合并|加入|联合|与|和|及|在|到|由|是|为|对|将|把|被|向|从|请|了|等|其|该|于|赴|以|经|同|跟|给|让|即|并|或|的|之|、';
const BEFORE_NAME = new RegExp(`.*(?:${BEFORE_NAME_WORDS})`);
const ENDS_BEFORE_NAME = new RegExp(`(?:${BEFORE_NAME_WORDS})$`);
/** A place's full name (四川省, 成都市, 富顺县), which starts a name anywhere; a short one (惠民, 富顺) may be a word's tail. */
const FULL_PLACE = /(?:省|市|县|区|州|盟)$/;

/** Descriptions of a kind of hospital, not the name of one: 公立医院, 三级中医医院, 综合性医院, 百年医院. */
const GENERIC = /^(本|该|我|全|各|每|这|那|此|兄弟|人民|公立|民营|县级|市级|省级|区级|乡镇|基层|三甲|三级|二级|一级|综合性?|现代化|高水平|大型|中型|小型|专科|示范|标杆|定点|医联体|医共体|百年|新|老|原|分|总|整体|一流|优秀|先进|智慧|互联网|数字|平安|清廉|廉洁|绿色|人文|现代|研究型|教学|附属|中医|西医|各级|各类|全国|全省|全市|公益|非公|社会办|改善|建设|成为|打造|创建)+(医|卫生|保健)?$/;

/** Markers of a real name when no place or institution starts it: 孔氏医院, 哈工大附属医院. */
const NAME_MARKER = /(大学|学院|附属|人民|第[一二三四五六七八九十\d]+|友好|协和|氏|军区|部队|省立|市立|县立)/;

/**
 * Words inside a would-be name that show it is a description or a clause, not a name. 和 and 与 are not
 * among them: 太和医院, 协和医院, 保和镇中心卫生院 are names; `joinsTwoNames` tells the conjunction.
 */
const NOT_A_NAME = /(高水平|现代化|综合性|一流|县级|市级|省级|地级|贫困|示范|标杆|定点|全国|公布|关于|公立|重视|直属|下属|所属|首家|一家|这家|三甲|二甲|卫健委|卫健局|卫生健康委|卫生局|届|等|的)/;

/** 四川省和重庆市医院: 和 or 与 followed by a place's full name joins two names, and makes neither. */
const joinsTwoNames = (name: string): boolean => {
  for (const conjunction of name.matchAll(/[和与]/g)) {
    const place = placePrefixAt(name, conjunction.index! + 1);
    if (place !== undefined && FULL_PLACE.test(place)) return true;
  }
  return false;
};

/** Multi-character verbs and roles after which a name starts: 韩德民院士担任市耳鼻咽喉科医院 → 市耳鼻咽喉科医院. */
const CLAUSE_BEFORE_NAME = /.*(?:担任|邀请|来到|前往|走进|成为|组建|合并|加入|联合|院士|专家|书记|院长|主任|教授|领导|带领|考验着|考验著)/;

export type NameMatch = { name: string; start: number; end: number };

const startOfName = (window: string): number | null => {
  for (let index = 0; index < window.length - 1; index += 1) {
    const rest = window.slice(index);
    const place = placePrefixAt(rest);
    // 建便民惠民医院: 惠民 is a county's short name, but here the tail of 便民惠民; a short name starts a name
    // only at the window's start or after a word that ends the text before a name.
    const startsHere = index === 0 || ENDS_BEFORE_NAME.test(window.slice(0, index));
    if ((place !== undefined && (FULL_PLACE.test(place) || startsHere)) || INSTITUTION_STARTERS.some((starter) => rest.startsWith(starter))) {
      return index;
    }
  }
  return null;
};

/** Accepts a candidate name, or null for descriptions and fragments. */
const acceptName = (candidate: string, suffix: string): string | null => {
  const prefix = candidate.slice(0, candidate.length - suffix.length);
  if (prefix.length < 2 || candidate.length > 26 || /^[市省县]$/.test(prefix)) return null;
  if (GENERIC.test(prefix)) return null;
  return candidate;
};

/**
 * Every hospital name in `text` with its position: a name ends in 医院, 总医院, 医院集团 … and starts at a place
 * name (四川省, 成都市, 富顺县), an institution (中国, 中日友好 …), or, failing those, right after the last
 * function word before it when what is left carries a name marker (市第三人民医院, 孔氏医院).
 */
export const findHospitalNames = (text: string): NameMatch[] => {
  const matches: NameMatch[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(SUFFIX)) {
    let end = match.index! + match[0].length;
    let suffix = match[0];
    if (text.startsWith('集团', end) && suffix !== '医院集团') {
      end += 2;
      suffix += '集团';
    }
    let left = match.index!;
    // 丨 is a Han character but on a page a separator (对话健康中国丨北京大学肿瘤医院): a name never spans it.
    while (left > previousEnd && left > match.index! - 24 && /[\u4e00-\u9fff]/.test(text[left - 1]) && text[left - 1] !== '丨') left -= 1;
    const window = text.slice(left, end);
    const starter = startOfName(window.slice(0, window.length - suffix.length));
    let name: string | null = null;
    if (starter !== null) {
      name = acceptName(window.slice(starter).replace(CLAUSE_BEFORE_NAME, ''), suffix);
    } else {
      const prefix = window.slice(0, window.length - suffix.length).replace(CLAUSE_BEFORE_NAME, '').replace(BEFORE_NAME, '');
      // 原市第三人民医院, 市耳鼻咽喉科医院: a city's own hospital named without the city.
      const local = /[市省县](?!立)(?!.*[市省县](?!立))/.exec(prefix);
      const candidate = local ? prefix.slice(local.index) : prefix;
      if (local || NAME_MARKER.test(candidate)) name = acceptName(candidate + suffix, suffix);
    }
    if (name && (NOT_A_NAME.test(name) || joinsTwoNames(name))) name = null;
    // 锦州市妇婴医院儿童医院党支部: a unit inside the hospital just named, not another hospital.
    if (name && matches.at(-1)?.end === end - name.length) name = null;
    previousEnd = end;
    if (name) matches.push({ name, start: end - name.length, end });
  }
  return matches;
};

/** Where a clause starts: a line's start, or after a sentence, clause or quote mark. */
const CLAUSE_START = /(?:^|[\n。!?;；,，:：、“”\s])/;
/** A name two to six Han characters long before 医院, standing where a clause starts as the subject of what follows. */
const CLAUSE_LED_NAME = new RegExp(`${CLAUSE_START.source}([\u4e00-\u9fff]{2,6}?(?:医院|卫生院))(?=党委|党总支|党支部|在|于|作为|坚持|始终|以|通过|结合|积极|组织|开展|成立|举行|都|也|还|将|已|荣获)`, 'g');
/** Words that make a clause-led 医院 a description (我们医院, 这家医院, 各级医院) rather than a name. */
const NOT_A_PRIVATE_NAME = /(们|这|那|家|所|个|级|类|全|各|每|该|本|我|其|此|新|大|小|好|是|在|有|为|到|对)/;

/**
 * Names no place or institution starts (横店文荣医院, a private hospital named after its town and founder): a
 * name that stands at the start of clauses twice or more in a document, as the subject of what it does. Read
 * once over the text, so the cost is linear; the names `findHospitalNames` finds are left to it.
 */
export const recurringNames = (text: string): string[] => {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(CLAUSE_LED_NAME)) {
    const name = match[1];
    const prefix = name.replace(/(?:医院|卫生院)$/, '');
    if (NOT_A_PRIVATE_NAME.test(prefix) || GENERIC.test(prefix)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].filter(([name, count]) => count >= 2 && findHospitalNames(name)[0]?.name !== name).map(([name]) => name);
};

const CATEGORY_RULES: Array<[RegExp, HospitalCategory]> = [
  [/医院集团$|总医院$/, 'group'],
  [/中西医结合/, 'integrated'],
  [/中医|中医药/, 'tcm'],
  [/儿童/, 'children'],
  [/妇幼|妇婴|妇产|妇女儿童/, 'maternal_child'],
  [/肿瘤|精神|口腔|眼科|胸科|传染病|结核|耳鼻咽喉|皮肤|骨科|心血管|康复/, 'specialty'],
];

/** Category as the name states it, by its Chinese label; null when it says nothing (a 人民医院 may be general, but the text must say so). */
export const categoryOf = (name: string): string | null => HOSPITAL_CATEGORY.label(CATEGORY_RULES.find(([pattern]) => pattern.test(name))?.[1]) ?? null;

const LEVEL = /(三级甲等|三甲|三级乙等|三乙|二级甲等|二甲|二级乙等|二乙)/;

const LEVEL_NAMES: Record<string, HospitalLevel> = { 三级甲等: 'grade3a', 三甲: 'grade3a', 三级乙等: 'grade3b', 三乙: 'grade3b', 二级甲等: 'grade2a', 二甲: 'grade2a', 二级乙等: 'grade2b', 二乙: 'grade2b' };

/** Grade stated next to the hospital in the text, by its Chinese label: 大型三甲公立医院 … */
export const levelIn = (text: string): string | null => {
  const match = LEVEL.exec(text);
  return match ? (HOSPITAL_LEVEL.label(LEVEL_NAMES[match[1]]) ?? null) : null;
};

/** A hospital as its name and, for a case's owner, the case's text describe it: place, category, grade. */
export const describeHospital = (name: string, role: ExtractedHospital['role'], text = ''): ExtractedHospital => ({
  name,
  role,
  ...locate(name, text),
  category: categoryOf(name),
  level: role === 'case_owner' ? levelIn(text.slice(0, 400)) : null,
  aliases: [],
});

/** A name and every shorter name it ends with (重庆市人民医院, 庆市人民医院 … 院): hospital names are short. */
export const tailsOf = (name: string): string[] => Array.from({ length: name.length }, (_, cut) => name.slice(cut));

/** For each proper tail of the given names, the longer names that end with it, in the given order. */
export const longerNamesByTail = (names: Iterable<string>): Map<string, string[]> => {
  const byTail = new Map<string, string[]>();
  for (const name of names) {
    for (const tail of tailsOf(name).slice(1)) {
      const longer = byTail.get(tail);
      if (longer) longer.push(name);
      else byTail.set(tail, [name]);
    }
  }
  return byTail;
};

/** Every hospital the document names: case owners first, then the ones only mentioned, short forms folded in as aliases. */
export const hospitalsOf = (cases: ExtractedCase[], normalised: Normalised): ExtractedHospital[] => {
  const owners = new Map<string, ExtractedHospital>();
  for (const extracted of cases) {
    if (extracted.hospital !== null && !owners.has(extracted.hospital)) {
      owners.set(extracted.hospital, describeHospital(extracted.hospital, 'case_owner', extracted.body));
    }
  }
  // The first owner whose name ends with a name found, and the tails of the names mentioned so far: looked
  // up rather than searched for each name found (a document may name thousands).
  const ownerByTail = new Map<string, ExtractedHospital>();
  for (const owner of owners.values()) for (const tail of tailsOf(owner.name)) if (!ownerByTail.has(tail)) ownerByTail.set(tail, owner);
  const mentioned = new Map<string, ExtractedHospital>();
  const mentionedTails = new Set<string>();
  for (const match of findHospitalNames(normalised.text)) {
    const owner = ownerByTail.get(match.name);
    if (owner) {
      if (owner.name !== match.name && !owner.aliases.includes(match.name)) owner.aliases.push(match.name);
      continue;
    }
    if (mentionedTails.has(match.name)) continue;
    mentioned.set(match.name, describeHospital(match.name, 'mentioned'));
    for (const tail of tailsOf(match.name)) mentionedTails.add(tail);
  }
  return [...owners.values(), ...mentioned.values()];
};
