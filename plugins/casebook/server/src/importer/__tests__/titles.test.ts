import { findHospitalNames } from '../hospitals';
import { normalise } from '../normalise';
import { ownedDrafts } from '../owner';
import { sourceOf as readSource } from '../source';
import { splitCases } from '../split';
import { identityText } from '../tracked-text';
import type { RemovedSegment } from '../types';

/** Each case's hospital (from its header, when it has one), title and the rule that found the title. */
const cases = (lines: string[]) =>
  splitCases(normalise(identityText(lines.join('\n\n')))).cases.map((draft) => [draft.header?.hospital ?? null, draft.title, draft.titleConfidence.rule]);

describe('the title of a single-article document', () => {
  test.each([
    [
      'an award notice names the case in 《》 after its hospital: that title, not the notice’s first words',
      ['日前,市直机关工委通报表彰优秀案例,滨江市中心医院党委 《“三心”工作法 推动支部建设提质》荣获优秀案例。', '本次共征集案例40个。'],
      '“三心”工作法 推动支部建设提质',
      'named-title',
    ],
    [
      'a periodical in 《》 is no case title: the headline stays',
      ['支部共建 服务群众', '近日,《健康之友》周刊上线仪式在滨江市中心医院举行。'],
      '支部共建 服务群众',
      'headline',
    ],
    [
      'a shared file’s banner gives its name; the extension goes',
      ['《公立医院以文化建设引领党建品牌的探索.docx》由会员分享,可在线阅读,更多相关请在文档站上搜索。', '1、公立医院以文化建设引领党建品牌的探索。医院党委坚持……'],
      '公立医院以文化建设引领党建品牌的探索',
      'named-title',
    ],
    [
      'a site’s column line and breadcrumb before the headline are chrome',
      ['支部动态', '首页 新闻中心 医院新闻', '滨江市中心医院举行“初心讲堂”主题党日活动', '发布时间:2025-11-26 浏览数:1792', '11月24日下午,医院举行主题党日活动。'],
      '滨江市中心医院举行“初心讲堂”主题党日活动',
      'headline',
    ],
    [
      'a headline that only tells the news while the lead names the programme: the programme',
      ['城南街道与泸州市第一人民医院签约', '联建聚合力 服务零距离', '签约仪式现场。', '4月24日,城南街道与泸州市第一人民医院联合举行“邻里一家”党建共建结对签约仪式,推动医疗资源下沉社区。'],
      '“邻里一家”党建共建',
      'lead-programme',
    ],
    [
      'a headline that names the programme itself stays',
      ['泸州市第一人民医院“邻里一家”党建共建启动', '4月24日,医院联合街道举行“邻里一家”党建共建结对签约仪式。'],
      '泸州市第一人民医院“邻里一家”党建共建启动',
      'headline',
    ],
    [
      'a story without a headline: the event its lead reports, past the purpose clause and the date',
      ['为深入学习贯彻全会精神,进一步提升党建工作水平。', '11月12日下午,党委工作部组织支部书记一行10人前往兄弟医院外科第三党支部交流学习。', '双方就支部建设进行了交流。'],
      '前往兄弟医院外科第三党支部交流学习',
      'lead-event',
    ],
    [
      'a story without a headline whose lead founds a programme named in quotes: that name',
      ['为推进党建工作向基层延伸,滨江市中心医院党委与山前县人民医院党总支联合成立了首个“党建医联体工作站”。5月6日下午,揭牌仪式举行。'],
      '“党建医联体工作站”',
      'lead-event',
    ],
    [
      'a PDF copy whose page marker is glued to a label-led first line: the label',
      ['第1页共3页医院党组织建设:我院是一所专科医院,现有党员23名。'],
      '医院党组织建设',
      'lead-label',
    ],
    [
      'an abstract whose only title is in English',
      ['Exploring the integration of party building and medical services in public hospitals through branch brands', '目的 探索公立医院党建与业务融合的路径。'],
      'Exploring the integration of party building and medical services in public hospitals through branch brands',
      'headline',
    ],
  ])('%s', (_, lines, title, rule) => {
    expect(cases(lines)[0]).toEqual([null, title, rule]);
  });
});

describe('page metadata into the case’s source fields', () => {
  const sourceOf = (lines: string[]) => {
    const normalised = normalise(identityText(lines.join('\n\n')));
    const [draft] = splitCases(normalised).cases;
    return { column: draft!.column ?? null, title: draft!.title, ...pick(normalised.removed) };
  };
  const pick = (removed: RemovedSegment[]) => {
    const source = readSource(removed, '');
    return { sourceColumn: source.column, date: source.date, readCount: source.readCount };
  };

  test.each([
    [
      'a hospital site: the breadcrumb’s last crumb, the date and the view counter',
      ['首页 新闻中心 医院新闻', '医院举行“初心讲堂”主题党日活动', '发布时间:2025-11-26 浏览数:1792', '11月24日下午,医院举行主题党日活动,全院党员参加。'],
      { column: null, title: '医院举行“初心讲堂”主题党日活动', sourceColumn: '医院新闻', date: '2025-11-26', readCount: 1792 },
    ],
    [
      'a content farm’s counter in 万',
      ['支部联建促发展', '阅读:1.4万', '1月20日,医院党委举行支部联建启动仪式,全院党员参加。'],
      { column: null, title: '支部联建促发展', sourceColumn: null, date: null, readCount: 14000 },
    ],
    [
      'an e-paper’s page line and its date in 年月日',
      ['第A03版 党建', 'A03 党建 2022年04月07日 星期四', '小阵地大作用 卫生院打造特色党建阵地', '卫生院规范化打造党员活动室,形成宣传文化阵地格局。'],
      { column: null, title: '小阵地大作用 卫生院打造特色党建阵地', sourceColumn: '党建', date: '2022-04-07', readCount: null },
    ],
    [
      'a WeChat series’ name in brackets before the headline: the column, out of the title',
      ['「支部风采」第三党支部“双融合”工作法', '第三党支部现有党员21人,坚持把党建工作和业务工作相融合。'],
      { column: '支部风采', title: '第三党支部“双融合”工作法', sourceColumn: null, date: null, readCount: null },
    ],
  ])('%s', (_, lines, expected) => {
    expect(sourceOf(lines)).toEqual(expected);
  });
});

