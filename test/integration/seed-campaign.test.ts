import { signInAs } from '../support/admin';
import { SEED_FILES } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

/**
 * Issue 16, items 5 and 6: `npm start` seeds the five seed documents; the showcase page among them is a page of a
 * campaign, which the import creates with that page's case in it, so the voting centre has a campaign from the
 * start. The dashboard's numbers on that database agree with the database.
 */
let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook();
  await casebook.strapi.plugin('casebook').service('importer').seedIfEmpty(SEED_FILES);
});

afterAll(async () => {
  await casebook?.stop();
});

describe('the seeded database', () => {
  test("has one campaign, the showcase page's, with that page's case in it, in the stage the page shows", async () => {
    const campaigns = await casebook.strapi.db.query('api::campaign.campaign').findMany({ select: ['name', 'organiser', 'year', 'stage'], populate: { cases: { select: ['title', 'publishedAt'] } } });
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns as Array<{ name: string; organiser: string; year: number; stage: string; cases: Array<{ title: string; publishedAt: string | null }> }>;
    expect(campaign).toEqual(expect.objectContaining({ name: '2022年卫生健康党建创新案例展示', organiser: '中国卫生健康网', year: 2022, stage: 'voting' }));
    // Its draft and its published row (the seed publishes its cases).
    expect(campaign!.cases.map((found) => found.title)).toEqual(['党建引领 文化聚力 推动百年医院高质量发展', '党建引领 文化聚力 推动百年医院高质量发展']);
    expect(campaign!.cases.filter((found) => found.publishedAt !== null)).toHaveLength(1);
  });

  test('the voting centre lists it and ranks its published case', async () => {
    const editor = await signInAs(casebook, 'strapi-editor');
    const campaigns = await editor.get('/casebook/campaigns').expect(200);
    expect(campaigns.body.data).toEqual([expect.objectContaining({ name: '2022年卫生健康党建创新案例展示', stage: 'voting' })]);
    const ranking = await editor.get(`/casebook/campaigns/${campaigns.body.data[0].documentId}/ranking`).expect(200);
    expect(ranking.body.data.map((row: { title: string; hospital: string }) => [row.title, row.hospital])).toEqual([['党建引领 文化聚力 推动百年医院高质量发展', '黑龙江省医院']]);
  });

  test("a second import of the page's campaign reuses it", async () => {
    const importer = casebook.strapi.plugin('casebook').service('importer');
    const showcasePage = SEED_FILES.find((file) => file.includes('004_'))!;
    const fs = await import('node:fs');
    const text = fs.readFileSync(showcasePage, 'utf8').replace('黑龙江省医院是由', '黑龙江省医院(另一版本)是由');
    const report = await importer.importDocument('showcase-again.txt', Buffer.from(text), {});
    expect(report.campaign).toEqual(expect.objectContaining({ name: '2022年卫生健康党建创新案例展示', created: false }));
    expect(await casebook.strapi.db.query('api::campaign.campaign').count()).toBe(1);
  });

  test("the dashboard's numbers agree with the database", async () => {
    const editor = await signInAs(casebook, 'strapi-editor');
    const { data } = (await editor.get('/casebook/overview').expect(200)).body;
    const total = data.cases.total;
    const sum = (rows: Array<{ cases: number }>) => rows.reduce((all, row) => all + row.cases, 0);
    expect(sum(data.casesByProvince)).toBe(total);
    expect(sum(data.casesByCategory)).toBe(total);
    expect(sum(data.casesByMonth)).toBe(total);
    expect(data.review).toEqual({ reviewed: 0, unreviewed: total });
    expect(data.casesByProvince).toEqual(expect.arrayContaining([{ province: 'heilongjiang', cases: expect.any(Number) }]));
    // The showcase page's source date.
    expect(data.casesByMonth).toEqual(expect.arrayContaining([{ month: '2022-07', cases: expect.any(Number) }]));
    const metrics = await casebook.strapi.db.query('api::metric.metric').count();
    expect(data.metricLabels.length).toBeGreaterThan(0);
    expect(data.metricLabels.reduce((all: number, row: { count: number }) => all + row.count, 0)).toBeLessThanOrEqual(metrics);
    expect(data.mostVoted).toEqual([]);
  });
});
