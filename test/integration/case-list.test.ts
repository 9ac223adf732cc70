import { signInAs, type AdminPrincipal } from '../support/admin';
import { bootCasebook, type Casebook } from '../support/strapi';

// The Content Manager's case list shows each case's province (a field of its hospital) and whether an editor
// has reviewed it (reviewedAt, private): one admin route answers both for the rows on screen.

let casebook: Casebook;
let editor: AdminPrincipal;
const ids: Record<'hunan' | 'sichuan' | 'noHospital', string> = { hunan: '', sichuan: '', noHospital: '' };

beforeAll(async () => {
  casebook = await bootCasebook();
  editor = await signInAs(casebook, 'strapi-editor');
  const documents = casebook.strapi.documents as unknown as (uid: string) => {
    create(params: { data: Record<string, unknown> }): Promise<{ documentId: string }>;
    publish(params: { documentId: string }): Promise<unknown>;
  };
  const hunan = await documents('api::hospital.hospital').create({ data: { name: '湖南省浏阳市人民医院', province: 'hunan' } });
  const sichuan = await documents('api::hospital.hospital').create({ data: { name: '四川大学华西医院', province: 'sichuan' } });
  ids.hunan = (await documents('api::case.case').create({ data: { title: '红色引擎', hospital: hunan.documentId, reviewedAt: '2026-03-01T08:00:00.000Z' } })).documentId;
  ids.sichuan = (await documents('api::case.case').create({ data: { title: '华西党建', hospital: sichuan.documentId } })).documentId;
  await documents('api::case.case').publish({ documentId: ids.sichuan });
  ids.noHospital = (await documents('api::case.case').create({ data: { title: '无主案例' } })).documentId;
});

afterAll(async () => {
  await casebook?.stop();
});

describe('GET /casebook/case-list', () => {
  test("answers each row's province and review time, in the order asked, with null where there is none", async () => {
    const response = await editor.get(`/casebook/case-list?documentIds=${ids.sichuan},${ids.hunan},${ids.noHospital},unknown`).expect(200);
    expect(response.body.data).toEqual([
      { documentId: ids.sichuan, province: 'sichuan', reviewedAt: null },
      { documentId: ids.hunan, province: 'hunan', reviewedAt: '2026-03-01T08:00:00.000Z' },
      { documentId: ids.noHospital, province: null, reviewedAt: null },
      { documentId: 'unknown', province: null, reviewedAt: null },
    ]);
  });

  test('refuses a request without documentIds, or with more than a page of them', async () => {
    await editor.get('/casebook/case-list').expect(400);
    const many = Array.from({ length: 101 }, (_, index) => `id${index}`).join(',');
    await editor.get(`/casebook/case-list?documentIds=${many}`).expect(400);
  });

  test("the Content Manager filters the list by a hospital's province and by review state, as the case list's filter bar asks", async () => {
    const list = async (query: string) =>
      ((await editor.get(`/content-manager/collection-types/api::case.case?${query}`).expect(200)).body.results as Array<{ documentId: string }>).map((row) => row.documentId).sort();
    expect(await list('filters[$and][0][hospital][province][$eq]=hunan')).toEqual([ids.hunan]);
    expect(await list('filters[$and][0][reviewedAt][$notNull]=true')).toEqual([ids.hunan]);
    expect(await list('filters[$and][0][reviewedAt][$null]=true')).toEqual([ids.noHospital, ids.sichuan].sort());
  });
});
