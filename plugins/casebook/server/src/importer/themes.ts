/** The theme vocabulary editors use, each with words that signal it in a case. */
const THEMES: Array<[string, RegExp]> = [
  ['党校', /党校/],
  ['党史学习教育', /党史学习教育|党史/],
  ['党员教育', /党员教育|教育培训|党课|两学一做|学习教育/],
  ['组织建设', /组织建设|支部建设|支部建在|三会一课|党员活动日|主题党日|标准化|双带头人|战斗堡垒/],
  ['党建业务融合', /党建业务融合|党建与业务|党务业务|党建\+|业务工作深度融合|互融互促|融合发展/],
  ['文化', /文化建设|医院文化|院训|道德讲堂|文化品牌|院史/],
  ['廉洁', /清廉|廉洁|廉政|警示教育|纪检|监督/],
  ['志愿服务', /志愿服务|志愿者|义诊|学雷锋/],
  ['医务社工', /医务社工|社会工作/],
  ['改善医疗服务', /改善医疗服务|就医体验|便民服务|一站式|预约|智慧医院|互联网\+/],
  ['人才培养', /人才培养|人才队伍|人才引进|党管人才|培养骨干/],
  ['精细化管理', /精细化管理|绩效考核|绩效管理|DRG|成本管控/],
  ['典型宣传', /先进典型|典型宣传|榜样|选树/],
  ['党建品牌', /党建品牌|品牌建设|一支部一品牌|支部一品牌/],
  ['新媒体宣传', /公众号|新媒体|微信|融媒体/],
  ['对口帮扶', /对口支援|对口帮扶|帮扶|援藏|援疆/],
];

/** Themes a case speaks to: a theme's words in the title count three times, in the body once; two hits make a theme. */
export const themesOf = (title: string, body: string, limit = 5): string[] =>
  THEMES.map(([theme, pattern]) => {
    const global = new RegExp(pattern.source, 'g');
    return { theme, score: 3 * (title.match(global)?.length ?? 0) + (body.match(global)?.length ?? 0) };
  })
    .filter(({ score }) => score >= 2)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ theme }) => theme);

export const themeOfInitiative = (text: string): string | null => {
  let best: { theme: string; score: number } | null = null;
  for (const [theme, pattern] of THEMES) {
    const score = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { theme, score };
  }
  return best?.theme ?? null;
};
