import { CASE_INDEX_TABLE } from '../../plugins/casebook/server/src/showcase';
import { seedShowcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook();
  await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
});

/** What a response must not show of the inside: SQL, the plugin's table and function names, the database, a stack. */
const INSIDE = /select|from "|casebook_|sqlite|postgres|relation|syntax|stack|\.js\b|\bat \w/i;

/**
 * What a logged value says: its message and, on PostgreSQL, the function it failed in (`where`). graphql-js wraps
 * a thrown value that is no Error of its own realm in one whose `thrownValue` it is: under Jest, the SQLite
 * driver's errors are of the realm of the first suite of the worker that loaded the driver.
 */
const said = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return String(value);
  const { message, where, thrownValue } = value as { message?: unknown; where?: unknown; thrownValue?: unknown };
  return [message, where, thrownValue === undefined ? undefined : said(thrownValue)].filter((part) => part !== undefined).join(' ');
};

/**
 * Runs `action` while the case index (the table the showcase reads and searches) is missing, as after a failed
 * migration: every showcase query then fails in the database. Also returns what Strapi logged meanwhile.
 */
const withoutCaseIndex = async <T>(action: () => Promise<T>): Promise<{ result: T; logged: string[] }> => {
  const knex = casebook.strapi.db.connection;
  const logged: string[] = [];
  const log = jest.spyOn(casebook.strapi.log, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(said).join(' '));
    return casebook.strapi.log;
  });
  await knex.schema.renameTable(CASE_INDEX_TABLE, `${CASE_INDEX_TABLE}_away`);
  try {
    return { result: await action(), logged };
  } finally {
    await knex.schema.renameTable(`${CASE_INDEX_TABLE}_away`, CASE_INDEX_TABLE);
    log.mockRestore();
  }
};

describe('an internal error shows nothing of the inside', () => {
  test.each([
    ['caseList', '{ caseList { nodes { title } } }'],
    // On PostgreSQL through the grams function (casebook_cases_with_grams), whose name the database error carries.
    ['caseSearch', '{ caseSearch(query: "党校") { nodes { case { title } } } }'],
    ['caseFacets', '{ caseFacets { total } }'],
  ])('%s, failing in the database: Internal Server Error, and the full error in the log', async (field, query) => {
    const { result, logged } = await withoutCaseIndex(() => casebook.http().post('/graphql').send({ query }));
    expect(result.body.errors).toEqual([
      { message: 'Internal Server Error', locations: [{ line: 1, column: 3 }], path: [field], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(result.text).not.toMatch(INSIDE);
    expect(logged.join('\n')).toContain(CASE_INDEX_TABLE);
  });

  test('the same over REST: a bare 500', async () => {
    const { result, logged } = await withoutCaseIndex(() => casebook.http().get('/api/casebook/ranking'));
    expect(result.status).toBe(500);
    expect(result.body).toEqual({ data: null, error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' } });
    expect(logged.join('\n')).toContain(CASE_INDEX_TABLE);
  });

  test('with the case index back, the same queries run', async () => {
    const { errors } = await casebook.graphql('{ caseList { nodes { title } } caseFacets { total } }');
    expect(errors).toBeUndefined();
  });
});

describe("Strapi's client errors keep their message, code and details", () => {
  test.each([
    [
      'NotFoundError',
      '{ caseDetail(slug: "no-such-case") { title } }',
      {
        message: 'No published case with slug no-such-case',
        extensions: { code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', message: 'No published case with slug no-such-case', details: { slug: 'no-such-case' } } },
      },
    ],
    [
      'ValidationError',
      '{ caseList(pageSize: 1000) { pageInfo { total } } }',
      {
        message: 'pageSize must be a whole number from 1 to 100',
        extensions: { code: 'BAD_USER_INPUT', error: { name: 'ValidationError', message: 'pageSize must be a whole number from 1 to 100', details: { pageSize: 1000 } } },
      },
    ],
    ['ForbiddenError', 'mutation { createTheme(data: { name: "x" }) { documentId } }', { message: 'Forbidden access', extensions: { code: 'FORBIDDEN', error: { name: 'ForbiddenError' } } }],
  ])('%s', async (_name, query, expected) => {
    const { errors } = await casebook.graphql(query);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject(expected);
    expect(errors![0]!.extensions).not.toHaveProperty('stacktrace');
  });

  test('GraphQL validation errors keep theirs, suggestions included outside production', async () => {
    const { status, errors } = await casebook.graphql('{ cases { titel } }');
    expect(status).toBe(400);
    expect(errors![0]).toMatchObject({ message: expect.stringMatching(/^Cannot query field "titel" on type "Case"\. Did you mean "title"/), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
