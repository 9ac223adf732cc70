import { normalise } from '../normalise';
import { splitCases } from '../split';
import { identityText } from '../tracked-text';

const split = (text: string) => splitCases(normalise(identityText(text)));

describe('splitCases', () => {
  test('a newspaper page: a hospital-name line and a title line start each case; an author line ends one', () => {
    const page = [
      '天津市第一中心医院', '党员先锋岗 服务零距离', '医院党委设立党员先锋岗32个，覆盖全部临床科室。', '(赵敏 钱伟)',
      '河北省儿童医院', '“小小白衣天使”进校园', '医院党支部走进社区小学开展健康宣讲，受益学生近2000人。',
    ].join('\n\n');
    const { cases, unassigned } = split(page);
    expect(cases.map((draft) => [draft.header?.hospital, draft.title, draft.paragraphs.map((paragraph) => paragraph.text)])).toEqual([
      ['天津市第一中心医院', '党员先锋岗 服务零距离', ['医院党委设立党员先锋岗32个,覆盖全部临床科室。', '(赵敏 钱伟)']],
      ['河北省儿童医院', '“小小白衣天使”进校园', ['医院党支部走进社区小学开展健康宣讲,受益学生近2000人。']],
    ]);
    expect(unassigned).toEqual([]);
  });

  test('a conference summary: unit + position + name, then the talk title; the opening is the document’s', () => {
    const summary = [
      '本次交流会于近日在京举办，来自全国的200余名代表参会。',
      '山东大学齐鲁医院党委书记 孙明',
      '以高质量党建引领高质量发展',
      '医院坚持党委领导下的院长负责制，建立党支部68个。',
      '广西壮族自治区人民医院党委副书记、纪委书记 李红',
      '清廉医院建设的实践',
      '医院构建三级监督网络，开展廉洁教育30余场。',
    ].join('\n\n');
    const { cases, unassigned } = split(summary);
    expect(cases.map((draft) => [draft.header?.hospital, draft.title, draft.header?.speaker])).toEqual([
      ['山东大学齐鲁医院', '以高质量党建引领高质量发展', { name: '孙明', role: '党委书记' }],
      ['广西壮族自治区人民医院', '清廉医院建设的实践', { name: '李红', role: '党委副书记、纪委书记' }],
    ]);
    expect(unassigned.map((paragraph) => paragraph.text)).toEqual(['本次交流会于近日在京举办,来自全国的200余名代表参会。']);
  });

  test('a paragraph of an interleaved column goes to the case whose words it shares', () => {
    const page = [
      '宁波市第二医院', '“道德讲堂”润人心',
      '医院党委举办“道德讲堂”活动,每期讲堂由党支部轮流承办,讲堂邀请身边好',
      '泉州市中医院', '中医药文化进社区',
      '医院组织中医专家走进社区,开展中医药文化宣传和义诊,中医药知识讲座深受欢迎,通过网络资源共享、',
      '人好事登上道德讲堂,讲述身边的道德故事,道德讲堂成为党员教育的课堂。',
    ].join('\n\n');
    const { cases } = split(page);
    expect(cases[0].paragraphs.map((paragraph) => paragraph.text).at(-1)).toBe('人好事登上道德讲堂,讲述身边的道德故事,道德讲堂成为党员教育的课堂。');
    expect(cases[1].paragraphs).toHaveLength(1);
  });

  test('a single article: one case without a header, its first short lines the title and the rest its body', () => {
    const article = '党建引领 文化聚力\n\n推动百年医院高质量发展\n\n黑龙江省医院在建党百年之际开展党史学习教育。';
    const { cases, unassigned } = split(article);
    expect(cases.map((draft) => [draft.header, draft.title, draft.headerLines.length, draft.paragraphs.map((paragraph) => paragraph.text)])).toEqual([
      [null, '党建引领 文化聚力 推动百年医院高质量发展', 2, ['黑龙江省医院在建党百年之际开展党史学习教育。']],
    ]);
    expect(unassigned).toEqual([]);
  });

  test('nothing left of the text: no case', () => {
    expect(splitCases({ ...identityText(''), removed: [] })).toEqual({ cases: [], unassigned: [] });
  });
});
