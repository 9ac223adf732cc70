/**
 * Where the hospitals of national institutions and universities are, when their names say no place or only a
 * province: the institution's seat, as a city of the GB/T 2260 list (regions.ts resolves it and refuses a name it
 * does not know). A name starting with one of these is in that city unless the rest of the name names another
 * place (北京大学深圳医院, 复旦大学附属中山医院厦门医院); the longest entry a name starts with wins, so a hospital
 * of an institution that is elsewhere than its seat is listed by its own name.
 *
 * Public knowledge about institutions, not strings of any one document. Universities whose names start with
 * their city (南京医科大学, 北京协和医学院) need no entry: the name says it. Universities with hospitals in
 * several cities under names that do not say which (山东第一医科大学, 江苏大学) are left out: the province their
 * name starts with is all that is sure.
 */
export const INSTITUTION_SEATS: Readonly<Record<string, string>> = {
  // National institutions in Beijing, and the hospitals directly under the National Health Commission (委属委管)
  // whose names carry no place.
  中国医学科学院: '北京',
  中国医学科学院血液病医院: '天津',
  中国医学科学院血液学研究所: '天津',
  中国医学科学院皮肤病医院: '南京',
  中国中医科学院: '北京',
  中日友好医院: '北京',
  中国人民解放军总医院: '北京',
  解放军总医院: '北京',
  中国康复研究中心: '北京',
  应急总医院: '北京',
  民航总医院: '北京',
  航天中心医院: '北京',
  首都医科大学: '北京',
  首都儿科研究所: '北京',
  清华大学: '北京',
  北京大学滨海医院: '天津',
  // Universities whose hospitals sit in their city (the province the name starts with gives no city).
  复旦大学: '上海',
  同济大学: '上海',
  海军军医大学: '上海',
  第二军医大学: '上海',
  空军军医大学: '西安',
  第四军医大学: '西安',
  陆军军医大学: '重庆',
  第三军医大学: '重庆',
  中山大学: '广州',
  中山大学附属第五医院: '珠海',
  中山大学附属第七医院: '深圳',
  中山大学附属第八医院: '深圳',
  暨南大学: '广州',
  南方医科大学: '广州',
  四川大学: '成都',
  // 四川大学华西厦门医院: the place after the brand, read as the end of the institution's name.
  四川大学华西: '成都',
  电子科技大学: '成都',
  西南医科大学: '泸州',
  川北医学院: '南充',
  华中科技大学: '武汉',
  中南大学: '长沙',
  浙江大学: '杭州',
  浙江大学医学院附属第四医院: '义乌',
  东南大学: '南京',
  山东大学: '济南',
  吉林大学: '长春',
  中国医科大学: '沈阳',
  中国科学技术大学: '合肥',
  安徽医科大学: '合肥',
  河北医科大学: '石家庄',
  山西医科大学: '太原',
  福建医科大学: '福州',
  广西医科大学: '南宁',
  贵州医科大学: '贵阳',
  新疆医科大学: '乌鲁木齐',
  内蒙古医科大学: '呼和浩特',
  宁夏医科大学: '银川',
  青海大学: '西宁',
  海南医学院: '海口',
  海南医科大学: '海口',
  浙江中医药大学: '杭州',
  山东中医药大学: '济南',
  河南中医药大学: '郑州',
  湖南中医药大学: '长沙',
  湖北中医药大学: '武汉',
  江西中医药大学: '南昌',
  安徽中医药大学: '合肥',
  福建中医药大学: '福州',
  广西中医药大学: '南宁',
  云南中医药大学: '昆明',
  贵州中医药大学: '贵阳',
  黑龙江中医药大学: '哈尔滨',
  辽宁中医药大学: '沈阳',
  甘肃中医药大学: '兰州',
  河北中医药大学: '石家庄',
};

/**
 * Cities' short names that are also hospitals' names of another origin: 中山 (Sun Yat-sen: 复旦大学附属中山医院 is in
 * Shanghai), 延安 and 岳阳 (昆明市延安医院, 上海中医药大学附属岳阳中西医结合医院), 朝阳 (北京朝阳医院), 安康 (the
 * public-security psychiatric hospitals). In a hospital's name they count as places only in full (中山市).
 */
export const PLACE_NAMESAKES: ReadonlySet<string> = new Set(['中山', '延安', '岳阳', '朝阳', '安康']);
