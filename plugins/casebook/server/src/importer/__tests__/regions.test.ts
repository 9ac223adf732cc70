import { describeHospital } from '../hospitals';
import { locate, provinceKey } from '../regions';

type Place = [province: string | null, city: string | null];

describe('locate: what a hospital name states or implies', () => {
  test.each<[string, string, Place]>([
    ['a province and a city in full', '湖南省浏阳市第二人民医院', ['湖南', '长沙']],
    ['a county: its prefecture', '富顺县第二人民医院', ['四川', '自贡']],
    ['a province alone: no city', '江西省妇幼保健院', ['江西', null]],
    ['a municipality in full: the same as province and city', '上海市第十一人民医院', ['上海', '上海']],
    ['a municipality by its short name', '北京安宁医院', ['北京', '北京']],
    ['a municipality and one of its districts', '天津市北辰区中医医院', ['天津', '天津']],
    ['a county of a municipality: the municipality, not the list’s stand-in 县', '城口县中医院', ['重庆', '重庆']],
    ['a county-level city its province administers directly: itself', '仙桃市中心医院', ['湖北', '仙桃']],
    ['the same in an autonomous region', '石河子市第二人民医院', ['新疆', '石河子']],
    ['a district no other shares, in full', '柳北区妇幼保健院', ['广西', '柳州']],
    ['a district whose name others share: no guess', '鼓楼区人民医院', [null, null]],
    ['a county’s name after the city’s: the city’s hospital named after something else', '十堰市太平医院', ['湖北', '十堰']],
    ['a place’s name inside a word is no place', '平安阳光医院', [null, null]],
  ])('%s: %s', (_case, name, [province, city]) => {
    expect(locate(name)).toEqual({ province, city });
  });

  test.each<[string, string, Place]>([
    ['a national hospital whose name carries no place', '中日友好医院', ['北京', '北京']],
    ['an academy’s hospital', '中国中医科学院西苑医院', ['北京', '北京']],
    ['an academy’s hospital', '中国医学科学院阜外医院', ['北京', '北京']],
    ['an academy’s hospital that is elsewhere than the academy', '中国医学科学院血液病医院', ['天津', '天津']],
    ['a university whose name says its province only', '四川大学华西口腔医院', ['四川', '成都']],
    ['a university whose name says its province only', '浙江大学医学院附属邵逸夫医院', ['浙江', '杭州']],
    ['a university whose name says nothing of its place', '复旦大学附属华山医院', ['上海', '上海']],
    ['a university named after a person, not after the city 中山', '中山大学附属第三医院', ['广东', '广州']],
    ['one of its hospitals in another city, by its own name', '中山大学附属第五医院', ['广东', '珠海']],
    ['a municipality’s university', '首都医科大学附属北京佑安医院', ['北京', '北京']],
  ])('an institution’s seat: %s: %s', (_case, name, [province, city]) => {
    expect(locate(name)).toEqual({ province, city });
  });

  test.each<[string, string, Place]>([
    ['a university’s hospital in another city', '北京大学深圳医院', ['广东', '深圳']],
    ['the same, after 附属', '南京医科大学附属无锡医院', ['江苏', '无锡']],
    ['a hospital’s branch in another province', '复旦大学附属中山医院厦门医院', ['福建', '厦门']],
    ['a branch after a brand', '四川大学华西三亚医院', ['海南', '三亚']],
    ['a branch just before 医院', '华中科技大学协和深圳医院', ['广东', '深圳']],
    ['a branch in another province, named by the province', '中国医学科学院肿瘤医院山西医院', ['山西', null]],
    ['a branch’s city in brackets', '山东大学齐鲁医院（青岛）', ['山东', '青岛']],
    ['a branch named by a county-level city in full', '上海交通大学医学院附属瑞金医院昆山市分院', ['江苏', '苏州']],
    ['a branch in the same province', '浙江大学医学院附属第一医院宁波分院', ['浙江', '宁波']],
  ])('a more specific place in the name wins over the seat: %s: %s', (_case, name, [province, city]) => {
    expect(locate(name)).toEqual({ province, city });
  });

  test.each<[string, string, Place]>([
    ['中山: Sun Yat-sen’s name, not the city’s', '复旦大学附属中山医院', ['上海', '上海']],
    ['中山 alone', '中山医院', [null, null]],
    ['the city 中山 in full', '中山市第二人民医院', ['广东', '中山']],
    ['延安 after a university', '昆明医科大学附属延安医院', ['云南', '昆明']],
    ['朝阳 after a municipality', '首都医科大学附属北京朝阳医院', ['北京', '北京']],
    ['a county’s short name inside a name (瑞金)', '上海交通大学医学院附属瑞金医院', ['上海', '上海']],
    ['a county-level city’s short name inside a name (东方)', '北京中医药大学东方医院', ['北京', '北京']],
    ['a street named after a city', '北京路医院', [null, null]],
    ['a street named after a city, in another city', '昆明市北京路医院', ['云南', '昆明']],
    ['a street with its direction', '南京东路医院', [null, null]],
    ['a gate named after a city', '广安门医院', [null, null]],
    ['a city before its clinic (门诊) is the city', '成都门诊部医院', ['四川', '成都']],
  ])('namesakes, streets and gates are no places: %s: %s', (_case, name, [province, city]) => {
    expect(locate(name)).toEqual({ province, city });
  });
});

