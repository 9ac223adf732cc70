import { bootCasebook, type Casebook } from '../support/strapi';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { createRole, signInAs } from '../support/admin';

/**
 * Who may do what through the content API (REST /api and /graphql), as a table a reviewer reads at a glance.
 * Principals: anonymous, a read-only API token, a full-access API token. An admin session (no permissions,
 * Author, Editor, Super Admin) is no content-API credential: the last section shows it reads nothing more than
 * anonymous; what admins may do is in admin-permission-matrix.test.ts.
 *
 * Cells: an HTTP status for REST; for GraphQL, 'data' (answered), or the error code.
 * Then a sweep: no public path (list, detail, slug, relations from every type, filters, sorts, search, facets,
 * ranking, counters, fragments and aliases) shows a draft to anonymous, while a token sees them where asked.
 */

type Principal = 'anonymous' | 'readOnly' | 'fullAccess';
const PRINCIPALS: Principal[] = ['anonymous', 'readOnly', 'fullAccess'];

// prettier-ignore
const REST: Array<[string, string, string, Record<Principal, number>]> = [
  // method, path (CASE, DRAFT, HOSPITAL, … are the seeded documentIds), what it does,  anonymous / read-only / full-access
  ['GET',    '/api/cases',                        'list published cases',            { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/cases/{case}',                   'read a published case',           { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/cases/{draft}',                  'read a never-published case',     { anonymous: 404, readOnly: 404, fullAccess: 404 }],
  ['GET',    '/api/cases?status=draft',           'list drafts',                     { anonymous: 403, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/cases/{draft}?status=draft',     'read a draft',                    { anonymous: 403, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/cases?publicationFilter=modified', 'list cases with pending edits', { anonymous: 403, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/hospitals',                    'list hospitals',                  { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/hospitals/{hospital}',           'read a hospital',                 { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/initiatives',                  'list initiatives',                { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/initiatives/{initiative}',       'read an initiative',              { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/metrics',                      'list metrics',                    { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/metrics/{metric}',               'read a metric',                   { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/themes',                       'list themes',                     { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/themes/{theme}',                 'read a theme',                    { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/campaigns',                    'list campaigns',                  { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/campaigns/{campaign}',           'read a campaign',                 { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/source-documents',             'read import provenance',          { anonymous: 404, readOnly: 404, fullAccess: 404 }],
  ['POST',   '/api/cases',                        'create a case',                   { anonymous: 403, readOnly: 403, fullAccess: 201 }],
  ['PUT',    '/api/cases/{case}',                   'edit a case',                     { anonymous: 403, readOnly: 403, fullAccess: 200 }],
  ['DELETE', '/api/themes/{spare_theme}',           'delete a theme',                  { anonymous: 403, readOnly: 403, fullAccess: 204 }],
  ['POST',   '/api/hospitals',                    'create a hospital',               { anonymous: 403, readOnly: 403, fullAccess: 201 }],
  ['POST',   '/api/metrics',                      'create a metric',                 { anonymous: 403, readOnly: 403, fullAccess: 201 }],
  ['POST',   '/api/casebook/cases/{case}/votes',    'vote for a published case',       { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['POST',   '/api/casebook/cases/{draft}/votes',   'vote for a draft',                { anonymous: 404, readOnly: 404, fullAccess: 404 }],
  ['POST',   '/api/casebook/cases/{case}/views',    'count a read',                    { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/casebook/counters?documentIds={case}', 'read votes and views',       { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/casebook/ranking',             'read the ranking',                { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/casebook/health',              'readiness for a load balancer',   { anonymous: 200, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/users',                        'list users',                      { anonymous: 403, readOnly: 200, fullAccess: 200 }],
  ['GET',    '/api/users-permissions/roles',      'list end-user roles',             { anonymous: 403, readOnly: 200, fullAccess: 200 }],
  ['POST',   '/api/auth/local/register',          'register an end user',            { anonymous: 403, readOnly: 403, fullAccess: 200 }],
  ['GET',    '/api/upload/files',                 'list uploaded files',             { anonymous: 403, readOnly: 200, fullAccess: 200 }],
];

type Outcome = 'data' | 'FORBIDDEN' | 'STRAPI_NOT_FOUND_ERROR';

// prettier-ignore
const GRAPHQL: Array<[string, string, Record<Principal, Outcome>]> = [
  // operation, what it does,                                          anonymous / read-only / full-access
  ['{ cases { title } }',                                                  { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ cases(status: DRAFT) { title } }',                                   { anonymous: 'FORBIDDEN', readOnly: 'data', fullAccess: 'data' }],
  ['{ case(documentId: "{case}") { title } }',                               { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ cases_connection { pageInfo { total } } }',                          { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ hospitals { name cases { title } } }',                               { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ initiatives { name metrics { label } } }',                           { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ metrics { label case { title } } }',                                 { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ themes { name } campaigns { name } }',                               { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseList { nodes { title } } }',                                     { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseSearch(query: "案例") { nodes { case { title } } } }',             { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseFacets { total } }',                                             { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseDetail(documentId: "{case}") { title votes views } }',             { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseDetail(documentId: "{draft}") { title } }',                        { anonymous: 'STRAPI_NOT_FOUND_ERROR', readOnly: 'STRAPI_NOT_FOUND_ERROR', fullAccess: 'STRAPI_NOT_FOUND_ERROR' }],
  ['{ hospitalList { nodes { name publishedCaseCount } } }',               { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ hospitalDetail(documentId: "{hospital}") { name } }',                  { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseRanking { title votes } }',                                      { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseCounters(documentIds: ["{case}"]) { votes views } }',            { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ caseDetail(documentId: "{case}") { cover { url } seo { title } } }',   { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ labels { provinces { key label } voteRefusals { key label } } }',      { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['{ uploadFiles { url } }',                                              { anonymous: 'FORBIDDEN', readOnly: 'data', fullAccess: 'data' }],
  ['mutation { voteCase(documentId: "{case}", voter: "{voter}") { counted } }', { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['mutation { recordCaseView(documentId: "{case}") { counted } }',          { anonymous: 'data', readOnly: 'data', fullAccess: 'data' }],
  ['mutation { updateCase(documentId: "{case}", data: { summary: "改" }) { documentId } }', { anonymous: 'FORBIDDEN', readOnly: 'FORBIDDEN', fullAccess: 'data' }],
  ['mutation { createTheme(data: { name: "新主题" }) { documentId } }',      { anonymous: 'FORBIDDEN', readOnly: 'FORBIDDEN', fullAccess: 'data' }],
  ['mutation { deleteCampaign(documentId: "{spare_campaign}") { documentId } }', { anonymous: 'FORBIDDEN', readOnly: 'FORBIDDEN', fullAccess: 'data' }],
];

/** Text that exists only in drafts (seedShowcase). */
const DRAFT_ONLY = ['草稿案例', '未发布的新标题', '未发布的新摘要', '草稿举措', '草稿指标'];

let casebook: Casebook;
let world: Showcase;
let ids: Record<string, string>;
const headers: Record<Principal, Record<string, string>> = { anonymous: {}, readOnly: {}, fullAccess: {} };

beforeAll(async () => {
  casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  world = await seedShowcase(casebook.strapi);
  const spareTheme = await casebook.strapi.documents('api::theme.theme').create({ data: { name: '备用主题' } });
  const spareCampaign = await casebook.strapi.documents('api::campaign.campaign').create({ data: { name: '备用活动', stage: 'voting' } });
  const draft = await casebook.strapi.documents('api::case.case').findOne({ documentId: world.draft.case.documentId });
  ids = {
    spare_theme: spareTheme.documentId,
    spare_campaign: spareCampaign.documentId,
    case: world.published.case.documentId,
    draft: world.draft.case.documentId,
    edited: world.edited.case.documentId,
    hospital: world.hospital.documentId,
    initiative: world.published.initiative.documentId,
    metric: world.published.metric.documentId,
    theme: world.theme.documentId,
    campaign: world.campaign.documentId,
    slug: String(draft!.slug),
  };
  const tokens = casebook.strapi.service('admin::api-token');
  for (const [principal, type] of [['readOnly', 'read-only'], ['fullAccess', 'full-access']] as const) {
    const token = await tokens.create({ name: principal, type, lifespan: null, description: '' });
    headers[principal] = { Authorization: `Bearer ${token.accessKey}` };
  }
});

afterAll(async () => {
  await casebook?.stop();
});

/** The table's {case}, {draft} … placeholders filled with the seeded documentIds. */
const withIds = (text: string) => text.replace(/\{(\w+)\}/g, (placeholder, name: string) => ids[name] ?? placeholder);

const bodyFor = (path: string, principal: Principal) => {
  if (path.endsWith('/votes') || path.endsWith('/views')) return { voter: `matrix-${principal}` };
  if (path === '/api/cases') return { data: { title: `矩阵案例 ${principal}` } };
  if (path === '/api/hospitals') return { data: { name: `矩阵医院 ${principal}` } };
  if (path === '/api/metrics') return { data: { label: '矩阵指标', value: 1, qualifier: 'exact', kind: 'count' } };
  if (path.startsWith('/api/cases/')) return { data: { summary: `由${principal}修改` } };
  if (path === '/api/auth/local/register') return { username: principal, email: `${principal}@example.com`, password: 'Passw0rd!' };
  return undefined;
};

describe('REST', () => {
  const rows = REST.flatMap(([method, path, what, expected]) => PRINCIPALS.map((principal) => [method, path, what, principal, expected[principal]] as const));

  test.each(rows)('%s %s (%s) as %s: %d', async (method, path, _what, principal, status) => {
    const call = casebook.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](withIds(path)).set(headers[principal]);
    const body = bodyFor(path, principal);
    const response = await (body ? call.send(body) : call);
    expect(response.status).toBe(status);
  });
});

describe('GraphQL', () => {
  const rows = GRAPHQL.flatMap(([operation, expected]) => PRINCIPALS.map((principal) => [operation, principal, expected[principal]] as const));

  test.each(rows)('%s as %s: %s', async (operation, principal, outcome) => {
    const { data, errors } = await casebook.graphql(withIds(operation).replace('VOTER', `matrix-${principal}`), {}, headers[principal]);
    if (outcome === 'data') {
      expect(errors).toBeUndefined();
      expect(data).toBeTruthy();
    } else {
      expect(errors?.[0]?.extensions?.code).toBe(outcome);
    }
  });
});

describe('no public path shows a draft', () => {
  // prettier-ignore
  const paths: Array<[string, string]> = [
    ['REST list',                    '/api/cases?populate=*'],
    ['REST detail of a pending edit', '/api/cases/{edited}?populate=*'],
    ['REST slug filter',             '/api/cases?filters[slug][$containsi]=cao'],
    ['REST hospital → cases',        '/api/hospitals?populate[cases][populate]=*'],
    ['REST theme → cases',           '/api/themes?populate=*'],
    ['REST campaign → cases',        '/api/campaigns?populate[cases][populate]=*'],
    ['REST initiative → case',       '/api/initiatives?populate=*'],
    ['REST metric → case, initiative', '/api/metrics?populate=*'],
    ['REST hospital → cases filtered', '/api/hospitals?populate[cases][filters][title][$notNull]=true'],
    ['REST counters',                '/api/casebook/counters?documentIds={draft},{edited}'],
    ['REST ranking',                 '/api/casebook/ranking?limit=100'],
  ];

  test.each(paths)('%s: %s', async (_name, path) => {
    const response = await casebook.http().get(withIds(path).replace('EDITED', world.edited.case.documentId));
    expect(response.status).toBe(200);
    for (const secret of DRAFT_ONLY) expect(response.text).not.toContain(secret);
  });

  // prettier-ignore
  const operations: Array<[string, string]> = [
    ['list',              '{ cases { title summary body initiatives { name } metrics { label } } }'],
    ['detail by slug',    '{ caseDetail(slug: "{slug}") { title } }'],
    ['caseList',          '{ caseList(pageSize: 100) { nodes { title summary hospital { cases { title summary } } } } }'],
    ['search',            '{ a: caseSearch(query: "草稿") { nodes { case { title } snippet { text } } } b: caseSearch(query: "未发布") { nodes { case { title } } } }'],
    ['facets',            '{ caseFacets(filter: { search: "草稿" }) { total themes { label count } } }'],
    ['ranking',           '{ caseRanking(limit: 100) { title summary } }'],
    ['seo and covers',    '{ cases { seo { title description } cover { url alternativeText } } caseList(pageSize: 100) { nodes { seo { title description } seoTitle seoDescription } } }'],
    ['hospitals',         '{ hospitals { cases { title summary initiatives { name } } } hospitalList { nodes { publishedCaseCount cases { title } } } }'],
    ['themes, campaigns', '{ themes { cases { title } } campaigns { cases { title summary } } }'],
    ['parts',             '{ initiatives { name case { title summary } metrics { label } } metrics { label case { title } initiative { name } } }'],
    ['aliases',           '{ a: cases { title } b: cases(filters: { title: { contains: "草稿" } }) { title } c: hospitals(filters: { cases: { title: { contains: "草稿" } } }) { name } }'],
    ['connections',       '{ hospitals { cases_connection(filters: { hospital: { cases: { title: { contains: "草稿" } } } }) { nodes { title summary } } } hospitalList { nodes { cases_connection { nodes { title } } } } initiatives { metrics_connection { nodes { label } } } }'],
    ['fragments',         '{ hospitals { ...withCases } } fragment withCases on Hospital { cases(filters: { title: { contains: "草稿" } }) { ... on Case { title summary } } }'],
  ];

  test.each(operations)('GraphQL %s', async (_name, operation) => {
    const response = await casebook.graphql(withIds(operation));
    const text = JSON.stringify(response);
    for (const secret of DRAFT_ONLY) expect(text).not.toContain(secret);
  });

  test('the search counts drafts in no facet', async () => {
    const { data } = await casebook.graphql<any>('{ caseFacets(filter: { search: "草稿" }) { total } }');
    expect(data.caseFacets.total).toBe(0);
  });

  test('a read-only token previews the drafts', async () => {
    const { data, errors } = await casebook.graphql<any>('{ cases(status: DRAFT) { title } }', {}, headers.readOnly);
    expect(errors).toBeUndefined();
    expect(JSON.stringify(data)).toContain('草稿案例');
  });
});

describe('an admin session is no content-API credential', () => {
  const roles = ['no permissions', 'strapi-author', 'strapi-editor', 'strapi-super-admin'] as const;

  test.each(roles)('%s: its session token opens nothing of the content API (401), drafts least of all', async (role) => {
    const admin = await signInAs(casebook, role === 'no permissions' ? await createRole(casebook) : role);
    const auth = { Authorization: `Bearer ${admin.token}` };
    const drafts = await casebook.http().get('/api/cases?status=draft').set(auth);
    expect(drafts.status).toBe(401);
    for (const secret of DRAFT_ONLY) expect(drafts.text).not.toContain(secret);
    await casebook.http().post('/api/themes').set(auth).send({ data: { name: '管理员主题' } }).expect(401);
    const graphql = await casebook.graphql('{ cases(status: DRAFT) { title } }', {}, auth);
    expect(graphql.data?.cases ?? null).toBeNull();
    for (const secret of DRAFT_ONLY) expect(JSON.stringify(graphql)).not.toContain(secret);
  });
});
