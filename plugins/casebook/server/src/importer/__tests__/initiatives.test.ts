import { initiativesOf } from '../initiatives';
import { normalise } from '../normalise';
import { identityText } from '../tracked-text';

const names = (...paragraphs: string[]) => initiativesOf(paragraphs).map((initiative) => initiative.name);

describe('initiatives', () => {
  test('are the objects of a set-up verb that end with a measure’s head noun, each of a list', () => {
    expect(names('该院在各病区推行晨会微党课、床旁微讲座,并成立青年突击队,落实包片联系制度。')).toEqual(['晨会微党课', '床旁微讲座', '青年突击队', '包片联系制度']);
  });

  test('leave out what a verb achieves, generic heads, and objects begun before the verb', () => {
    expect(names('通过整改,提升了服务水平,完善各项制度,建立健全的长效机制。')).toEqual([]);
  });

  test('leave out objects that are a generic word or two before a head (党建模式, 特色党建阵地, 各种活动)', () => {
    expect(names('医院创新党建模式,打造特色党建阵地,搭建服务平台,开展各种活动。')).toEqual([]);
  });

  test('drop the words that open an object without naming it (这样一个, 全省首家), and a second verb (创新开展)', () => {
    expect(names('医院成立了这样一个应急领导小组,建立全省首家日间病房试点。')).toEqual(['应急领导小组', '日间病房试点']);
    expect(names('支部创新开展送温暖活动,坚持建立党员联系病区制度。')).toEqual(['送温暖活动', '党员联系病区制度']);
  });

  test('are quoted programmes after a set-up verb, the quotes listed after it, and those closed by 等举措', () => {
    expect(names('院党委先后开展“晨读一刻钟”“红色观影周”、“科室擂台赛”等活动,以及“一科一特色”等举措。')).toEqual([
      '晨读一刻钟',
      '红色观影周',
      '科室擂台赛',
      '一科一特色',
    ]);
  });

  test('are long quotes only with their head noun after them (的 between dropped), and a verb in a book title is none', () => {
    expect(
      names(
        '支部形成“科室有阵地、岗位有先锋、服务有温度”的党建工作模式,提出“把每一位患者当作家人来对待和服务”。',
        '医院研究制定《关于开展主题教育的实施方案》,确定“两项制度和三项措施”,出台“青苗人才”管理办法。',
      ),
    ).toEqual(['“科室有阵地、岗位有先锋、服务有温度”党建工作模式', '“两项制度和三项措施”', '“青苗人才”管理办法']);
  });

  test('are quoted formulas wherever they stand: counts of parts, two counts, sums', () => {
    expect(names('今年院党委围绕“两个三”,各科室对照“四抓一促”,内容聚焦“党建+护理质量”“党建+教学”。')).toEqual([
      '“两个三”',
      '“四抓一促”',
      '“党建+护理质量”',
      '“党建+教学”',
    ]);
  });

  test('name a formula with what follows it: 党建, 建设, or a head noun a few words on', () => {
    expect(names('院党委以“两个三”党建为抓手,以“一科一亮点”建设为切入点,构建“1+2+N”健康服务体系,确立“1、2+N”的工作思路。')).toEqual([
      '“两个三”党建',
      '“一科一亮点”建设',
      '“1+2+N”健康服务体系',
      '“1、2+N”工作思路',
    ]);
  });

  test('leave out quotes that only start with a numeral: a place, a date, a figure, an idiom', () => {
    expect(names('评出“四川好人”,迎来“三八”节,谋划“十四五”,纪念“5.12”,杜绝“两张皮”。')).toEqual([]);
    expect(names('全院党员增强“四个意识”、坚定“四个自信”、做到“两个维护”。')).toEqual([]);
  });

  test('are the parts of a measure listed in its quotes, a sum’s “+…” parts included', () => {
    expect(names('县医院形成“党建+护理,建安心病房;+教学,建一流科室,+帮扶,建放心医院”的工作模式。')).toEqual([
      '党建+护理,建安心病房',
      '+教学,建一流科室',
      '+帮扶,建放心医院',
    ]);
  });

  test('are the parts of a measure listed after its name and a colon, not prose that has commas', () => {
    expect(
      names('支部摸索出“两结合”工作法,即:党建工作和护理工作相结合;党员发展和骨干培养相结合。', '要求如下:早到岗,多巡视;晚交班,勤记录。'),
    ).toEqual(['“两结合”工作法', '党建工作和护理工作相结合', '党员发展和骨干培养相结合']);
  });

  test('are quoted names that end with a measure’s head noun, and the genre’s places and teams', () => {
    expect(names('门诊每天清晨开设“候诊小课堂”,打造“廉洁文化长廊”,成立防汛抗灾领导小组,组建青年志愿者服务团队。')).toEqual([
      '候诊小课堂',
      '廉洁文化长廊',
      '防汛抗灾领导小组',
      '青年志愿者服务团队',
    ]);
  });

  test('keep the few words after a quote that say what is done at an event (合唱活动, 情景党课), never a clause', () => {
    expect(names('支部举办“唱支山歌给党听”合唱活动、“红色家书”情景党课,“初心讲堂”是品牌活动。')).toEqual([
      '“唱支山歌给党听”合唱活动',
      '“红色家书”情景党课',
    ]);
  });

  test('leave out a quote the words after it call a philosophy, a mood, a trait or a title', () => {
    expect(
      names('科室创新提出“两优先”理念,形成“比学赶超”的良好氛围,遵循“专业+”原则,打造“红色动力”推动发展的生动实践,荣获“先进集体”称号。'),
    ).toEqual([]);
  });

  test('read quotes a PDF closes with 〞 (or opens with 〝) as quotes, once the normaliser made them quotes', () => {
    expect(names(normalise(identityText('全院开展“岗位标兵〞评选和〝红旗科室〞创建活动。')).text)).toEqual(['岗位标兵', '“红旗科室”创建活动']);
  });

  test('are the quoted measures a case works through (以…为载体, 为抓手), each of a list, from the last 以', () => {
    expect(names('以提升能力为重点,以推进“零差错”,争创“示范”病区为载体,以科室建设为抓手,开展工作。')).toEqual(['零差错', '争创“示范”病区']);
  });

  test('are the parts of a list its formula counts after a comma, not a list right before a quote or miscounted', () => {
    expect(names('科室以规范化带教、信息化管理、人性化服务,“三化”同步推进。')).toEqual(['“三化”', '规范化带教', '信息化管理', '人性化服务']);
    expect(names('大力开展进社区、进乡村、进学校“三进行动”。', '落实早交班、晚查房,“三项制度”。')).toEqual(['三进行动', '三项制度']);
  });

  test('keep the head noun written right after a quoted name', () => {
    expect(names('各支部实行党员联系群众的“双联”制度,落实“四个一”要求。')).toEqual(['“双联”制度', '“四个一”要求']);
  });

  test('keep the words that say what kind of programme a quoted name is, and no others', () => {
    expect(names('医院精心打造“仁心护佑”党建工作品牌,举办“健康大讲堂”系列活动。“红色引领”是推进专科联盟建设的平台。')).toEqual([
      '“仁心护佑”党建工作品牌',
      '“健康大讲堂”系列活动',
    ]);
  });

  test('are headings: a short line, the first half of a heading pair, a short lead sentence naming a measure', () => {
    expect(
      names(
        '筑牢红色根基',
        '深耕服务沃土,打造温暖就医环境',
        '流程再造“一站办”。门诊设立综合服务窗口,患者在一处即可办好各类手续。',
        '医院高度重视。院领导多次到科室调研,听取一线职工的意见。',
      ),
    ).toEqual(['筑牢红色根基', '深耕服务沃土', '流程再造“一站办”']);
  });

  test('are run-in headings inside a paragraph: a short sentence ending on a quoted word', () => {
    expect(
      names('医院压实三项责任。队伍建设责任突出“强基固本”。每季度深入科室调研一次。医院高度重视。各科室积极响应号召,认真落实。'),
    ).toEqual(['队伍建设责任突出“强基固本”']);
    expect(names('义诊持续了一上午。前来就诊的患者纷纷点赞“真方便”。现场还发放了健康宣传资料。')).toEqual([]);
  });

  test('are never page chrome, an organisation, a timestamp, or a piece cut out of a quotation', () => {
    expect(names('地址:某市某路100号', '2021-07-01 10:30', '市卫生健康局机关第三党支部', '后一站”工作,是与群众联系')).toEqual([]);
  });

  test('are a paper’s numbered sections (1 …, 1.1 …), not the paper’s own parts (引言, …的做法)', () => {
    expect(
      names('0 引言', '1 推行“双岗”工作法的做法', '1.1 明确分工,让党员有目标', '2 党建和业务相融合。党员带头出诊。', '3 体会'),
    ).toEqual(['“双岗”工作法', '明确分工,让党员有目标', '党建和业务相融合']);
  });

  test('are not a report’s own sections (一、基本情况, 二、先锋队的设置, 三、职责), nor a numbered sentence too long for a heading', () => {
    expect(
      names('一、基本情况', '二、工作内涵', '三、先锋队的设置', '四、先锋队职责', '五、组建“红马甲”服务队', '1.各支部在每天上午安排两名党员到候诊人数较多的门诊区域开展导诊服务。'),
    ).toEqual(['组建“红马甲”服务队']);
  });

  test('are never a motto that says what something is (一名党员就是一面旗帜), nor a heading that says how it went or what it follows', () => {
    expect(names('一名党员就是一个标杆', '一个科室就是一个阵地')).toEqual([]);
    expect(names('责任落实到位,筑牢思想防线', '学习效果显著,作风持续改进')).toEqual([]);
    expect(names('二、坚持“科室有支部”的原则', '三、践行以患者为中心的服务理念')).toEqual([]);
  });

  test('may name a hospital inside quotes (“医院先锋岗”创建活动), not outside them', () => {
    expect(names('各支部开展“医院先锋岗”创建活动,着力打造公立医院党建工作品牌。')).toEqual(['“医院先锋岗”创建活动']);
  });

  test('name one measure once, quoted or not', () => {
    expect(names('院党委实施“三化”工作法。', '各支部推行三化工作法。')).toEqual(['“三化”工作法']);
  });

  test('name one measure once, however many rules find it', () => {
    expect(names('医院打造“党建+”模式,完善推动发展的制度。', '医院全面推行“党建+”模式。')).toEqual(['“党建+”模式']);
  });
});
