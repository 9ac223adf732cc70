import { extractMetrics } from '../metrics';
import { normalise } from '../normalise';
import { identityText } from '../tracked-text';

/** Sentences written for these tests in the manner of the genres (news pages, 经验材料, PDF copies). */
const figures = (text: string) => extractMetrics(normalise(identityText(text))).map((metric) => `${metric.qualifier}:${metric.value}${metric.unit ?? ''}`);

describe('metrics: what counts as a figure', () => {
  test.each([
    ['names with numerals before a surname that is also a unit (王五张三) are people, not five of anything', '王五张三李四参加了会议。', []],
    ['a PDF copy that closes “ with 〞 leaves the rest of its line outside the quotes', '荣获“先进集体〞称号。全院现有床位150张,职工96人。', ['exact:150张', 'exact:96人']],
    ['超 before a figure is more than it', '巡回医疗服务居民超5万人次。', ['more_than:50000人次']],
    ['a figure given again with its noun refers back to it', '医院9个党支部轮流作交流发言。\n\n评委逐一点评了9个支部的亮点。', ['exact:9个']],
    ['the same number counting something else is another figure', '联系8个党支部,走访8个村委会。', ['exact:8个', 'exact:8个']],
    ['a headline stating the body’s figure takes none from it', '医院9个党支部同台比拼\n医院9个党支部轮流作交流发言。', ['exact:9个', 'exact:9个']],
    ['a figure inside a name stays out', '开展“2+3”活动,组建“5个1”服务队。', []],
    ['a sentence spelling out a numeral-built name gives its parts, not results', '推行“1+2+N”机制,即1名专家带2名青年医生,服务患者3000人次。', ['exact:3000人次']],
    ['the parts of a “三个一” system are not results', '推行“三个一”机制,每名党员联系一户群众,每个支部结对1个社区。全院共有党员1名。', ['exact:1名']],
    ['a festival is no numeral-built name', '结合“七一”开展义诊,落实服务清单1项。', ['exact:1项']],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe('metrics: counts in Chinese numerals', () => {
  test.each([
    ['what a branch is made of and who sits on it', '该支部涵盖四个医技科室,设有两个党小组,支委会有五名委员。', ['exact:4个', 'exact:2个', 'exact:5名']],
    ['a large number with 万 and 千', '累计服务群众两万三千余人次,发放资料一千二百份。', ['more_than:23000人次', 'exact:1200份']],
    ['things put on show, after a digit', '展出2019两块展板和四台电脑。', ['exact:2块', 'exact:4台']],
    ['teams named with who is in them', '医院组建了五支青年志愿服务队。', ['exact:5支']],
    ['an estimate counts whatever it counts, but time', '近三年来,引进博士二十余名,开展活动十多次,经过十多天的努力,历时两个多月。', ['more_than:20名', 'more_than:10次']],
    ['slogans, structures and figures of speech', '坚持三个坚持,做到两个维护,两家医院携手共建,抓好两件大事,办好三件事,唱响三部曲。', []],
    ['articles, places, ordinals and anniversaries', '一名医生就是一张名片;在两个院区设立服务点;第三人民医院;建院六十周年;千家万户。', []],
    ['a figure referred back to', '这三个党支部各有特色。', []],
    ['years and terms in a row, and no other years', '2019年以来,医院连续四年入选省级名单,连续6届获评文明单位,连续三次获评先进,近两年成效明显。', ['exact:4年', 'exact:6届', 'exact:3次']],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  test('a small count in Chinese numerals is marked for the editor, a large one is not', () => {
    const [branches, visits] = extractMetrics(identityText('设有四个党支部,服务群众六千余人次。'));
    expect(branches.confidence).toEqual({ rule: 'chinese-numeral', score: 0.5 });
    expect(visits.confidence).toEqual({ rule: 'chinese-numeral', score: 0.7 });
  });

  test.each([
    ['a period in the clause', '班子成员坚持每季度到联系点督导检查1次。', ['exact:1次/季度']],
    ['a period opening the sentence', '每年,支部均组织义诊20余场。', ['more_than:20场/年']],
    ['in Chinese numerals, once included', '医院每月会召开一次支委会。', ['exact:1次/月']],
    ['a total is no rate', '每年开展义诊,累计开展120次。', ['exact:120次']],
    ['a date after 每年 is no period', '每年5月开展义诊10次。', ['exact:10次']],
    ['only events are counted per period', '每年培训党员300人次。', ['exact:300人次']],
  ])('events per period: %s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  test.each([
    ['an average age', '该科室党员28名,平均年龄为35.5岁,其中40岁以下党员20名。', ['exact:28名', 'exact:35.5岁', 'exact:20名']],
    ['an average age in Chinese numerals, with a qualifier', '团队平均年龄不到三十岁。', ['less_than:30岁']],
    ['a person’s age', '一位7岁女孩和一位80岁的老专家。', []],
  ])('ages: %s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  test('years in a row are a duration, terms a count', () => {
    expect(extractMetrics(identityText('连续四年入选名单,连续七届获评文明单位。')).map((metric) => [metric.kind, metric.confidence.rule])).toEqual([
      ['duration', 'consecutive'],
      ['count', 'consecutive'],
    ]);
  });
});

describe('metrics: a page cut off after its last figure', () => {
  test.each([
    ['a qualified figure at the very end keeps its value without a unit', '巡回医疗持续开展,累计接诊患者逾8万\n', ['more_than:80000']],
    ['a bare number at the end is a counter or a page number', '义诊活动持续开展。\n阅读 1.4万', []],
    ['a qualified figure at the end of a paragraph, not of the page, is no cut', '累计接诊患者逾8万\n\n下一段', []],
  ])('%s', (_name, text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  test('it is marked for the editor, and a paragraph read alone still knows where the page ends', () => {
    const paragraph = '累计接诊患者逾8万';
    const text = `${paragraph}\n\n${paragraph}`;
    expect(extractMetrics(identityText(text), 0, paragraph.length)).toEqual([]);
    const [cut] = extractMetrics(identityText(text), paragraph.length + 2);
    expect(cut).toMatchObject({ value: 80000, unit: null, qualifier: 'more_than', confidence: { rule: 'cut-off-figure', score: 0.3 } });
  });
});
