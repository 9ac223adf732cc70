import fs from 'node:fs';
import path from 'node:path';
import { signInAs, type AdminPrincipal } from '../support/admin';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

/** What the Content Manager shows editors around the content itself: labels, statuses, the favicon, preview. */
let casebook: Casebook;
let editor: AdminPrincipal;

beforeAll(async () => {
  casebook = await bootCasebook();
  editor = await signInAs(casebook, 'strapi-editor');
});

afterAll(async () => {
  await casebook?.stop();
});

type Configuration = { metadatas: Record<string, { edit: { label: string } }> };
type ConfigurationResponse = { data: { contentType: Configuration; components: Record<string, Configuration> } };

/** The content types editors open in the Content Manager, and the fields Strapi adds to each (not editable, not shown in the edit view). */
const CONTENT_TYPES = ['api::case.case', 'api::hospital.hospital', 'api::initiative.initiative', 'api::metric.metric', 'api::theme.theme', 'api::campaign.campaign', 'plugin::casebook.source-document'];
const STRAPI_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const CHINESE = /[\u4e00-\u9fff]/;

describe("the Content Manager's edit and list views", () => {
  test.each(CONTENT_TYPES)('label every field of %s and of its components in Chinese', async (uid) => {
    const { body } = (await editor.get(`/content-manager/content-types/${uid}/configuration`).expect(200)) as { body: ConfigurationResponse };
    const configurations = [body.data.contentType, ...Object.values(body.data.components)];
    const english = configurations.flatMap(({ metadatas }) =>
      Object.entries(metadatas)
        .filter(([field]) => !STRAPI_FIELDS.has(field))
        .filter(([, metadata]) => !CHINESE.test(metadata.edit.label))
        .map(([field, metadata]) => `${field}: ${metadata.edit.label}`),
    );
    expect(english).toEqual([]);
  });

  test("label the source's sub-fields (publication, column, issue, date, url, readCount) and a person's", async () => {
    const { body } = (await editor.get('/content-manager/content-types/api::case.case/configuration').expect(200)) as { body: ConfigurationResponse };
    const labels = (uid: string) => Object.fromEntries(Object.entries(body.data.components[uid]!.metadatas).map(([field, metadata]) => [field, metadata.edit.label]));
    expect(labels('casebook.source')).toMatchObject({ publication: '刊物或网站', column: '栏目', issue: '期号', date: '发表日期', url: '原文链接', readCount: '阅读数' });
    expect(labels('casebook.person')).toMatchObject({ name: '姓名', role: '职务', unit: '单位' });
  });

  test("show a case's cover and SEO fields in its edit view, with Chinese labels and hints that say what they are for", async () => {
    const { body } = (await editor.get('/content-manager/content-types/api::case.case/configuration').expect(200)) as {
      body: { data: { contentType: { layouts: { edit: Array<Array<{ name: string }>> }; metadatas: Record<string, { edit: { label: string; description?: string } }> } } };
    };
    const { layouts, metadatas } = body.data.contentType;
    expect(layouts.edit.flat().map(({ name }) => name)).toEqual(expect.arrayContaining(['cover', 'seoTitle', 'seoDescription']));
    expect(metadatas.cover!.edit).toMatchObject({ label: '封面图', description: expect.stringMatching(/不接受 SVG/) });
    expect(metadatas.seoTitle!.edit).toMatchObject({ label: '搜索标题 (SEO)', description: expect.stringMatching(/留空则用案例标题/) });
    expect(metadatas.seoDescription!.edit).toMatchObject({ label: '搜索描述 (SEO)', description: expect.stringMatching(/留空则用摘要/) });
  });

  test("show a source document's import status as stored, apart from Strapi's draft/published status", async () => {
    const text = fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'documents', 'hospital-site-page.txt'));
    await casebook.strapi.plugin('casebook').service('importer').importDocument('status-check.txt', text, {});
    const list = await editor.get('/content-manager/collection-types/plugin::casebook.source-document?filters[filename][$eq]=status-check.txt').expect(200);
    expect(list.body.results).toHaveLength(1);
    // The attribute Strapi's `status` hid: the list drew it as "Published", the edit view as an empty required field.
    expect(list.body.results[0]).toMatchObject({ importStatus: 'imported', status: 'published' });
    const { body } = (await editor.get('/content-manager/content-types/plugin::casebook.source-document/configuration').expect(200)) as {
      body: ConfigurationResponse & { data: { contentType: { layouts: { list: string[] } } } };
    };
    expect(body.data.contentType.layouts.list).toContain('importStatus');
    expect(body.data.contentType.layouts.list).not.toContain('status');
  });

  test('offer no "Set up preview": preview is configured off, so the preview URL answers 204', async () => {
    const created = await editor.post('/content-manager/collection-types/api::theme.theme', { name: '预览检查' }).expect(201);
    await editor.get(`/content-manager/preview/url/api::theme.theme?documentId=${created.body.data.documentId}&status=draft`).expect(204);
  });
});

describe('/favicon.ico', () => {
  test('answers an icon (it was a 500 on every page)', async () => {
    const response = await casebook.http().get('/favicon.ico').expect(200);
    expect(response.headers['content-type']).toMatch(/^image\//);
  });
});
