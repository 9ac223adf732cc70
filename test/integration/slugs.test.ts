import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook();
});

afterAll(async () => {
  await casebook?.stop();
});

const cases = () => casebook.strapi.documents('api::case.case');

describe('pinyin slugs', () => {
  test('a new case gets the pinyin of its title', async () => {
    const created = await cases().create({ data: { title: '构建医院党校 提升实干能力' } });
    expect(created.slug).toBe('gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li');
  });

  test('the same title again gets a suffix, and so does the one after', async () => {
    const second = await cases().create({ data: { title: '构建医院党校 提升实干能力' } });
    const third = await cases().create({ data: { title: '构建医院党校　提升实干能力！' } });
    expect(second.slug).toBe('gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li-2');
    expect(third.slug).toBe('gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li-3');
  });

  test('stays stable when the title changes, and through publish, unpublish and republish', async () => {
    const created = await cases().create({ data: { title: '让“三会一课”鲜活起来' } });
    expect(created.slug).toBe('rang-san-hui-yi-ke-xian-huo-qi-lai');
    await cases().update({ documentId: created.documentId, data: { title: '让三会一课更鲜活' } });
    await cases().publish({ documentId: created.documentId });
    await cases().unpublish({ documentId: created.documentId });
    await cases().publish({ documentId: created.documentId });
    const rows = await casebook.strapi.db.query('api::case.case').findMany({ where: { documentId: created.documentId } });
    expect(rows.map((row: { slug: string }) => row.slug)).toEqual(['rang-san-hui-yi-ke-xian-huo-qi-lai', 'rang-san-hui-yi-ke-xian-huo-qi-lai']);
  });

  test('a published case does not collide with its own draft when republished after edits', async () => {
    const created = await cases().create({ data: { title: '为改善医疗服务助力' } });
    await cases().publish({ documentId: created.documentId });
    await cases().update({ documentId: created.documentId, data: { slug: '', summary: '新的摘要' } });
    const draft = await cases().findOne({ documentId: created.documentId, status: 'draft' });
    expect(draft!.slug).toBe('wei-gai-shan-yi-liao-fu-wu-zhu-li');
  });

  test('an explicit slug is kept', async () => {
    const created = await cases().create({ data: { title: '医务社会工作亮点纷呈', slug: 'jiangxi-social-work' } });
    expect(created.slug).toBe('jiangxi-social-work');
  });

  test('hospitals, themes and campaigns get slugs from their names', async () => {
    const hospital = await casebook.strapi.documents('api::hospital.hospital').create({ data: { name: '扬州大学附属医院' } });
    const theme = await casebook.strapi.documents('api::theme.theme').create({ data: { name: '党建业务融合' } });
    const campaign = await casebook.strapi.documents('api::campaign.campaign').create({ data: { name: '第三届医院党建创新案例' } });
    expect([hospital.slug, theme.slug, campaign.slug]).toEqual(['yang-zhou-da-xue-fu-shu-yi-yuan', 'dang-jian-ye-wu-rong-he', 'di-san-jie-yi-yuan-dang-jian-chuang-xin-an-li']);
  });

  test("the Content Manager's slug generator gives the same pinyin slugs, unique", async () => {
    const uid = casebook.strapi.plugin('content-manager').service('uid');
    await expect(uid.generateUIDField({ contentTypeUID: 'api::case.case', field: 'slug', data: { title: '构建医院党校 提升实干能力' } })).resolves.toBe(
      'gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li-4',
    );
    await expect(uid.generateUIDField({ contentTypeUID: 'api::hospital.hospital', field: 'slug', data: { name: '江西省儿童医院' } })).resolves.toBe(
      'jiang-xi-sheng-er-tong-yi-yuan',
    );
  });
});