describe('locate: a name that says only 市, 县 or 省, by the place its text names', () => {
  test.each<[string, string, string, Place]>([
    ['a district the text names: its city', '市第二人民医院', '5月1日,柳北区某街道与市第二人民医院结对共建。', ['广西', '柳州']],
    ['a city and its county agree', '县中医院', '安康市紫阳县县中医院党支部开展义诊。', ['陕西', '安康']],
    ['two cities: no guess', '市第二人民医院', '成都市与雅安市的医院结对,市第二人民医院牵头。', [null, null]],
    ['a province named besides the city it is not in: no guess', '市第二人民医院', '四川省专家来到柳北区,市第二人民医院接待。', [null, null]],
    ['a province’s hospital: the province', '省人民医院', '江西省卫生健康委员会召开会议,南昌市各医院参加。', ['江西', null]],
    ['a text that names no place in full: none (柳北 is a word as much as a place)', '市第二人民医院', '柳北社区与市第二人民医院结对。', [null, null]],
    ['a two-character county inside a longer name is no mention (湖南县级: not 南县)', '市第二人民医院', '柳北区与湖南县级医院交流,市第二人民医院牵头。', ['广西', '柳州']],
    ['a district of a one-character word is no mention (矿区)', '市第二人民医院', '柳北区一家矿区企业与市第二人民医院结对。', ['广西', '柳州']],
  ])('%s', (_case, name, text, [province, city]) => {
    expect(locate(name, text)).toEqual({ province, city });
  });

  test.each<[string, string, string, Place]>([
    ['a name that states its place', '成都市第六人民医院', '柳北区某街道与成都市第六人民医院结对。', ['四川', '成都']],
    ['a name without 市 or 县: it may be anywhere the text goes', '康宁医院', '浙江省东阳市康宁医院开展义诊。', [null, null]],
  ])('the text is not read for %s', (_case, name, text, [province, city]) => {
    expect(locate(name, text)).toEqual({ province, city });
  });

  test('a case’s owner is placed by its case’s text, a mention by its name alone', () => {
    const body = '柳北区某街道与市第二人民医院结对共建,三级甲等医院专家进社区。';
    expect(describeHospital('市第二人民医院', 'case_owner', body)).toMatchObject({ province: '广西', city: '柳州', level: '三甲' });
    expect(describeHospital('市第二人民医院', 'mentioned')).toMatchObject({ province: null, city: null, level: null });
  });
});

describe('provinceKey', () => {
  test.each([
    ['北京', 'beijing'],
    ['广西壮族自治区', 'guangxi'],
    ['四川省', 'sichuan'],
  ])('%s → %s', (name, key) => {
    expect(provinceKey(name)).toBe(key);
  });
});
