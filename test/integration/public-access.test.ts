import { bootCasebook, type Casebook } from '../support/strapi';
import { seedShowcase, type Showcase } from '../support/fixtures';

const PUBLIC_TYPES = [
  ['cases', 'api::case.case'],
  ['hospitals', 'api::hospital.hospital'],
  ['initiatives', 'api::initiative.initiative'],
  ['metrics', 'api::metric.metric'],
  ['themes', 'api::theme.theme'],
  ['campaigns', 'api::campaign.campaign'],
] as const;

let casebook: Casebook;
let world: Showcase;

beforeAll(async () => {
  casebook = await bootCasebook();
  world = await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
});

const titles = (rows: Array<{ title: string }>) => rows.map((row) => row.title).sort();

describe('the public role', () => {
  test('holds exactly the read permissions of the showcase types, and votes and reads', async () => {
    const role = await casebook.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const actions = (role.permissions as Array<{ action: string }>).map((permission) => permission.action).sort();
    const engagement = ['vote', 'view', 'counters', 'ranking'].map((action) => `plugin::casebook.engagement.${action}`);
    expect(actions).toEqual([...PUBLIC_TYPES.flatMap(([, uid]) => [`${uid}.find`, `${uid}.findOne`]), ...engagement].sort());
  });
});

describe('REST', () => {
  test('lists published cases only, in their published version', async () => {
    const response = await casebook.http().get('/api/cases').expect(200);
    expect(titles(response.body.data)).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
    expect(response.body.meta.pagination.total).toBe(2);
  });

  test('does not find a draft-only case by documentId', async () => {
    await casebook.http().get(`/api/cases/${world.draft.case.documentId}`).expect(404);
    await casebook.http().get(`/api/cases/${world.published.case.documentId}`).expect(200);
  });

  test('refuses status=draft with 403', async () => {
    const response = await casebook.http().get('/api/cases?status=draft').expect(403);
    expect(response.body.error.message).toMatch(/Drafts are not public/);
    await casebook.http().get(`/api/cases/${world.edited.case.documentId}?status=draft`).expect(403);
  });

  test('shows initiatives and metrics of published cases only', async () => {
    const initiatives = await casebook.http().get('/api/initiatives').expect(200);
    expect(initiatives.body.data.map((row: { name: string }) => row.name).sort()).toEqual(['一抓组织建设', '修改案例的举措']);
    expect(initiatives.body.meta.pagination.total).toBe(2);

    const metrics = await casebook.http().get('/api/metrics').expect(200);
    expect(metrics.body.data.map((row: { label: string }) => row.label).sort()).toEqual(['修改案例的指标', '党校培训']);

    await casebook.http().get(`/api/initiatives/${world.draft.initiative.documentId}`).expect(404);
    await casebook.http().get(`/api/metrics/${world.draft.metric.documentId}`).expect(404);
    await casebook.http().get(`/api/metrics/${world.published.metric.documentId}`).expect(200);
  });

  test('cannot reach a draft through a relation', async () => {
    const hospitals = await casebook.http().get('/api/hospitals?populate[cases][populate]=initiatives').expect(200);
    const cases = hospitals.body.data[0].cases as Array<{ title: string; initiatives: Array<{ name: string }> }>;
    expect(titles(cases)).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
    expect(cases.flatMap((row) => row.initiatives.map((initiative) => initiative.name)).sort()).toEqual(['一抓组织建设', '修改案例的举措']);

    const themes = await casebook.http().get('/api/themes?populate=*').expect(200);
    expect(titles(themes.body.data[0].cases)).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
    expect(themes.body.data[0]).not.toHaveProperty('initiatives');

    const initiatives = await casebook.http().get('/api/initiatives?populate=case').expect(200);
    expect(titles(initiatives.body.data.map((row: { case: { title: string } }) => row.case))).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);

    const metrics = await casebook.http().get('/api/metrics?populate[case]=true&populate[initiative]=true').expect(200);
    expect(titles(metrics.body.data.map((row: { case: { title: string } }) => row.case))).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
  });

  test('never shows import provenance', async () => {
    const response = await casebook.http().get('/api/cases?populate=*').expect(200);
    for (const row of response.body.data) expect(row).not.toHaveProperty('sourceDocument');
  });

  test.each(PUBLIC_TYPES)('cannot create, update or delete %s', async (plural) => {
    const existing = (await casebook.http().get(`/api/${plural}`).expect(200)).body.data[0];
    await casebook.http().post(`/api/${plural}`).send({ data: { name: 'x', title: 'x', label: 'x', value: 1 } }).expect(403);
    await casebook.http().put(`/api/${plural}/${existing.documentId}`).send({ data: { name: 'x', title: 'x' } }).expect(403);
    await casebook.http().delete(`/api/${plural}/${existing.documentId}`).expect(403);
  });

  test('cannot read users, roles, uploads or source documents', async () => {
    await casebook.http().get('/api/users').expect(403);
    await casebook.http().get('/api/users-permissions/roles').expect(403);
    await casebook.http().get('/api/upload/files').expect(403);
    await casebook.http().post('/api/auth/local/register').send({ username: 'x', email: 'x@example.com', password: 'Passw0rd!' }).expect(403);
  });

  test('an API token may preview drafts', async () => {
    const token = await casebook.strapi.service('admin::api-token').create({ name: 'preview', type: 'read-only', lifespan: null, description: '' });
    const response = await casebook.http().get('/api/cases?status=draft').set('Authorization', `Bearer ${token.accessKey}`).expect(200);
    expect(titles(response.body.data)).toEqual(['未发布的新标题', '构建医院党校 提升实干能力', '草稿案例 尚未发布']);
  });
});

