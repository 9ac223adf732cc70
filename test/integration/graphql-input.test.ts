import { seedShowcase, type Showcase } from '../support/fixtures';
import { recordQueries } from '../support/queries';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;
let showcase: Showcase;

/** Waits until the database has been idle for 200 ms: Strapi reads each written entry again after its commit, unawaited. */
const settle = async () => {
  let last = Date.now();
  const listen = () => (last = Date.now());
  casebook.strapi.db.connection.on('query', listen);
  while (Date.now() - last < 200) await new Promise((resolve) => setTimeout(resolve, 50));
  casebook.strapi.db.connection.off('query', listen);
};

/** Strapi authenticates a request (the Public role's permissions) before GraphQL sees it. */
const AUTHENTICATION = /\bup_permissions\b/;

beforeAll(async () => {
  casebook = await bootCasebook();
  showcase = await seedShowcase(casebook.strapi);
  await settle();
});

afterAll(async () => {
  await casebook?.stop();
});

const NUL = '\u0000';
/** The GraphQL escape of NUL, as it is written in the text of a query. */
const ESCAPED_NUL = '\\u0000';

describe('a NUL (U+0000) in any string of a request is refused before anything runs', () => {
  const published = () => showcase.published.case.documentId;

  test.each<[string, () => string, () => Record<string, unknown> | undefined]>([
    ['a literal argument', () => `{ caseDetail(slug: "x${ESCAPED_NUL}") { title } }`, () => undefined],
    ['a variable', () => 'query($slug: String) { caseDetail(slug: $slug) { title } }', () => ({ slug: `x${NUL}` })],
    ['one alias of two', () => `{ a: caseDetail(documentId: "${published()}") { title } b: caseDetail(slug: "x${ESCAPED_NUL}") { title } }`, () => undefined],
    ['a fragment', () => `{ ...Search } fragment Search on Query { caseList(filter: { search: "党${ESCAPED_NUL}" }) { pageInfo { total } } }`, () => undefined],
    ['an inline fragment', () => `{ ... on Query { hospitalList(filter: { name: "${ESCAPED_NUL}" }) { pageInfo { total } } } }`, () => undefined],
    ['a nested input object', () => `{ caseList(filter: { city: "成都${ESCAPED_NUL}" }) { pageInfo { total } } }`, () => undefined],
    ['a list in a nested input', () => `{ cases(filters: { title: { in: ["a", "b${ESCAPED_NUL}"] } }) { documentId } }`, () => undefined],
    ['a nested input variable', () => 'query($filter: CaseQueryFilter) { caseList(filter: $filter) { pageInfo { total } } }', () => ({ filter: { search: `党${NUL}` } })],
    [
      'a list in a nested input variable',
      () => 'query($filters: CaseFiltersInput) { cases(filters: $filters) { documentId } }',
      () => ({ filters: { or: [{ title: { eq: 'a' } }, { title: { in: ['b', `c${NUL}`] } }] } }),
    ],
    ['a mutation argument', () => `mutation { recordCaseView(documentId: "${published()}", voter: "v${ESCAPED_NUL}") { counted views } }`, () => undefined],
    ['a mutation variable', () => 'mutation($id: ID!, $voter: String) { recordCaseView(documentId: $id, voter: $voter) { counted } }', () => ({ id: published(), voter: `v${NUL}` })],
  ])('in %s', async (_where, query, variables) => {
    const { result, queries } = await recordQueries(casebook.strapi, () => casebook.graphql(query(), variables()));
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ message: expect.stringMatching(/NUL character \(U\+0000\)/), extensions: { code: 'BAD_USER_INPUT' } });
    // No resolver ran: not one SQL statement but the authentication's.
    expect(queries.filter((sql) => !AUTHENTICATION.test(sql))).toEqual([]);
  });

  test('the error says where: the variable and its path, or the place in the query', async () => {
    const variable = await casebook.graphql('query($filter: CaseQueryFilter) { caseList(filter: $filter) { pageInfo { total } } }', { filter: { search: `党${NUL}` } });
    expect(variable.errors![0]!.message).toMatch(/\$filter\.search/);
    const literal = await casebook.graphql(`{ caseDetail(slug: "x${ESCAPED_NUL}") { title } }`);
    expect(literal.errors![0]).toMatchObject({ locations: [{ line: 1, column: 20 }] });
  });

  test('strings without NUL still run, other control characters included', async () => {
    const { data, errors } = await casebook.graphql<{ caseDetail: { title: string } }>('query($id: ID) { caseDetail(documentId: $id) { title } }', { id: published() });
    expect(errors).toBeUndefined();
    expect(data?.caseDetail.title).toBe('构建医院党校 提升实干能力');
    const tab = await casebook.graphql('{ caseList(filter: { search: "党校\\t" }) { pageInfo { total } } }');
    expect(tab.errors).toBeUndefined();
  });
});

describe('errors echo at most about 100 characters of a value', () => {
  const LONG = '党'.repeat(3000);
  const echoed = (body: unknown) => JSON.stringify(body);

  test('a 3,000-character search term', async () => {
    const response = await casebook.graphql('query($query: String!) { caseSearch(query: $query) { terms } }', { query: LONG });
    const error = response.errors![0]!;
    expect(error).toMatchObject({ message: 'A search term has at most 50 characters', extensions: { code: 'BAD_USER_INPUT' } });
    expect(error.extensions).toMatchObject({ error: { name: 'ValidationError', details: { term: `${'党'.repeat(100)}…` } } });
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('a 3,000-character slug in a message and its details', async () => {
    const response = await casebook.graphql('query($slug: String) { caseDetail(slug: $slug) { title } }', { slug: LONG });
    const error = response.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', details: { slug: `${'党'.repeat(100)}…` } } });
    expect(error.message).toBe(`No published case with slug ${'党'.repeat(100)}…`);
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('a 3,000-character value that is not of its variable type', async () => {
    const response = await casebook.graphql('query($page: Int) { caseList(page: $page) { pageInfo { total } } }', { page: 'x'.repeat(3000) });
    expect(response.status).toBe(400);
    expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toMatch(/^Variable "\$page" got invalid value "x{99}…/);
    expect(echoed(response.errors).length).toBeLessThan(1000);
  });

  test('short values are echoed whole', async () => {
    const response = await casebook.graphql('{ caseDetail(slug: "no-such-case") { title } }');
    expect(response.errors![0]).toMatchObject({
      message: 'No published case with slug no-such-case',
      extensions: { code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', message: 'No published case with slug no-such-case', details: { slug: 'no-such-case' } } },
    });
  });
});
