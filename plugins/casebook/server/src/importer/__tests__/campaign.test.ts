import { campaignOf } from '../campaign';
import { extractDocument } from '../pipeline';
import type { ExtractedSource, RemovedSegment } from '../types';

/** A page of a case call on a made-up newspaper's site: breadcrumb naming the call, date line, vote button, organiser footer. */
const PAGE = [
  '首页 >> 专题活动 >> 2025年医院文化建设优秀案例评选',
  '发布时间:2025-09-12 来源:全民健康报 浏览次数:1203',
  '',
  '“红色网格”织密基层服务网',
  '',
  '山东省济宁市第一人民医院党委以党建网格为抓手,将全院划分为36个网格,党员包片联系科室,全年解决职工群众急难愁盼问题210余件。',
  '',
  '医院把网格化管理延伸到社区,组建12支党员志愿服务队,开展义诊活动80余场。',
  '',
  '我要投票',
  '主办单位:全民健康报社',
].join('\n');

const SOURCE: ExtractedSource = { publication: '某某卫生网', column: null, issue: null, date: '2023-04-01', url: null, readCount: null };
const segment = (kind: RemovedSegment['kind'], text: string): RemovedSegment => ({ kind, text, start: 0, end: text.length });

describe("a campaign's page", () => {
  test('a vote page of a case call: its name (with its year), organiser, year and stage come from the page chrome', () => {
    const { document } = extractDocument(Buffer.from(PAGE));
    expect(document.campaign).toEqual({ name: '2025年医院文化建设优秀案例评选', organiser: '全民健康报', year: 2025, stage: 'voting' });
    expect(document.cases.map((found) => found.hospital)).toEqual(['山东省济宁市第一人民医院']);
  });

  test('a name without a year takes the page date\'s; without 主办单位 the organiser is the publication', () => {
    expect(campaignOf([segment('navigation', '基层党建创新案例展示 首页 > 投票中心'), segment('button', '给我点赞')], SOURCE)).toEqual({
      name: '2023年基层党建创新案例展示',
      organiser: '某某卫生网',
      year: 2023,
      stage: 'voting',
    });
  });

  test('the stage is the furthest the page shows: results published, a vote closed, judging, a call', () => {
    const stageOf = (line: string) => campaignOf([segment('navigation', `首页 > 2024年护理服务典型案例征集 > ${line}`)], SOURCE)?.stage;
    expect(stageOf('评选结果公示')).toBe('showcase');
    expect(stageOf('投票已结束')).toBe('closed');
    expect(stageOf('专家评审')).toBe('reviewing');
    expect(stageOf('在线报名')).toBe('collecting');
  });

  test("no campaign: a newspaper's regular showcase column, a call named only in the body or a caption, a page without chrome", () => {
    expect(campaignOf([segment('footer', '卫生健康系统 基层党建案例展示 主办单位:《健康报》社')], SOURCE)).toBeNull();
    expect(campaignOf([segment('caption', '“党建引领——党建创新案例征集启动会”现场')], SOURCE)).toBeNull();
    expect(campaignOf([], SOURCE)).toBeNull();
    const report = extractDocument(Buffer.from('某某医院\n\n深化党建引领\n\n会上,“卫生健康行业党建创新案例征集活动”正式启动,共收到案例200余个。'));
    expect(report.document.campaign).toBeNull();
  });
});