describe('GraphQL', () => {
  test('lists published cases only, in their published version', async () => {
    const { data, errors } = await casebook.graphql<{ cases: Array<{ title: string; initiatives: Array<{ name: string }> }> }>(
      '{ cases { title initiatives { name } metrics { label } } }',
    );
    expect(errors).toBeUndefined();
    expect(titles(data!.cases)).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
  });

  test('does not find a draft-only case by documentId', async () => {
    const { data } = await casebook.graphql('query ($id: ID!) { case(documentId: $id) { title } }', { id: world.draft.case.documentId });
    expect(data!.case).toBeNull();
  });

  test.each([
    ['a literal', '{ cases(status: DRAFT) { title } }'],
    ['a variable', 'query ($s: PublicationStatus) { cases(status: $s) { title } }'],
    ['a connection', 'query ($s: PublicationStatus) { cases_connection(status: $s) { nodes { title } } }'],
    ['a single case', `query ($s: PublicationStatus, $id: ID!) { case(documentId: $id, status: $s) { title } }`],
  ])('refuses drafts asked for with %s', async (_name, query) => {
    const { data, errors } = await casebook.graphql(query, { s: 'DRAFT', id: world.draft.case.documentId });
    expect(data?.cases ?? data?.cases_connection ?? data?.case ?? null).toBeNull();
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0].message).toMatch(/Drafts are not public/);
  });

  test.each([
    ['a hospital', '{ hospitals { cases(status: DRAFT) { title } } }'],
    ['an initiative', '{ initiatives { case(status: DRAFT) { title } } }'],
  ])('offers no status argument on the cases of %s', async (_name, query) => {
    const { data, errors } = await casebook.graphql(query);
    expect(data ?? null).toBeNull();
    expect(errors?.[0].message).toMatch(/Unknown argument "status"/);
  });

  test('an API token may preview drafts', async () => {
    const token = await casebook.strapi.service('admin::api-token').create({ name: 'graphql-preview', type: 'read-only', lifespan: null, description: '' });
    const { data, errors } = await casebook.graphql<{ cases: Array<{ title: string }> }>('{ cases(status: DRAFT) { title } }', {}, {
      Authorization: `Bearer ${token.accessKey}`,
    });
    expect(errors).toBeUndefined();
    expect(titles(data!.cases)).toEqual(['未发布的新标题', '构建医院党校 提升实干能力', '草稿案例 尚未发布']);
  });

  test('shows initiatives and metrics of published cases only, also through relations', async () => {
    const { data, errors } = await casebook.graphql<any>(`{
      initiatives { name case { title } }
      metrics { label case { title } initiative { name } }
      initiatives_connection { pageInfo { total } }
      hospitals { cases { title } }
      themes { cases { title } }
      campaigns { cases { title } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.initiatives.map((row: { name: string }) => row.name).sort()).toEqual(['一抓组织建设', '修改案例的举措']);
    expect(titles(data.initiatives.map((row: { case: { title: string } }) => row.case))).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
    expect(data.metrics.map((row: { label: string }) => row.label).sort()).toEqual(['修改案例的指标', '党校培训']);
    expect(data.initiatives_connection.pageInfo.total).toBe(2);
    for (const owner of [data.hospitals[0], data.themes[0], data.campaigns[0]]) {
      expect(titles(owner.cases)).toEqual(['已发布后修改的案例', '构建医院党校 提升实干能力']);
    }
  });

  test('does not expose import provenance', async () => {
    const { errors } = await casebook.graphql('{ cases { sourceDocument { filename } } }');
    expect(errors?.[0].message).toMatch(/Cannot query field "sourceDocument"/);
  });

  test.each([
    ['createCase', 'mutation { createCase(data: { title: "x" }) { documentId } }'],
    ['updateCase', `mutation { updateCase(documentId: "ID", data: { title: "x" }) { documentId } }`],
    ['deleteCase', `mutation { deleteCase(documentId: "ID") { documentId } }`],
    ['createHospital', 'mutation { createHospital(data: { name: "x" }) { documentId } }'],
    ['deleteInitiative', `mutation { deleteInitiative(documentId: "ID") { documentId } }`],
    ['updateMetric', `mutation { updateMetric(documentId: "ID", data: { label: "x" }) { documentId } }`],
    ['publishing by update', `mutation { updateCase(documentId: "ID", status: PUBLISHED, data: {}) { documentId } }`],
  ])('refuses %s', async (_name, mutation) => {
    const { errors } = await casebook.graphql(mutation.replace('ID', world.draft.case.documentId));
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stored = await casebook.strapi.documents('api::case.case').findOne({ documentId: world.draft.case.documentId });
    expect(stored?.title).toBe('草稿案例 尚未发布');
  });
});
