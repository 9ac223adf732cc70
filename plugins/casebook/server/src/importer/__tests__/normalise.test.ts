import { normalise } from '../normalise';
import { identityText } from '../tracked-text';

const run = (text: string) => {
  const result = normalise(identityText(text));
  return { ...result, origin: (index: number) => result.offsets[index] };
};

describe('normalise', () => {
  test('removes inline pinyin and simplifies traditional characters, keeping offsets into the original', () => {
    const original = '重慶市人民醫(yī)院黨(dǎng)委推進(jìn)“兩學(xué)一做”學(xué)習(xí)教育常態(tài)化制度化的工作，成效明顯。';
    const { text, origin } = run(original);
    expect(text).toBe('重庆市人民医院党委推进“两学一做”学习教育常态化制度化的工作,成效明显。');
    const at = text.indexOf('党委');
    expect(original.slice(origin(at), origin(at + 1) + 1)).toBe('黨(dǎng)委');
  });

  test('leaves simplified text and real parentheses alone', () => {
    const { text } = run('医院以DRG(按疾病诊断相关组付费)改革为抓手，推行PDCA(计划-执行-检查-处理)循环管理。');
    expect(text).toBe('医院以DRG(按疾病诊断相关组付费)改革为抓手,推行PDCA(计划-执行-检查-处理)循环管理。');
  });

  test('makes full-width forms half-width', () => {
    expect(run('党员占比：７０％，共１２名（含预备党员）。').text).toBe('党员占比:70%,共12名(含预备党员)。');
  });

  test.each([
    ['navigation', '设为首页 | 加入收藏\n\n正文第一段，医院开展了活动。'],
    ['navigation', '您所在的位置是:首页 >> 医院党建 >> 正文\n\n正文第一段，医院开展了活动。'],
    ['counter', '作者:某某网 字号:() () 阅读量:86623\n\n正文第一段，医院开展了活动。'],
    ['button', '正文第一段，医院开展了活动。\n\n给我点赞'],
    ['spam', '国产_亚洲_久久_波多_在线_不卡\n\n正文第一段，医院开展了活动。'],
    ['footer', '正文第一段，医院开展了活动。\n\n主办单位:某某报社 热线电话:010-12345678'],
    ['navigation', '您的位置: 首页 医院新闻 正文\n\n正文第一段，医院开展了活动。'],
    ['meta', '发布时间:2024-03-05 作者:某某医院\n\n正文第一段，医院开展了活动。'],
    ['meta', '来源:【某某医院】\n\n正文第一段，医院开展了活动。'],
    ['meta', '提交医院:某某市某某医院\n\n正文第一段，医院开展了活动。'],
    ['meta', '2024/03/05 10:21 来源:某某网\n\n正文第一段，医院开展了活动。'],
    ['meta', '2024年3月5日 星期二\n\n正文第一段，医院开展了活动。'],
    ['counter', '阅读:2.3万\n\n正文第一段，医院开展了活动。'],
    ['byline', '张小明,李华,王大伟,赵丽\n\n正文第一段，医院开展了活动。'],
    ['footer', '某某市委主管主办 国内统一刊号:CN00-0000\n\n正文第一段，医院开展了活动。'],
    ['button', '正文第一段，医院开展了活动。\n\n开通会员，阅读全文'],
    ['button', '正文第一段，医院开展了活动。\n\n剩余80%未读，打开APP阅读'],
    ['footer', '正文第一段，医院开展了活动。\n\n免责声明:本文仅代表作者观点,如有侵权请联系删除。'],
    ['button', '【文章共1155字,仅供学习借鉴】\n\n正文第一段，医院开展了活动。'],
    ['navigation', '首页 新闻中心 医院新闻\n\n正文第一段，医院开展了活动。'],
  ])('drops %s', (kind, input) => {
    const { text, removed } = run(input);
    expect(text).toBe('正文第一段,医院开展了活动。');
    expect(removed.map((segment) => segment.kind)).toContain(kind);
  });

  test('keeps a body sentence that speaks of reading in full: only a short prompt is a paywall', () => {
    const sentence = '医院党委组织党员阅读全文并交流心得体会,形成学习笔记80余篇。';
    expect(run(sentence).text).toBe(sentence);
  });

  test.each([['党建引领,服务惠民'], ['守初心、担使命、找差距、抓落实'], ['学党史,悟思想,办实事,开新局']])(
    'keeps the slogan headline %p, which reads like a list of names but is no byline',
    (headline) => {
      expect(run(`${headline}\n\n正文第一段，医院开展了活动。`).text).toBe(`${headline}\n\n正文第一段,医院开展了活动。`);
    },
  );

  test('drops a related-articles tail and everything after it', () => {
    const { text, removed } = run('正文第一段，医院开展了活动。\n\n正文第二段，党员参加志愿服务。\n\n猜你喜欢\n另一篇文章\n又一篇文章');
    expect(text).toBe('正文第一段,医院开展了活动。\n\n正文第二段,党员参加志愿服务。');
    expect(removed.filter((segment) => segment.kind === 'related')).toHaveLength(3);
  });

  test('drops photo captions inside a broken sentence, keeps sub-headings and hospital headers', () => {
    const input = [
      '医院将所有党员、入党积极分子、干部、先进团员、青年等全部纳入',
      '党校培训现场',
      '演讲比赛颁奖',
      '培训,以创新的方式,用七大抓手确保医院党校高效运行,取得了明显成效。',
      '党校如何办',
      '一抓组织建设,规范运行模式。',
    ].join('\n\n');
    const { text, removed } = run(input);
    expect(removed.filter((segment) => segment.kind === 'caption').map((segment) => segment.text)).toEqual(['党校培训现场', '演讲比赛颁奖']);
    expect(text).toContain('党校如何办');
  });
});
