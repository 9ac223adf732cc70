import { CAMPAIGN_STAGE, HOSPITAL_CATEGORY, HOSPITAL_LEVEL, METRIC_KIND, METRIC_QUALIFIER, PROVINCE, SNIPPET_FIELD, VOTE_REFUSAL } from '../../plugins/casebook/server/src/closed-sets';
import { apiToken, signInAs, type Principal } from '../support/admin';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { imageOf, upload } from '../support/images';
import { bootCasebook, type Casebook } from '../support/strapi';

/** What the showcase asked for beside covers (issue 17): SEO fields, the labels of closed sets, and unknown references named as such. */

let casebook: Casebook;
let world: Showcase;
let editor: Principal;
let token: Principal;

beforeAll(async () => {
  casebook = await bootCasebook();
  world = await seedShowcase(casebook.strapi);
  editor = await signInAs(casebook, 'strapi-editor');
  token = await apiToken(casebook, 'full-access');
});

afterAll(async () => {
  if (casebook) {
    for (const file of await casebook.strapi.db.query('plugin::upload.file').findMany()) await casebook.strapi.plugin('upload').service('upload').remove(file);
  }
  await casebook?.stop();
});

const cases = () => casebook.strapi.documents('api::case.case');

type Seo = { title: string; description: string | null };

describe('Case.seo', () => {
  const seoOf = async (documentId: string) => {
    const { data, errors } = await casebook.graphql<{ caseDetail: { seo: Seo } }>(`{ caseDetail(documentId: "${documentId}") { seo { title description } } }`);
    expect(errors).toBeUndefined();
    return data!.caseDetail.seo;
  };

  test("answers the editor's SEO title and description", async () => {
    const { documentId } = await cases().create({ data: { title: '有搜索字段的案例', summary: '摘要', seoTitle: '医院党校建设', seoDescription: '某医院以党校为抓手提升实干能力。' } });
    await cases().publish({ documentId });
    expect(await seoOf(documentId)).toEqual({ title: '医院党校建设', description: '某医院以党校为抓手提升实干能力。' });
  });

  test('without them, the title and the summary on one line, a long summary cut at 160 characters at a sentence end', async () => {
    const summary = `${'第一句讲党校的建设过程'.repeat(11)}。\n第二句${'讲成效'.repeat(20)}。`;
    const { documentId } = await cases().create({ data: { title: '没有搜索字段的案例', summary } });
    await cases().publish({ documentId });
    const seo = await seoOf(documentId);
    expect(seo.title).toBe('没有搜索字段的案例');
    expect(seo.description).toBe(`${'第一句讲党校的建设过程'.repeat(11)}。`);
    expect(Array.from(seo.description!).length).toBeLessThanOrEqual(160);
  });

  test("a published case's unpublished SEO edits are not public, through GraphQL or REST", async () => {
    const documentId = world.edited.case.documentId;
    await cases().update({ documentId, data: { seoTitle: '未发布的搜索标题', seoDescription: '未发布的搜索描述' } });
    const lists = await casebook.graphql('{ caseList { nodes { seo { title description } seoTitle seoDescription } } cases { seo { title } seoTitle } }');
    expect(lists.errors).toBeUndefined();
    const rest = await casebook.http().get('/api/cases?fields[0]=seoTitle&fields[1]=seoDescription').expect(200);
    for (const text of [JSON.stringify(lists.data), rest.text, JSON.stringify(await seoOf(documentId))]) {
      expect(text).not.toContain('未发布的搜索');
    }
    expect((await seoOf(documentId)).title).toBe('已发布后修改的案例');
  });

  test('over their limits (60 and 160 characters), the fields are refused', async () => {
    const documentId = world.draft.case.documentId;
    const path = `/content-manager/collection-types/api::case.case/${documentId}`;
    await editor.put(path, { seoTitle: '题'.repeat(61) }).expect(400);
    await editor.put(path, { seoDescription: '述'.repeat(161) }).expect(400);
    await editor.put(path, { seoTitle: '题'.repeat(60), seoDescription: '述'.repeat(160) }).expect(200);
  });
});

