import type { ExtractedPerson, RemovedSegment } from './types';

/** Common Chinese surnames, two-character ones first: enough to tell a name after a position from other words. */
const SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|令狐|夏侯|' +
  '王|李|张|刘|陈|杨|黄|赵|吴|周|徐|孙|马|朱|胡|郭|何|高|林|罗|郑|梁|谢|宋|唐|许|韩|冯|邓|曹|彭|曾|肖|田|董|袁|潘|于|蒋|蔡|余|杜|叶|程|苏|魏|吕|丁|任|沈|姚|卢|姜|崔|钟|谭|陆|汪|范|金|石|廖|贾|夏|韦|付|方|白|邹|孟|熊|秦|邱|江|尹|薛|闫|段|雷|侯|龙|史|陶|黎|贺|顾|毛|郝|龚|邵|万|钱|严|覃|武|戴|莫|孔|向|汤|常|温|康|施|文|牛|樊|葛|邢|安|齐|易|乔|伍|庞|颜|倪|庄|聂|章|鲁|岳|翟|殷|詹|申|欧|耿|关|兰|焦|俞|左|柳|甘|祝|包|宁|尚|符|舒|阮|柯|纪|梅|童|凌|毕|单|季|裴|霍|涂|成|苗|谷|盛|曲|翁|冉|骆|蓝|路|游|辛|靳|管|柴|蒙|鲍|华|喻|祁|蒲|房|滕|屈|饶|解|牟|艾|尤|阳|时|穆|农|司|卓|古|吉|缪|简|车|项|连|芦|麦|褚|娄|窦|戚|岑|景|党|宫|费|卜|冷|晏|席|卫|米|柏|宗|瞿|桂|全|佟|应|臧|闵|苟|邬|边|卞|姬|师|和|仇|栾|隋|商|刁|沙|荣|巫|寇|桑|郎|甄|丛|仲|虞|敖|巩|明|佘|池|查|麻|苑|迟|邝';

const POSITIONS = [
  '党委书记', '党委副书记', '纪委书记', '党支部书记', '党总支书记', '副书记', '书记', '副院长', '院长', '名誉院长', '首位院长', '副主任', '主任医师', '主任',
  '护士长', '医生', '医师', '护士', '院士', '志愿者', '教授', '专家', '负责人', '局长', '副局长', '部长', '处长', '科长', '主席', '委员', '记者', '作者',
];

/**
 * A position word after other characters, unless it is the tail of a longer position word that starts among
 * them (书记 in 党委书记, 院长 in 副院长): the longer word, tried earlier, already ends there, so reading it
 * again changes no match. Without this, 党委副书记 reads three ways, a list of n positions 3ⁿ ways, and a
 * list that names no one took that long to give up. A word right at the start of the role is always taken:
 * what precedes it there may be the end of the previous match (张三副 | 主任李四).
 */
const afterOthers = (word: string): string => {
  const heads = POSITIONS.filter((longer) => longer !== word && longer.endsWith(word)).map((longer) => longer.slice(0, -word.length));
  return heads.length > 0 ? `(?<!${heads.join('|')})${word}` : word;
};

/** A position word with up to 8 characters before it (儿科护士长), shortest first. */
const ROLE_WORDS = `(?:(?:${POSITIONS.join('|')})|[\\u4e00-\\u9fff]{1,8}?(?:${POSITIONS.map(afterOthers).join('|')}))`;

/** Positions listed before one name (党委书记、院长、主任医师…): more than this reads as a list, not one person's titles. */
const MAX_LISTED_POSITIONS = 8;

/** A person's name: a common surname and one or two more characters. */
export const PERSON_NAME = `(?:${SURNAMES})[\\u4e00-\\u9fff]{1,2}`;
/**
 * A position then a name: 党委书记傅超感, 儿科护士长陈玉瑛, 医院院长、党委副书记杨庆军. The list of positions is
 * bounded, so each place in a text is tried in bounded time (an unbounded list made a text of n listed
 * positions take n² steps, as the match is tried from each of them).
 */