describe('an e-paper page with an index of its articles', () => {
  test('each indexed headline naming a hospital is a case known by its headline; the page’s own article is one case', () => {
    const page = [
      ['·市卫健系统青年党员先锋队深入社区开展志愿服务', '·警示教育筑防线 泸州市第一人民医院开展主题参观学习', '·富顺县中医医院党委召开全面从严治党工作会议', '·“一廊一苑”小阵地 这家卫生院打造党建阵地'].join('\n'),
      '“一廊一苑”小阵地 这家卫生院打造党建阵地',
      '滨江市城南镇中心卫生院规范化打造党员活动室,形成“一廊一苑”的宣传文化阵地格局。',
    ];
    expect(cases(page)).toEqual([
      [null, '“一廊一苑”小阵地 这家卫生院打造党建阵地', 'headline'],
      ['泸州市第一人民医院', '警示教育筑防线 泸州市第一人民医院开展主题参观学习', 'page-index'],
      ['富顺县中医医院', '富顺县中医医院党委召开全面从严治党工作会议', 'page-index'],
    ]);
  });
});

describe('an experience material that lists each hospital’s brand in one sentence', () => {
  test('each brand is a case, its owner the hospital as the list writes it, for the editor to settle; the introduction is the document’s', () => {
    const normalised = normalise(
      identityText(
        [
          '三举措打造公立医院党建品牌经验材料',
          '近年来,县卫健局党组创设“白衣天使心向党”党建工作总载体,人民医院党支部探索形成“党建+质量,建放心医院;+人才,建品牌医院”的“党建领航▪五院建设”党建工作模式;中医医院党支部形成“赛学习比红心,做忠诚爱党人”的“党徽闪耀”党建工作思路;泸州市第一人民医院党委打造“强基引领”党建品牌。',
        ].join('\n\n'),
      ),
    );
    const split = splitCases(normalised);
    const owned = ownedDrafts(split, normalised.removed);
    expect(owned.map((draft) => [draft.title, draft.hospital, draft.owner.hint, draft.found])).toEqual([
      ['党建领航▪五院建设', null, '人民医院', 'brandList'],
      ['党徽闪耀', null, '中医医院', 'brandList'],
      ['强基引领', '泸州市第一人民医院', null, 'brandList'],
    ]);
    expect(split.unassigned.map((paragraph) => paragraph.text)).toEqual(['三举措打造公立医院党建品牌经验材料', '近年来,县卫健局党组创设“白衣天使心向党”党建工作总载体,']);
  });

  test('an article whose hospital and a partner each have a brand, in sentences rather than a list, stays one case', () => {
    const article = [
      '共建共享 携手前行',
      '医院党委打造“红色引擎”党建品牌,全院党员参与。泸州市中医医院党支部与我院共建“携手同行”党建工作模式,双方定期交流。',
    ].join('\n\n');
    // One case, named by the brand its lead gives it.
    expect(cases(article.split('\n\n'))).toEqual([[null, '“红色引擎”党建品牌', 'lead-programme']]);
  });
});

describe('hospital names with their real boundaries', () => {
  test.each([
    ['a name with 和 inside it (太和, 协和) is one name', '提交医院:十堰市太和医院', ['十堰市太和医院']],
    ['和 between two places joins two names: no name of either', '四川省和重庆市医院', []],
    ['a town with 和 in its name is inside the name', '资阳市雁江区保和镇中心卫生院规范打造党员活动室', ['资阳市雁江区保和镇中心卫生院']],
    ['a county’s short name at the tail of a word (便民惠民) starts no name', '+服务,建便民惠民医院;+文化,建红色基因医院', []],
    ['a county’s short name after a word that ends the text before a name starts one', '我院与富顺医院开展共建', ['富顺医院']],
    ['丨 separates a column from the name', '对话健康中国丨北京大学肿瘤医院党委书记', ['北京大学肿瘤医院']],
    ['a county-level city starts a name (浏阳市, 都江堰市), not only its 市', '浏阳市人民医院与都江堰市人民医院结对', ['浏阳市人民医院', '都江堰市人民医院']],
    ['an authority’s description before a name is no name, and the name after it stays', '国家卫健委直属医院中日友好医院', ['中日友好医院']],
    ['a grade and 首家 describe a hospital, they name none', '作为中国西部首家三甲医院', []],
    ['a ranking of a kind of hospital is no hospital', '中国地级市医院竞争力排行榜', []],
    ['a county that values its public hospitals is no hospital', '近年来,县高度重视公立医院党的建设', []],
  ])('%s', (_, text, names) => {
    expect(findHospitalNames(text).map((match) => match.name)).toEqual(names);
  });
});