describe('a NUL character (U+0000) in SEO text is a 400 wherever it is written, never a database error', () => {
  const NUL_TEXT = '党校\u0000建设';

  test('the Content Manager (an editor)', async () => {
    const response = await editor.put(`/content-manager/collection-types/api::case.case/${world.draft.case.documentId}`, { seoTitle: NUL_TEXT });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/NUL/);
  });

  test('the REST content API (a full-access token)', async () => {
    const response = await token.put(`/api/cases/${world.draft.case.documentId}?status=draft`, { data: { seoDescription: NUL_TEXT } });
    expect(response.status).toBe(400);
  });

  test('GraphQL (a full-access token), in a variable and in the query text', async () => {
    const headers = { Authorization: `Bearer ${token.token}` };
    const mutation = 'mutation($data: CaseInput!) { updateCase(documentId: "ID", status: DRAFT, data: $data) { seoTitle } }'.replace('ID', world.draft.case.documentId);
    const byVariable = await casebook.graphql(mutation, { data: { seoTitle: NUL_TEXT } }, headers);
    expect(byVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const literal = `mutation { updateCase(documentId: "${world.draft.case.documentId}", status: DRAFT, data: { seoTitle: "党校\\u0000建设" }) { seoTitle } }`;
    expect((await casebook.graphql(literal, undefined, headers)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test("a cover's text, as it is uploaded and edited later in the media library", async () => {
    const image = { content: await imageOf('png', 64, 64), filename: 'nul.png', contentType: 'image/png' };
    expect((await upload(editor, '/upload', { ...image, fileInfo: { alternativeText: NUL_TEXT } })).status).toBe(400);
    const stored = await upload(editor, '/upload', { ...image, fileInfo: { alternativeText: '党校' } }).expect(201);
    const edit = await editor.request('POST', `/upload?id=${stored.body[0].id}`).field('fileInfo', JSON.stringify({ caption: NUL_TEXT }));
    expect(edit.status).toBe(400);
    const kept = await casebook.strapi.db.query('plugin::upload.file').findOne({ where: { id: stored.body[0].id } });
    expect([kept.alternativeText, kept.caption]).toEqual(['党校', null]);
  });

  test('nothing of it was stored, and the server lives on', async () => {
    const stored = await casebook.strapi.db.connection('cases').select('seo_title', 'seo_description');
    expect(JSON.stringify(stored)).not.toContain('\\u0000');
    await casebook.http().get('/_health').expect(204);
  });
});

describe('the labels query', () => {
  const LABELS = `{ labels {
    provinces { key label } hospitalCategories { key label } hospitalLevels { key label } campaignStages { key label }
    metricKinds { key label } metricQualifiers { key label } voteRefusals { key label } snippetFields { key label }
  } }`;

  test.each([
    ['provinces', PROVINCE],
    ['hospitalCategories', HOSPITAL_CATEGORY],
    ['hospitalLevels', HOSPITAL_LEVEL],
    ['campaignStages', CAMPAIGN_STAGE],
    ['metricKinds', METRIC_KIND],
    ['metricQualifiers', METRIC_QUALIFIER],
    ['voteRefusals', VOTE_REFUSAL],
    ['snippetFields', SNIPPET_FIELD],
  ] as const)("answers %s: every key of the closed set, in its order, with its Chinese label", async (field, set) => {
    const { data, errors } = await casebook.graphql<{ labels: Record<string, Array<{ key: string; label: string }>> }>(LABELS);
    expect(errors).toBeUndefined();
    expect(data!.labels[field]).toEqual(set.keys.map((key) => ({ key, label: set.entries[key].zh })));
  });

  test('is a public read a CDN may keep (GET, no token)', async () => {
    const response = await casebook.http().get('/graphql').query({ query: LABELS }).expect(200);
    expect(response.body.data.labels.provinces).toHaveLength(PROVINCE.keys.length);
    expect(response.headers['cache-control']).toMatch(/^public, /);
    expect(response.headers.etag).toBeDefined();
  });
});

describe('a filter naming a hospital, theme or campaign that does not exist', () => {
  const probes = [
    ['caseList', 'theme', '{ caseList(filter: { theme: "dangxiao" }) { pageInfo { total } } }', /没有这个主题 \(no theme with slug or documentId 'dangxiao'; its slug is 'dang-xiao'\)/],
    ['caseSearch', 'theme', '{ caseSearch(query: "党校", filter: { theme: "no-such-theme" }) { pageInfo { total } } }', /没有这个主题 \(no theme with slug or documentId 'no-such-theme'\)/],
    ['caseFacets', 'campaign', '{ caseFacets(filter: { campaign: "2099-zheng-ji" }) { total } }', /没有这个征集活动 \(no campaign with slug or documentId '2099-zheng-ji'\)/],
    ['caseRanking', 'campaign', '{ caseRanking(campaign: "nope") { title } }', /没有这个征集活动/],
    ['caseList', 'hospital', '{ caseList(filter: { hospital: "cheng-du-shi-di-liu" }) { pageInfo { total } } }', /没有这个医院/],
  ] as const;

  test.each(probes)('%s (%s) answers BAD_USER_INPUT that names it, not an empty page', async (_query, key, query, message) => {
    const { data, errors } = await casebook.graphql(query);
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
    expect((errors?.[0]?.extensions?.error as { details?: Record<string, unknown> })?.details?.[key]).toBeDefined();
  });

  test('the slug or documentId of one that exists still filters', async () => {
    const { data, errors } = await casebook.graphql<Record<string, { pageInfo?: { total: number }; total?: number }>>(`{
      bySlug: caseList(filter: { theme: "dang-xiao", campaign: "${world.campaign.documentId}", hospital: "${world.hospital.documentId}" }) { pageInfo { total } }
      byId: caseList(filter: { theme: "${world.theme.documentId}" }) { pageInfo { total } }
      facets: caseFacets(filter: { theme: "dang-xiao" }) { total }
    }`);
    expect(errors).toBeUndefined();
    expect([data!.bySlug!.pageInfo!.total, data!.byId!.pageInfo!.total, data!.facets!.total]).toEqual([2, 2, 2]);
  });

  test('REST: the ranking of an unknown campaign is a 400 that names it', async () => {
    const response = await casebook.http().get('/api/casebook/ranking?campaign=nope');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/没有这个征集活动/);
  });
});
