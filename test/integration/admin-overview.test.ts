import { seedShowcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

const ADMIN = { CASEBOOK_ADMIN_EMAIL: 'overview@example.com', CASEBOOK_ADMIN_PASSWORD: 'Overview2024' };

let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook({ env: ADMIN });
  await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
});

describe('the admin overview (案例库)', () => {
  test('needs an admin session', async () => {
    await casebook.http().get('/casebook/overview').expect(401);
  });

  test('counts the collection, drafts included, and cases per province', async () => {
    const login = await casebook.http().post('/admin/login').send({ email: ADMIN.CASEBOOK_ADMIN_EMAIL, password: ADMIN.CASEBOOK_ADMIN_PASSWORD }).expect(200);
    const response = await casebook.http().get('/casebook/overview').set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    expect(response.body.data).toEqual({
      cases: { total: 3, published: 2, unpublished: 1 },
      hospitals: 1,
      initiatives: 3,
      metrics: 3,
      sourceDocuments: 0,
      casesByProvince: [{ province: 'sichuan', cases: 3 }],
    });
  });
});
