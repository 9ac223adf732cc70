import { bootCasebook, type Casebook } from '../support/strapi';
import { expectWithinBudget, recordQueries } from '../support/queries';
import { SEED_FILES } from '../support/paths';

/** The query budget of the showcase API: a page, its total, and one query per relation field (here five). */
const QUERY_BUDGET = 8;

const CASE_FIELDS = `documentId title slug hospital { name province city } initiatives(pagination: { limit: 100 }) { name } metrics(pagination: { limit: 100 }) { label value unit } people { name role } source { publication date }`;

let casebook: Casebook;
let draftId: string;

beforeAll(async () => {
  casebook = await bootCasebook();
  await casebook.strapi.plugin('casebook').service('importer').seedIfEmpty(SEED_FILES);
  const hospital = await casebook.strapi.db.query('api::hospital.hospital').findOne({ where: { name: '成都市第六人民医院' } });
  const draft = await casebook.strapi.documents('api::case.case').create({
    data: { title: '党校草稿 尚未发布', summary: '党校', body: '党校草稿正文', hospital: hospital.documentId },
  });
  draftId = draft.documentId;
});

afterAll(async () => {
  await casebook?.stop();
});

const gql = async <T>(query: string, variables?: Record<string, unknown>) => {
  const response = await casebook.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

type CaseRow = { documentId: string; title: string; hospital: { name: string; province: string } | null; initiatives: Array<{ name: string }>; metrics: Array<{ label: string; value: number; unit: string }> };

describe('caseList', () => {
  test('pages through every published case, newest first, with the total', async () => {
    const first = await gql<{ caseList: { nodes: CaseRow[]; pageInfo: { total: number; pageCount: number; page: number; pageSize: number } } }>(
      `{ caseList(pageSize: 10) { nodes { ${CASE_FIELDS} } pageInfo { total page pageSize pageCount } } }`,
    );
    expect(first.caseList.pageInfo).toEqual({ total: 16, page: 1, pageSize: 10, pageCount: 2 });
    expect(first.caseList.nodes).toHaveLength(10);
    const second = await gql<{ caseList: { nodes: CaseRow[] } }>(`{ caseList(pageSize: 10, page: 2) { nodes { documentId title } } }`);
    expect(second.caseList.nodes).toHaveLength(6);
    const all = [...first.caseList.nodes, ...second.caseList.nodes].map((row) => row.documentId);
    expect(new Set(all).size).toBe(16);
    expect(all).not.toContain(draftId);
  });

  test('shows the same relations as Strapi’s REST populate, in the same order', async () => {
    const data = await gql<{ caseList: { nodes: CaseRow[] } }>(`{ caseList(pageSize: 16) { nodes { ${CASE_FIELDS} } } }`);
    for (const row of data.caseList.nodes) {
      const rest = await casebook.http().get(`/api/cases/${row.documentId}?populate[hospital]=true&populate[initiatives]=true&populate[metrics]=true`).expect(200);
      expect(row.hospital?.name).toBe(rest.body.data.hospital?.name);
      expect(row.initiatives.map((item) => item.name)).toEqual(rest.body.data.initiatives.map((item: { name: string }) => item.name));
      expect(row.metrics).toEqual(rest.body.data.metrics.map(({ label, value, unit }: { label: string; value: number; unit: string }) => ({ label, value, unit })));
    }
    expect(data.caseList.nodes.some((row) => row.initiatives.length > 0 && row.metrics.length > 0)).toBe(true);
  });

  test.each([
    ['province', { province: 'sichuan' }, ['以文化建设提升精细化管理水平', '党建引领高质量发展做优“杏林卫士铸党魂”', '加强人才培养 绘好发展蓝图', '构建医院党校 提升实干能力']],
    ['category', { category: 'tcm' }, ['党建引领高质量发展做优“杏林卫士铸党魂”', '深耕党建文化 谋求高质量发展']],
    // 四川大学华西医院 is in Chengdu too: the importer knows where the university sits.
    ['city', { city: '成都' }, ['构建医院党校 提升实干能力', '以文化建设提升精细化管理水平']],
    ['search', { search: '党校' }, ['构建医院党校 提升实干能力', '党建引领高质量发展做优“杏林卫士铸党魂”']],
  ])('filters by %s', async (_name, filter, expected) => {
    const data = await gql<{ caseList: { nodes: CaseRow[] } }>(`query ($filter: CaseQueryFilter) { caseList(filter: $filter) { nodes { title } } }`, { filter });
    expect(data.caseList.nodes.map((row) => row.title).sort()).toEqual([...expected].sort());
  });

  test.each([
    ['a field', '{ caseList(pageSize: 3) { nodes { title body } } }'],
    ['a fragment', '{ caseList(pageSize: 3) { nodes { ...text } } } fragment text on Case { title body }'],
  ])('reads bodies only when asked for, in %s', async (_name, query) => {
    const data = await gql<{ caseList: { nodes: Array<{ body: string | null }> } }>(query);
    expect(data.caseList.nodes.map((row) => typeof row.body)).toEqual(['string', 'string', 'string']);
    const { queries } = await recordQueries(casebook.strapi, () => casebook.graphql('{ caseList(pageSize: 3) { nodes { title } } }'));
    expect(queries.find((sql) => /from .cases_index|from .casebook_case_index/.test(sql) && /limit/.test(sql))).not.toMatch(/c.\.\*|"c"\.\*/);
  });

  test.each([
    ['a field', '{ hospitals { cases { title body } } }'],
    ['a fragment', '{ hospitals { cases { ...text } } } fragment text on Case { title body }'],
  ])('reads the bodies of related cases only when asked for, in %s', async (_name, query) => {
    const caseRows = (queries: string[]) => queries.filter((sql) => /from .cases. as .t./.test(sql));
    const withBody = await recordQueries(casebook.strapi, () => gql<{ hospitals: Array<{ cases: Array<{ body: string | null }> }> }>(query));
    expect(withBody.result.hospitals.flatMap((hospital) => hospital.cases).every((row) => typeof row.body === 'string')).toBe(true);
    expect(caseRows(withBody.queries).join('\n')).toMatch(/.t.\.\*/);
    const without = await recordQueries(casebook.strapi, () => gql('{ hospitals { cases { title } } }'));
    expect(caseRows(without.queries)).toHaveLength(1);
    expect(caseRows(without.queries)[0]).not.toMatch(/.t.\.\*|.body./);
  });

  test('a relation page is cut per parent in SQL', async () => {
    const { result, queries } = await recordQueries(casebook.strapi, () =>
      gql<{ hospitals: Array<{ cases: unknown[] }> }>('{ hospitals(pagination: { limit: 100 }) { cases(pagination: { limit: 1 }) { title } } }'),
    );
    expect(Math.max(...result.hospitals.map((hospital) => hospital.cases.length))).toBe(1);
    expect(queries.find((sql) => /row_number\(\) over \(partition by/.test(sql))).toMatch(/__casebook_rank. <= /);
  });

  test('costs at most the query budget for a page of cases with their relations, whatever the page size', async () => {
    for (const pageSize of [5, 16]) {
      const { queries } = await recordQueries(casebook.strapi, () =>
        casebook.graphql(`{ caseList(pageSize: ${pageSize}) { nodes { ${CASE_FIELDS} } pageInfo { total } } }`),
      );
      expectWithinBudget(queries, QUERY_BUDGET);
    }
  });
});

describe('caseSearch', () => {
  test.each([['党校'], ['黨校'], ['  党校  ']])('finds the Party-school case for %p, with the matched passage', async (query) => {
    const data = await gql<{ caseSearch: { nodes: Array<{ case: { title: string }; score: number; snippet: { text: string; matches: Array<{ start: number; end: number }> } }>; terms: string[] } }>(
      `query ($q: String!) { caseSearch(query: $q) { terms nodes { case { title } score snippet { field text matches { start end } } } } }`,
      { q: query },
    );
    expect(data.caseSearch.terms).toEqual(['党校']);
    expect(data.caseSearch.nodes[0]!.case.title).toBe('构建医院党校 提升实干能力');
    const { text, matches } = data.caseSearch.nodes[0]!.snippet;
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe('党校');
  });

  test('ranks a title match above body mentions, and needs every term', async () => {
    const data = await gql<{ caseSearch: { nodes: Array<{ case: { title: string }; score: number }> } }>(`{ caseSearch(query: "清廉") { nodes { case { title } score } } }`);
    expect(data.caseSearch.nodes[0]!.case.title).toBe('以清廉建设助力高质量发展');
    const scores = data.caseSearch.nodes.map((node) => node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const both = await gql<{ caseSearch: { nodes: unknown[] } }>(`{ caseSearch(query: "清廉 党校") { nodes { score } } }`);
    expect(both.caseSearch.nodes).toHaveLength(0);
  });

  test('never finds a draft', async () => {
    const data = await gql<{ caseSearch: { nodes: Array<{ case: { documentId: string } }> } }>(`{ caseSearch(query: "党校草稿") { nodes { case { documentId } } } }`);
    expect(data.caseSearch.nodes).toEqual([]);
  });

  test('refuses an empty query with a validation error', async () => {
    const response = await casebook.graphql(`{ caseSearch(query: "   ") { terms } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('costs at most the query budget', async () => {
    const { queries } = await recordQueries(casebook.strapi, () => casebook.graphql(`{ caseSearch(query: "党建") { nodes { case { ${CASE_FIELDS} } } pageInfo { total } } }`));
    expectWithinBudget(queries, QUERY_BUDGET);
  });
});

describe('caseDetail', () => {
  test('finds a published case by documentId and by slug, in one batch per relation', async () => {
    const list = await gql<{ caseList: { nodes: Array<{ documentId: string; slug: string }> } }>(`{ caseList(pageSize: 1) { nodes { documentId slug } } }`);
    const { documentId, slug } = list.caseList.nodes[0]!;
    const { result, queries } = await recordQueries(casebook.strapi, () =>
      gql<{ caseDetail: { documentId: string } }>(`query ($id: ID) { caseDetail(documentId: $id) { ${CASE_FIELDS} } }`, { id: documentId }),
    );
    expect(result.caseDetail.documentId).toBe(documentId);
    expectWithinBudget(queries, QUERY_BUDGET);
    const bySlug = await gql<{ caseDetail: { documentId: string } }>(`query ($slug: String) { caseDetail(slug: $slug) { documentId } }`, { slug });
    expect(bySlug.caseDetail.documentId).toBe(documentId);
  });

  test('does not find a draft', async () => {
    const response = await casebook.graphql(`query ($id: ID) { caseDetail(documentId: $id) { title } }`, { id: draftId });
    expect(response.errors?.[0]?.extensions?.error).toMatchObject({ name: 'NotFoundError' });
  });
});

describe('caseFacets', () => {
  test('counts cases per province, category and theme, each under the other filters', async () => {
    const data = await gql<{ caseFacets: { total: number; provinces: Array<{ value: string; label: string; count: number }>; categories: Array<{ value: string; count: number }> } }>(
      `{ caseFacets(filter: { province: sichuan }) { total provinces { value label count } categories { value count } themes { value label count } } }`,
    );
    expect(data.caseFacets.total).toBe(4);
    expect(data.caseFacets.provinces.find((bucket) => bucket.value === 'sichuan')).toEqual({ value: 'sichuan', label: '四川', count: 4 });
    for (const bucket of data.caseFacets.provinces) {
      const list = await gql<{ caseList: { pageInfo: { total: number } } }>(`query ($p: ENUM_HOSPITAL_PROVINCE) { caseList(filter: { province: $p }) { pageInfo { total } } }`, { p: bucket.value });
      expect(list.caseList.pageInfo.total).toBe(bucket.count);
    }
    expect(data.caseFacets.provinces.length).toBeGreaterThan(5);
    for (const bucket of data.caseFacets.categories) {
      const list = await gql<{ caseList: { pageInfo: { total: number } } }>(`query ($c: ENUM_HOSPITAL_CATEGORY) { caseList(filter: { province: sichuan, category: $c }) { pageInfo { total } } }`, { c: bucket.value });
      expect(list.caseList.pageInfo.total).toBe(bucket.count);
    }
  });

  test('every seeded hospital has a province, so the province buckets add up to every published case', async () => {
    const hospitals: Array<{ name: string; province: string | null }> = await casebook.strapi.db.query('api::hospital.hospital').findMany({ select: ['name', 'province'] });
    expect(hospitals).toHaveLength(16);
    expect(hospitals.filter((hospital) => !hospital.province).map((hospital) => hospital.name)).toEqual([]);
    const data = await gql<{ caseFacets: { total: number; provinces: Array<{ value: string; count: number }> } }>(`{ caseFacets { total provinces { value count } } }`);
    expect(data.caseFacets.total).toBe(16);
    expect(data.caseFacets.provinces.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(data.caseFacets.total);
  });
});

describe('hospitalList', () => {
  test('lists hospitals with their published-case counts, drafts not counted', async () => {
    const data = await gql<{ hospitalList: { nodes: Array<{ name: string; publishedCaseCount: number }>; pageInfo: { total: number } } }>(
      `{ hospitalList(pageSize: 100) { nodes { name publishedCaseCount } pageInfo { total } } }`,
    );
    expect(data.hospitalList.pageInfo.total).toBe(16);
    expect(data.hospitalList.nodes.find((row) => row.name === '成都市第六人民医院')!.publishedCaseCount).toBe(1);
    const { slug } = await casebook.strapi.db.query('api::hospital.hospital').findOne({ where: { name: '成都市第六人民医院' } });
    const detail = await gql<{ hospitalDetail: { name: string; publishedCaseCount: number; cases: Array<{ title: string }> } }>(
      `query ($slug: String) { hospitalDetail(slug: $slug) { name publishedCaseCount cases { title } } }`,
      { slug },
    );
    expect(detail.hospitalDetail.publishedCaseCount).toBe(1);
    expect(detail.hospitalDetail.cases.map((row) => row.title)).toEqual(['构建医院党校 提升实干能力']);
  });
});

describe('permissions', () => {
  test('follow the Public role: without case read permission the showcase queries are forbidden', async () => {
    const role = await casebook.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = await casebook.strapi.db.query('plugin::users-permissions.permission').findOne({ where: { role: role.id, action: 'api::case.case.find' } });
    await casebook.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    try {
      const response = await casebook.graphql(`{ caseList { nodes { title } } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await casebook.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::case.case.find', role: role.id } });
    }
  });
});

describe('the search index', () => {
  const search = async (query: string) =>
    (await gql<{ caseSearch: { nodes: Array<{ case: { title: string } }> } }>(`query ($q: String!) { caseSearch(query: $q) { nodes { case { title } } } }`, { q: query })).caseSearch.nodes.map(
      (node) => node.case.title,
    );
  const partySchoolCase = async () => casebook.strapi.db.query('api::case.case').findOne({ where: { title: '构建医院党校 提升实干能力', publishedAt: { $notNull: true } } });

  test('follows unpublish and publish', async () => {
    const { documentId } = await partySchoolCase();
    await casebook.strapi.documents('api::case.case').unpublish({ documentId });
    expect(await search('医院党校')).toEqual([]);
    await casebook.strapi.documents('api::case.case').publish({ documentId });
    expect(await search('医院党校')).toEqual(['构建医院党校 提升实干能力']);
  });

  test('shows the published text while a draft edit waits', async () => {
    const { documentId } = await partySchoolCase();
    await casebook.strapi.documents('api::case.case').update({ documentId, data: { title: '构建医院党校 提升实干能力（修订稿）' } });
    expect(await search('修订稿')).toEqual([]);
    expect(await search('医院党校')).toEqual(['构建医院党校 提升实干能力']);
    await casebook.strapi.documents('api::case.case').discardDraft({ documentId });
  });

  test('indexes a case created as published, and not one created as a draft', async () => {
    await casebook.strapi.documents('api::case.case').create({ data: { title: '直接发布的护理案例' }, status: 'published' });
    await casebook.strapi.documents('api::case.case').create({ data: { title: '仅为草稿的护理案例' } });
    expect(await search('护理案例')).toEqual(['直接发布的护理案例']);
  });

  test('follows an initiative renamed in the admin once its case is published again', async () => {
    const { id, documentId } = await partySchoolCase();
    const initiative = await casebook.strapi.db.query('api::initiative.initiative').findOne({ where: { case: { id } } });
    await casebook.strapi.documents('api::initiative.initiative').update({ documentId: initiative.documentId, data: { name: '青年理论学习小组' } });
    // The rename is a draft: the public index still has the published name.
    expect(await search('青年理论学习小组')).toEqual([]);
    await casebook.strapi.documents('api::case.case').publish({ documentId });
    expect(await search('青年理论学习小组')).toEqual(['构建医院党校 提升实干能力']);
  });

  test('is rebuilt when it no longer matches the published cases', async () => {
    const index = casebook.strapi.plugin('casebook').service('search-index');
    await casebook.strapi.db.connection('casebook_case_index').where('document_id', (await partySchoolCase()).documentId).delete();
    expect(await index.isFresh()).toBe(false);
    expect(await index.rebuild()).toBe(17);
    expect(await index.isFresh()).toBe(true);
    expect(await search('医院党校')).toEqual(['构建医院党校 提升实干能力']);
  });
});

describe('caseCounters', () => {
  test('the votes and reads of published cases, in the order asked, as each case reads them', async () => {
    const { caseList } = await gql<{ caseList: { nodes: Array<{ documentId: string; votes: number; views: number }> } }>(`{ caseList(pageSize: 3) { nodes { documentId votes views } } }`);
    const documentIds = caseList.nodes.map((node) => node.documentId).reverse();
    await casebook.strapi.plugin('casebook').service('engagement').vote(documentIds[0], { voter: 'counters-order', address: '10.0.0.9' });
    const { caseCounters } = await gql<{ caseCounters: Array<{ documentId: string; votes: number; views: number }> }>(
      'query($ids: [ID!]!) { caseCounters(documentIds: $ids) { documentId votes views } }',
      { ids: [...documentIds, documentIds[0]] },
    );
    const now = await gql<{ caseList: { nodes: Array<{ documentId: string; votes: number; views: number }> } }>(`{ caseList(pageSize: 3) { nodes { documentId votes views } } }`);
    const expected = [...documentIds, documentIds[0]!].map((id) => now.caseList.nodes.find((node) => node.documentId === id)!);
    expect(caseCounters).toEqual(expected);
    expect(caseCounters[0]!.votes).toBeGreaterThan(0);
  });

  test('more than a page of documentIds is refused, naming the limit', async () => {
    const response = await casebook.graphql('query($ids: [ID!]!) { caseCounters(documentIds: $ids) { votes } }', { ids: Array.from({ length: 101 }, (_, index) => `id-${index}`) });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/at most 100 documentIds; 101/);
  });
});
