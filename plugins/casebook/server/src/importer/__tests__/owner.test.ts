import { normalise } from '../normalise';
import { ownedDrafts } from '../owner';
import { splitCases } from '../split';
import { identityText } from '../tracked-text';

/** The hospital of each case the owner stage keeps, for a document's text. */
const owners = (text: string) => {
  const normalised = normalise(identityText(text));
  return ownedDrafts(splitCases(normalised), normalised.removed).map((draft) => draft.hospital ?? `(${[draft.owner.hint, draft.owner.candidates.join('、')].filter(Boolean).join(': ')})`);
};

describe('ownedDrafts', () => {
  test.each([
    [
      'a page of headers: each case the hospital its header names, whatever its body names',
      ['天津市第一中心医院', '党员先锋岗 服务零距离', '河北省儿童医院专家来院交流,河北省儿童医院党委书记作报告。', '河北省儿童医院', '小小白衣天使进校园', '医院党支部走进社区小学开展健康宣讲。'],
      ['天津市第一中心医院', '河北省儿童医院'],
    ],
    [
      'an article: the hospital that opens its sentences, not the partner it names after 与 and 邀请 more often',
      ['携手共建 党建联盟', '黑龙江省医院与四川省人民医院签订协议,并邀请四川省人民医院专家授课,与四川省人民医院共建学科。', '黑龙江省医院党委表示将深化合作。'],
      ['黑龙江省医院'],
    ],
    [
      'an article: a short form (市人民医院) counts for the full name it ends with',
      ['党建引领发展', '四川省人民医院专家来院讲学。', '重庆市人民医院开展主题党日活动。', '市人民医院党委组织义诊。', '市人民医院还开展了志愿服务。'],
      ['重庆市人民医院'],
    ],
    ['an article whose text says only 我院: the hospital the page footer names', ['我院党委开展主题党日活动10余次,党员参与率达95%。', '主办单位:成都市第一人民医院'], ['成都市第一人民医院']],
    ['an article that names no hospital anywhere: a case whose owner waits for the editor, with the words the page uses', ['我院党委开展主题党日活动10余次。'], ['(我院)']],
    [
      'an article that says 我院 and names hospitals only as partners: the hint, and the partners as candidates',
      ['我院与浏阳市人民医院开展党建共建。', '邀请浏阳市人民医院专家授课。'],
      ['(我院: 浏阳市人民医院)'],
    ],
    ['an article that names its owner by a short form only: that form as the hint', ['市二院党委开展主题党日活动。', '我院党员参与率达95%。'], ['(市二院)']],
    ['an anonymised paper: the anonymised name as the hint', ['摘要:以x市x医院为例,探讨党建品牌建设。'], ['(x市x医院)']],
    [
      'a private hospital no place name starts: the name that leads clauses twice',
      ['义诊进村 服务百姓', '听说村里来了城南康宁医院的专家。城南康宁医院党支部组织专家送医下乡。', '每年,城南康宁医院都会开展义诊活动。'],
      ['城南康宁医院'],
    ],
    ['a case record: the submitting hospital its field names, over any hospital its text names more', ['提交医院:宜昌市中心医院', '我院与武汉协和医院共建。武汉协和医院专家授课。'], ['宜昌市中心医院']],
    [
      'a paper: the first hospital of its affiliation line, the one with the postcode',
      ['推进支部建设的实践', '(南昌大学附属眼科医院/江西省眼科医院,江西 南昌 330006)', '江西省眼科医院药剂党支部共有党员20名。江西省眼科医院党委表示支持。'],
      ['南昌大学附属眼科医院'],
    ],
    [
      'an article whose page labels its author: that hospital, over the partners its opening sentences name',
      ['联学共建 携手同行', '作者:湖北省妇幼保健院', '湖北省人民医院党委、武汉市中心医院党委与我院党支部开展联学共建。', '武汉市中心医院专家作专题党课。'],
      ['湖北省妇幼保健院'],
    ],
  ])('%s', (_, paragraphs, expected) => {
    expect(owners(paragraphs.join('\n\n'))).toEqual(expected);
  });
});
