import { CASE_INDEX_TABLE } from '../../plugins/casebook/server/src/showcase';
import { seedShowcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

// One Strapi per process at a time: production gets a suite of its own.
let production: Casebook;

beforeAll(async () => {
  production = await bootCasebook({ env: { NODE_ENV: 'production' } });
  await seedShowcase(production.strapi);
});

afterAll(async () => {
  await production?.stop();
});

test('production GraphQL has neither introspection nor the playground; queries still run', async () => {
  const introspection = await production.graphql('{ __schema { queryType { name } } }');
  expect(introspection.errors?.[0].message).toMatch(/introspection is not allowed/i);

  const landing = await production.http().get('/graphql').set('Accept', 'text/html');
  expect(landing.headers['content-type'] ?? '').not.toMatch(/html/);
  expect(landing.text ?? '').not.toMatch(/sandbox|explorer|playground/i);

  const { errors } = await production.graphql('{ cases { title } }');
  expect(errors).toBeUndefined();
});

// Without introspection, suggestions would be a way to read the schema one guess at a time.
test.each<[string, string, Record<string, unknown> | undefined, string]>([
  ['a field', '{ cases { titel } }', undefined, 'Cannot query field "titel" on type "Case".'],
  ['an argument', '{ caseList(pagesize: 5) { pageInfo { total } } }', undefined, 'Unknown argument "pagesize" on field "Query.caseList".'],
  ['a type', 'query($f: CaseFilter) { caseList(filter: $f) { pageInfo { total } } }', undefined, 'Unknown type "CaseFilter".'],
  ['an enum value', '{ caseList(sort: NEWST) { pageInfo { total } } }', undefined, 'Value "NEWST" does not exist in "CaseSort" enum.'],
  [
    'an enum value in a variable',
    'query($sort: CaseSort) { caseList(sort: $sort) { pageInfo { total } } }',
    { sort: 'NEWST' },
    'Variable "$sort" got invalid value "NEWST"; Value "NEWST" does not exist in "CaseSort" enum.',
  ],
])('production suggests nothing for %s', async (_what, query, variables, message) => {
  const { status, errors } = await production.graphql(query, variables);
  expect(status).toBe(400);
  expect(errors?.map((error) => error.message)).toContain(message);
  expect(JSON.stringify(errors)).not.toMatch(/did you mean/i);
});

test('production: an internal error is Internal Server Error and nothing more', async () => {
  const knex = production.strapi.db.connection;
  const log = jest.spyOn(production.strapi.log, 'error').mockImplementation(() => production.strapi.log);
  await knex.schema.renameTable(CASE_INDEX_TABLE, `${CASE_INDEX_TABLE}_away`);
  try {
    const response = await production.http().post('/graphql').send({ query: '{ caseSearch(query: "党校") { nodes { case { title } } } }' });
    expect(response.body.errors).toEqual([
      { message: 'Internal Server Error', locations: [{ line: 1, column: 3 }], path: ['caseSearch'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(log).toHaveBeenCalled();
  } finally {
    await knex.schema.renameTable(`${CASE_INDEX_TABLE}_away`, CASE_INDEX_TABLE);
    log.mockRestore();
  }
});

test('production: client errors keep message, code and details, and carry no stack', async () => {
  const { errors } = await production.graphql('{ caseDetail(slug: "no-such-case") { title } }');
  expect(errors).toEqual([
    {
      message: 'No published case with slug no-such-case',
      path: ['caseDetail'],
      extensions: { code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', message: 'No published case with slug no-such-case', details: { slug: 'no-such-case' } } },
    },
  ]);
});

test('production keeps the limits and the NUL guard', async () => {
  const aliases = await production.graphql(`{ cases { ${Array.from({ length: 11 }, (_, index) => `a${index}: documentId`).join(' ')} } }`);
  expect(aliases.errors?.[0]?.message).toBe('Aliases limit of 10 exceeded, found 11.');
  const nul = await production.graphql('query($slug: String) { caseDetail(slug: $slug) { title } }', { slug: 'x\u0000' });
  expect(nul.status).toBe(400);
  expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
