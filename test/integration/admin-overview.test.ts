import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

const ADMIN = { CASEBOOK_ADMIN_EMAIL: 'overview@example.com', CASEBOOK_ADMIN_PASSWORD: 'Overview2024' };

let casebook: Casebook;
let world: Showcase;

beforeAll(async () => {
  casebook = await bootCasebook({ env: { ...ADMIN, CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  world = await seedShowcase(casebook.strapi);
  const engagement = casebook.strapi.plugin('casebook').service('engagement');
  for (const voter of ['a', 'b']) await engagement.vote(world.published.case.documentId, { voter: `overview-${voter}`, address: '198.51.100.3' });
  await engagement.vote(world.edited.case.documentId, { voter: 'overview-c', address: '198.51.100.3' });
  await engagement.recordView(world.edited.case.documentId, { voter: 'overview-d', address: '198.51.100.3' });
  // Marked reviewed by an editor (the review queue sets who and when).
  await casebook.strapi.db.query('api::case.case').updateMany({ where: { documentId: world.published.case.documentId }, data: { reviewedAt: new Date() } });
});

afterAll(async () => {
  await casebook?.stop();
});

describe('the admin overview (案例库)', () => {
  test('needs an admin session', async () => {
    await casebook.http().get('/casebook/overview').expect(401);
  });

  test('counts the collection, drafts included: per province, theme, hospital category, month; votes, reads, metric labels, review progress', async () => {
    const login = await casebook.http().post('/admin/login').send({ email: ADMIN.CASEBOOK_ADMIN_EMAIL, password: ADMIN.CASEBOOK_ADMIN_PASSWORD }).expect(200);
    const response = await casebook.http().get('/casebook/overview').set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    // The fixture's sources have no date: a case counts in the month it was created.
    const month = new Date().toISOString().slice(0, 7);
    expect(response.body.data).toEqual({
      cases: { total: 3, published: 2, unpublished: 1 },
      hospitals: 1,
      initiatives: 3,
      metrics: 3,
      sourceDocuments: 0,
      casesByProvince: [{ province: 'sichuan', cases: 3 }],
      casesByTheme: [{ theme: '党校', cases: 3 }],
      casesByCategory: [{ category: 'general', cases: 3 }],
      casesByMonth: [{ month, cases: 3 }],
      // Published cases only, by the public ranking's order; the published title, not the pending draft's.
      mostVoted: [
        { documentId: world.published.case.documentId, title: '构建医院党校 提升实干能力', votes: 2, views: 0 },
        { documentId: world.edited.case.documentId, title: '已发布后修改的案例', votes: 1, views: 1 },
      ],
      mostRead: [{ documentId: world.edited.case.documentId, title: '已发布后修改的案例', votes: 1, views: 1 }],
      metricLabels: expect.arrayContaining([
        { label: '党校培训', unit: '次', count: 1, total: 15 },
        { label: '草稿指标', unit: '次', count: 1, total: 15 },
        { label: '修改案例的指标', unit: '次', count: 1, total: 15 },
      ]),
      review: { reviewed: 1, unreviewed: 2 },
    });
    expect(response.body.data.metricLabels).toHaveLength(3);
  });
});