const ROLE_THEN_NAME = new RegExp(
  `(?<role>${ROLE_WORDS}(?:、${ROLE_WORDS}){0,${MAX_LISTED_POSITIONS - 1}})[\\s——]*(?<name>${PERSON_NAME})(?=[,，。;；、:：”“\\s)）的在等和与突提说表指认介强带是为同主担被获荣也都就还曾以讲开作参出发率亲代致到来去对向从将把让给跟]|$)`,
  'g',
);
/** A name then a title: 韩德民院士. */
const NAME_THEN_TITLE = new RegExp(`(?<org>中国工程院|中国科学院)?(?<name>${PERSON_NAME})(?<role>院士)`, 'g');
/** Authors in brackets after a case: (龚倩倩 邓晓洪); a signature: (黑龙江省医院党委书记 刘宏石). */
const AUTHOR_BRACKETS = /[(（](?<inner>[\u4e00-\u9fff·\s、]{2,40})[)）]\s*$/;

/** The position itself, without the clause it was cut from: 心中永远牵挂患儿的儿科护士长 → 儿科护士长. */
const clean = (role: string) =>
  role
    .replace(/^.*[的是为在与和及了]/, '')
    .replace(/^(医院|该院|本院)/, '')
    .replace(/^院(?=院长)/, '')
    .trim();

/** Characters that do not occur in given names but do follow surnames in running text (荣获, 程院). */
const NOT_GIVEN_NAME = /[获为在是的了和与等说到院委局科部位]/;

export const authorsOf = (paragraph: string): ExtractedPerson[] => {
  const match = AUTHOR_BRACKETS.exec(paragraph);
  if (!match?.groups) return [];
  const inner = match.groups.inner.trim();
  const signature = new RegExp(`^(?<unit>[\\u4e00-\\u9fff]*?)(?<role>${ROLE_WORDS})\\s*(?<name>${PERSON_NAME})$`).exec(inner);
  if (signature?.groups) return [{ name: signature.groups.name, role: signature.groups.role.replace(/^.*?(?=党委|纪委|院长|书记)/, '') }];
  const names = inner.split(/[\s、]+/).filter((name) => new RegExp(`^${PERSON_NAME}$`).test(name));
  return names.length > 0 && names.length === inner.split(/[\s、]+/).length ? names.map((name) => ({ name, role: '作者' })) : [];
};

/** People named with their positions in running text. */
export const peopleIn = (text: string): ExtractedPerson[] => {
  const people: ExtractedPerson[] = [];
  for (const match of text.matchAll(ROLE_THEN_NAME)) {
    const { role, name } = match.groups!;
    if (!NOT_GIVEN_NAME.test(name.slice(1))) people.push({ name, role: clean(role) });
  }
  for (const match of text.matchAll(NAME_THEN_TITLE)) {
    const { org, name, role } = match.groups!;
    if (!NOT_GIVEN_NAME.test(name.slice(1))) people.push({ name, role: `${org ?? ''}${role}` });
  }
  return people;
};

/** Reporters and authors the page chrome names (本报记者 张三 整理; a lone name the normaliser took for a byline). */
export const bylinePeople = (removed: RemovedSegment[]): ExtractedPerson[] =>
  removed.flatMap((segment) => {
    const reporter = /^(本报记者|记者|通讯员)\s*([\u4e00-\u9fff]{2,4}?)\s*(整理|采写|报道)?$/.exec(segment.text.trim());
    if (reporter) return [{ name: reporter[2], role: reporter[1] }];
    if (segment.kind === 'byline' && /^[\u4e00-\u9fff]{2,4}$/.test(segment.text.trim())) return [{ name: segment.text.trim(), role: '作者' }];
    return [];
  });

export const uniquePeople = (people: ExtractedPerson[]): ExtractedPerson[] => {
  const seen = new Map<string, ExtractedPerson>();
  for (const person of people) {
    const known = seen.get(person.name);
    if (!known || (known.role ?? '').length < (person.role ?? '').length) seen.set(person.name, person);
  }
  return [...seen.values()];
};
