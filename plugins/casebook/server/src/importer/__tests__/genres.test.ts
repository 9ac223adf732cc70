import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../pipeline';

/** Documents written for Casebook in the genres of real submissions, with hospitals, numbers and layouts the seeds do not have. */
const FIXTURES = path.resolve(__dirname, '../../../../../../test/fixtures/documents');
const extract = (file: string) => extractDocument(fs.readFileSync(path.join(FIXTURES, file)));
const figures = (metrics: Array<{ value: number; unit: string | null; qualifier: string }>) => metrics.map((metric) => `${metric.qualifier}:${metric.value}${metric.unit ?? ''}`);

describe('documents in other genres', () => {
  test('a one-case award notice: the case named in 《》, the campaign’s figures the document’s, the winner’s its own', () => {
    const notice = [
      '日前,市直机关工委通报表彰机关党建创新成果优秀案例,泸州市第一人民医院党委 《“三心”工作法 推进支部建设提质增效》荣获优秀案例。据悉,本次征集42个成果案例,经评委评审,10个案例获选优秀案例。',
      '近年来,医院党委探索实施“三心工作法”,全院28个党支部全部达标,党员志愿服务超过3000小时。',
    ].join('\n\n');
    const { document } = extractDocument(Buffer.from(notice));
    expect(document.cases.map((extracted) => [extracted.hospital, extracted.title, extracted.confidence.title.rule])).toEqual([
      ['泸州市第一人民医院', '“三心”工作法 推进支部建设提质增效', 'named-title'],
    ]);
    expect(figures(document.metrics)).toEqual(['exact:42个', 'exact:10个']);
    expect(figures(document.cases[0]!.metrics)).toEqual(['exact:28个', 'more_than:3000小时']);
  });

  test('a hospital site page that says 我院, with a menu, counters and next/previous links', () => {
    const { document, normalised } = extract('hospital-site-page.txt');
    expect(document.cases.map((extracted) => [extracted.hospital, extracted.title])).toEqual([['湖南省浏阳市人民医院', '“红色引擎”点亮县域医疗服务']]);
    expect(figures(document.cases[0].metrics)).toEqual([
      'exact:18个', 'approx:420名', 'exact:33.33%', 'exact:85%', 'more_than:260次', 'more_than:15000人次', 'exact:32个', 'exact:12场', 'exact:1200份', 'exact:6个百分点',
    ]);
    expect(document.cases[0].metrics.at(-1)!.kind).toBe('change');
    for (const chrome of ['首页 | 医院概况', '字号', '浏览次数', '上一篇', '下一篇', '版权所有']) expect(normalised.text).not.toContain(chrome);
    expect(document.cases[0].source.readCount).toBe(1532);
  });

  test('an award notice: campaign figures stay with the document, each winner is a case', () => {
    const { document } = extract('award-notice.txt');
    expect(document.cases.map((extracted) => extracted.hospital)).toEqual(['广东省人民医院', '甘肃省妇幼保健院']);
    expect(figures(document.metrics)).toEqual(['exact:28个', 'more_than:1260个', 'exact:100个']);
    expect(figures(document.cases[0].metrics)).toEqual(['exact:23个', 'exact:56名']);
    expect(document.cases[0].people).toEqual([{ name: '李明', role: '作者' }, { name: '王芳', role: '作者' }]);
    expect(figures(document.cases[1].metrics)).toEqual(['exact:12支', 'exact:58个', 'exact:32000人次', 'exact:15%']);
    expect(document.cases[1].metrics.find((metric) => metric.value === 32000)!.period).toBe('近三年来');
    expect(document.hospitals.map((hospital) => hospital.name)).toEqual(['广东省人民医院', '甘肃省妇幼保健院']);
    expect(document.hospitals[1]).toMatchObject({ province: '甘肃', category: '妇幼' });
  });

  test('a traditional-character mirror with inline pinyin, a BOM and a spam header', () => {
    const { document, decoded } = extract('traditional-mirror.txt');
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(document.cases.map((extracted) => [extracted.hospital, extracted.title])).toEqual([['上海市第一人民医院', '上海市第一人民医院:党建引领智慧医疗']]);
    expect(figures(document.cases[0].metrics)).toEqual(['more_than:80000人次', 'exact:3600小时', 'approx:300名']);
    const [visits] = document.cases[0].metrics;
    expect(decoded.original.slice(visits.start, visits.end)).toContain('線上問(wèn)診超過(guò)8萬人次');
    expect(document.cases[0].people).toContainEqual({ name: '王红', role: '党委书记' });
    expect(document.cases[0].body).not.toContain('相关文章');
  });
});

describe('more genres', () => {
  test('a hospital news page in HTML: menu, breadcrumb, counters and footer stay out; the site title is not the headline', () => {
    const { document, decoded } = extract('hospital-news.html');
    expect(decoded.format).toBe('html');
    const [extracted] = document.cases;
    expect([extracted.hospital, extracted.title]).toEqual(['四川省人民医院', '“一支部一品牌”激活基层党建']);
    expect(figures(extracted.metrics)).toEqual(['exact:76个', 'exact:12个', 'more_than:40场', 'approx:5000人次', 'exact:25%']);
    expect(extracted.metrics.at(-1)!.kind).toBe('change');
    expect(extracted.people).toEqual([{ name: '赵刚', role: '党委书记' }]);
    expect(extracted.source).toMatchObject({ column: '党建园地', date: '2024-05-20', readCount: 2048 });
    for (const chrome of ['首页', '分享到', '版权所有', 'tracker']) expect(extracted.body).not.toContain(chrome);
    // Offsets point into the HTML source.
    const [branches] = extracted.metrics;
    expect(decoded.original.slice(branches.start, branches.end)).toBe(branches.text);
  });

  test('a journal abstract: the hospital in the title, figures from the results', () => {
    const { document } = extract('journal-abstract.txt');
    const [extracted] = document.cases;
    expect(extracted.hospital).toBe('江苏省苏北人民医院');
    expect(figures(extracted.metrics)).toEqual(['exact:42个', 'exact:91.2%', 'exact:96.5%', 'exact:1.3天', 'more_than:60%']);
    expect(extracted.people).toEqual([]);
  });
});
