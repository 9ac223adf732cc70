import fc from 'fast-check';
import { bootCasebook, type Casebook } from '../support/strapi';
import { seedShowcase } from '../support/fixtures';

/**
 * The public GraphQL and REST arguments fed hostile values: SQL and LIKE wildcards, quotes, NUL, emoji, lone
 * surrogates, very long strings, huge and negative numbers. Whatever comes in, the answer is data or a client
 * error: never a 500, never an internal error code, never a crash (an unhandled rejection ends Node).
 */

let casebook: Casebook;
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
  process.off('unhandledRejection', recordUnhandled);
});

const HOSTILE = ['%', '_', '\\', "'", '"', "' OR 1=1 --", '%_%', '\\%', '\u0000', 'a\u0000b', '😀', '党校😀', '\ud800', '黨校', '', ' ', '\n', '[]', '{}', 'null', '$ne', '*'];

/** Strings as an attacker sends them: hostile fragments, any Unicode, and long runs. */
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...HOSTILE, '党', '校', '医', '院'), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.nat({ max: 20_000 }).map((length) => '党'.repeat(length)),
);

const number = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)));
const numberText = fc.oneof(number.map(String), fc.constantFrom('1e20', '99999999999999999999', '-0', 'NaN', '1.5', '0x10', ''));

const RUNS = { numRuns: 60, seed: 20261201 };

/** A GraphQL answer that is data or a client error. */
const expectClientOutcome = (response: { status: number; errors?: Array<{ extensions?: { code?: string } }> }) => {
  expect(response.status).toBeLessThan(500);
  for (const error of response.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
};

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
});

describe('GraphQL arguments', () => {
  test.each([
    ['caseList filters', 'query ($s: String, $n: Int) { caseList(filter: { search: $s, city: $s, hospital: $s, theme: $s, campaign: $s }, page: $n) { pageInfo { total } } }'],
    ['caseList dates', 'query ($s: String, $n: Int) { caseList(filter: { publishedFrom: $s, publishedTo: $s }, pageSize: $n) { nodes { title } } }'],
    ['caseSearch', 'query ($s: String!, $n: Int) { caseSearch(query: $s, pageSize: $n) { nodes { snippet { text } } } }'],
    ['caseFacets', 'query ($s: String) { caseFacets(filter: { search: $s }) { total } }'],
    ['caseDetail', 'query ($s: String) { caseDetail(slug: $s) { title } }'],
    ['hospitalList', 'query ($s: String, $n: Int) { hospitalList(filter: { name: $s, city: $s }, page: $n, pageSize: $n) { pageInfo { total } } }'],
    ['hospitalDetail', 'query ($s: ID) { hospitalDetail(documentId: $s) { name } }'],
    ['caseRanking', 'query ($s: ID, $n: Int) { caseRanking(campaign: $s, limit: $n) { title } }'],
    ['caseCounters', 'query ($s: ID!) { caseCounters(documentIds: [$s, $s]) { documentId votes views } }'],
    ['Strapi filters', 'query ($s: String) { cases(filters: { title: { containsi: $s }, hospital: { name: { startsWith: $s } } }) { title } }'],
    ['Strapi relation filters', 'query ($s: String) { hospitals { cases(filters: { summary: { eq: $s } }) { title } } }'],
    ['Strapi sort', 'query ($s: String) { cases(sort: [$s]) { title } }'],
    ['vote', 'mutation ($s: ID!) { voteCase(documentId: $s, voter: $s) { counted } }'],
    ['read', 'mutation ($s: ID!) { recordCaseView(documentId: $s, voter: $s) { counted } }'],
  ])('%s', async (_name, query) => {
    await fc.assert(
      fc.asyncProperty(text, number, async (s, n) => {
        expectClientOutcome(await casebook.graphql(query, { s, n }));
      }),
      RUNS,
    );
  });

  test('string literals in the query text', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const literal = JSON.stringify(s.slice(0, 2000));
        expectClientOutcome(await casebook.graphql(`{ caseList(filter: { search: ${literal} }) { pageInfo { total } } hospitalList(filter: { name: ${literal} }) { pageInfo { total } } }`));
      }),
      RUNS,
    );
  });
});

/** Percent-encodes the UTF-8 bytes of `s` (lone surrogates become U+FFFD, as any client sends them). */
const encode = (s: string) => [...Buffer.from(s, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** Query-string text: encoded strings, and raw escapes no encoder makes (invalid UTF-8, a bare %). */
const queryText = fc.oneof(text.map((s) => encode(s.slice(0, 2000))), fc.constantFrom('%ED%A0%80', '%FF%FE', '%', '%%', '%zz', '%00', '%E5%85'));

describe('REST arguments', () => {
  test.each([
    ['filters', (e: string) => `/api/cases?filters[title][$contains]=${e}`],
    ['relation filters', (e: string) => `/api/hospitals?filters[cases][summary][$startsWith]=${e}`],
    ['operators', (e: string) => `/api/cases?filters[title][${e}]=x`],
    ['attributes', (e: string) => `/api/cases?filters[${e}][$eq]=x`],
    ['sort', (e: string) => `/api/cases?sort=${e}`],
    ['populate', (e: string) => `/api/cases?populate=${e}`],
    ['fields', (e: string) => `/api/cases?fields[0]=${e}`],
    ['status', (e: string) => `/api/cases?status=${e}`],
    ['unknown parameters', (e: string) => `/api/cases?${e}=1`],
    ['documentId', (e: string) => `/api/cases/${e || 'x'}`],
    ['counters', (e: string) => `/api/casebook/counters?documentIds=${e}`],
    ['ranking', (e: string) => `/api/casebook/ranking?campaign=${e}`],
  ])('%s', async (_name, path) => {
    await fc.assert(
      fc.asyncProperty(queryText, async (e) => {
        const response = await casebook.http().get(path(e));
        expect(response.status).toBeLessThan(500);
      }),
      RUNS,
    );
  });

  test('pagination numbers', async () => {
    await fc.assert(
      fc.asyncProperty(numberText, numberText, async (page, size) => {
        for (const path of [
          `/api/cases?pagination[page]=${page}&pagination[pageSize]=${size}`,
          `/api/cases?pagination[start]=${page}&pagination[limit]=${size}`,
          `/api/casebook/ranking?limit=${size}`,
        ]) {
          const response = await casebook.http().get(path);
          expect(response.status).toBeLessThan(500);
        }
      }),
      RUNS,
    );
  });

  test('vote and read bodies', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.anything(), async (s, body) => {
        const id = encode(s.slice(0, 200)) || 'x';
        for (const path of [`/api/casebook/cases/${id}/votes`, `/api/casebook/cases/${id}/views`]) {
          const response = await casebook.http().post(path).send({ voter: s, extra: body });
          expect(response.status).toBeLessThan(500);
        }
      }),
      RUNS,
    );
  });
});
