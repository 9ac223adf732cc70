import { buildSchema, Lexer, Source, TokenKind, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { OPERATIONS } from '../../client-sdk/src/operations';
import { apiToken } from '../support/admin';
import { ROOT_DIR } from '../support/paths';
import { recordQueries } from '../support/queries';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;
let caseId: string;
let hospitalId: string;

beforeAll(async () => {
  casebook = await bootCasebook();
  const parent = await casebook.strapi.documents('api::case.case').create({ data: { title: '以文化建设提升精细化管理水平' } });
  // More metrics than maxLimit (100).
  for (let index = 0; index < 130; index += 1) {
    await casebook.strapi.documents('api::metric.metric').create({
      data: { label: `指标${index}`, value: index, qualifier: 'exact', kind: 'count', case: parent.documentId },
    });
  }
  const hospital = await casebook.strapi.documents('api::hospital.hospital').create({ data: { name: '四川大学华西医院' } });
  await casebook.strapi.documents('api::case.case').update({ documentId: parent.documentId, data: { hospital: hospital.documentId } });
  await casebook.strapi.documents('api::case.case').publish({ documentId: parent.documentId });
  caseId = parent.documentId;
  hospitalId = hospital.documentId;
  const server = casebook.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await casebook?.stop();
});

/** A query nesting hospital ⇄ cases `levels` times below the root field. */
const nested = (levels: number) => {
  let selection = 'documentId';
  for (let level = 0; level < levels; level += 1) selection = level % 2 === 0 ? `hospital { ${selection} }` : `cases { ${selection} }`;
  return `{ cases { ${selection} } }`;
};

/** `count` times `field`, inside `{ cases { … } }`. */
const repeated = (count: number, field: (index: number) => string) => `{ cases { ${Array.from({ length: count }, (_, index) => field(index)).join(' ')} } }`;

/** The number of lexical tokens in a document, as the parser counts them (punctuation included, commas and comments not). */
const tokensOf = (document: string) => {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

/** A query of `count` tokens: 20 of them, and a list of strings (the same field `count` times would be refused by graphql-js's own overlap check). */
const tokens = (count: number) => `{ cases(filters: { documentId: { in: [${'"x" '.repeat(count - 20)}] } }) { documentId } }`;

/** Strapi authenticates a request (the Public role's permissions) before GraphQL sees it. */
const AUTHENTICATION = /\bup_permissions\b/;

/**
 * `documentId` `count` times, six object levels down (cases › hospital › cases …). graphql-armor's cost: 1 a
 * scalar, 2 an object, each level's fields × 1.5; so 41.5625 + 11.390625 × count (171: 1989.36, 172: 2000.75).
 */
const costly = (count: number) => {
  let selection = Array.from({ length: count }, () => 'documentId').join(' ');
  for (let level = 0; level < 5; level += 1) selection = level % 2 === 0 ? `hospital { ${selection} }` : `cases { ${selection} }`;
  return `{ cases { ${selection} } }`;
};

describe('GraphQL limits', () => {
  test('a query of depth 10 runs', async () => {
    const { errors } = await casebook.graphql(nested(9));
    expect(errors).toBeUndefined();
  });

  test('a query of depth 11 is refused before it runs', async () => {
    const response = await casebook.graphql(nested(10));
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/exceeds maximum operation depth of 10/);
  });

  // One case each side of every limit; the refused one runs no resolver, hence no SQL but the authentication's.
  test.each([
    ['aliases', 10, repeated(10, (index) => `a${index}: documentId`), repeated(11, (index) => `a${index}: documentId`), /^Aliases limit of 10 exceeded, found 11\.$/],
    [
      'directives',
      10,
      repeated(10, () => 'documentId @include(if: true)'),
      repeated(11, () => 'documentId @include(if: true)'),
      /^Directives limit of 10 exceeded, found 11\.$/,
    ],
    ['cost', 2000, costly(171), costly(172), /^Query Cost limit of 2000 exceeded, found 2000\.75\.$/],
    ['tokens', 1000, tokens(1000), tokens(1001), /^Syntax Error: Document contains more th(?:at|an) 1000 tokens\. Parsing aborted\.$/],
  ])('%s: %d passes, one more is refused before anything runs', async (_limit, _value, under, over, message) => {
    const passed = await casebook.graphql(under);
    expect(passed.errors).toBeUndefined();

    const { result: refused, queries } = await recordQueries(casebook.strapi, () => casebook.graphql(over));
    expect(refused.status).toBe(400);
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors?.[0]?.message).toMatch(message);
    expect(queries.filter((sql) => !AUTHENTICATION.test(sql))).toEqual([]);
  });

  test('the token test counts as the parser does', () => {
    expect([tokensOf(tokens(1000)), tokensOf(tokens(1001))]).toEqual([1000, 1001]);
  });

  test('every operation of the SDK runs within the limits', async () => {
    const variables: Record<string, Record<string, unknown>> = {
      caseList: { pageSize: 5 },
      caseSearch: { query: '文化' },
      caseFacets: {},
      caseDetail: { documentId: caseId },
      caseRanking: {},
      hospitalList: {},
      hospitalDetail: { documentId: hospitalId },
      voteCase: { documentId: caseId, voter: 'graphql-limits' },
      recordCaseView: { documentId: caseId, voter: 'graphql-limits' },
      casePreview: { documentId: caseId, slug: caseId },
      caseSlugs: {},
      caseCounters: { documentIds: [caseId] },
      labels: {},
    };
    // A preview reads drafts: a token holder's operation.
    const token = await apiToken(casebook, 'read-only');
    const headers: Record<string, Record<string, string>> = { casePreview: { Authorization: `Bearer ${token.token}` } };
    for (const operation of OPERATIONS) {
      expect(variables[operation.name]).toBeDefined();
      const response = await casebook.graphql(operation.document, variables[operation.name], headers[operation.name]);
      expect({ operation: operation.name, errors: response.errors }).toEqual({ operation: operation.name, errors: undefined });
    }
  });

  test('lists default to 25 rows', async () => {
    const { data, errors } = await casebook.graphql<any>('{ metrics { label } metrics_connection { pageInfo { pageSize total } } }');
    expect(errors).toBeUndefined();
    expect(data.metrics).toHaveLength(25);
    expect(data.metrics_connection.pageInfo).toEqual({ pageSize: 25, total: 130 });
  });

  test('pageSize 1000 is clamped to 100', async () => {
    const { data, errors } = await casebook.graphql<any>(
      '{ metrics(pagination: { pageSize: 1000 }) { label } metrics_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }',
    );
    expect(errors).toBeUndefined();
    expect(data.metrics).toHaveLength(100);
    expect(data.metrics_connection.pageInfo.pageSize).toBe(100);
  });

  test('limit 1000 on a relation is clamped to 100 too', async () => {
    const { data, errors } = await casebook.graphql<any>('{ cases { metrics(pagination: { limit: 1000 }) { label } } }');
    expect(errors).toBeUndefined();
    expect(data.cases[0].metrics).toHaveLength(100);
  });

  test('REST clamps pageSize the same way', async () => {
    const response = await casebook.http().get('/api/metrics?pagination[pageSize]=1000').expect(200);
    expect(response.body.data).toHaveLength(100);
  });
});

describe('request body size', () => {
  const LIMIT = 100 * 1024;
  const APP_LIMIT = 8 * 1024 * 1024;

  /** A GraphQL request of exactly `bytes` bytes (an undeclared variable pads it; Apollo ignores it). */
  const graphqlBody = (bytes: number) => {
    const empty = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
    return empty.replace('"pad":""', `"pad":"${'x'.repeat(bytes - empty.length)}"`);
  };
  const post = (url: string, body: string) => casebook.http().post(url).set('content-type', 'application/json').send(body);

  test('a GraphQL request of 100 kB runs', async () => {
    const response = await post('/graphql', graphqlBody(LIMIT));
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });

  // Strapi's body middleware leaves the GraphQL route alone only for the exact URL; these reach the same route.
  test.each(['/graphql', '/graphql?operation=x', '/graphql/', '/GraphQL'])('one byte more to %s is refused: 413, and says the limit', async (url) => {
    const response = await post(url, graphqlBody(LIMIT + 1));
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
    expect(response.body.error.message).toMatch(/GraphQL request body .*100kb/i);
  });

  /** POSTs `bytes` of GraphQL request in 16 kB chunks, without a Content-Length. */
  const postChunked = (url: string, bytes: number) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = casebook.strapi.server.httpServer.address() as AddressInfo;
      const request = http.request(
        { host: '127.0.0.1', port, path: url, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      const body = graphqlBody(bytes);
      for (let start = 0; start < body.length; start += 16 * 1024) request.write(body.slice(start, start + 16 * 1024));
      request.end();
    });

  test.each(['/graphql', '/graphql?operation=x'])('a chunked body to %s is cut off at the limit too', async (url) => {
    const small = await postChunked(url, 50 * 1024);
    expect(small.status).toBe(200);
    const large = await postChunked(url, 2 * LIMIT);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).error.message).toMatch(/100kb/);
  });

  test('the REST API keeps the 8 MB limit the admin import needs', async () => {
    const data = (bytes: number) => JSON.stringify({ data: { title: 'x'.repeat(bytes) } });
    // Refused by the Public role (403), not for its size.
    expect((await post('/api/cases', data(LIMIT * 4))).status).toBe(403);
    expect((await post('/api/cases', data(APP_LIMIT + 1024))).status).toBe(413);
  });
});

test('development offers introspection and the playground', async () => {
  const { errors } = await casebook.graphql('{ __schema { queryType { name } } }');
  expect(errors).toBeUndefined();
  const landing = await casebook.http().get('/graphql').set('Accept', 'text/html');
  expect(landing.headers['content-type']).toMatch(/html/);
  expect(landing.text).toMatch(/embeddable-sandbox/);
});

test('GraphQL responses say cache-control: no-store (Apollo cache-control plugin switched off)', async () => {
  const response = await casebook.http().post('/graphql').send({ query: '{ metrics { label } }' }).expect(200);
  expect(response.headers['cache-control']).toBe('no-store');
});

describe("Strapi's resolver wrapping, as patches/@strapi+plugin-graphql+5.54.0.patch leaves it", () => {
  // The patched module itself, on a schema of three fields: what it wraps, and what it leaves alone.
  // Not among the package's exports: required by its path.
  const { wrapResolvers } = require(path.join(ROOT_DIR, 'node_modules/@strapi/plugin-graphql/dist/server/services/content-api/wrap-resolvers.js')) as {
    wrapResolvers: (options: { schema: GraphQLSchema; strapi: unknown; extension: { resolversConfig: Record<string, unknown> } }) => GraphQLSchema;
  };
  const schemaWith = (resolversConfig: Record<string, unknown>) =>
    wrapResolvers({
      schema: buildSchema('type Query { item: Item } type Item { plain: String, guarded: String, policed: String }'),
      strapi: casebook.strapi,
      extension: { resolversConfig },
    });
  const resolve = (schema: GraphQLSchema, type: string, field: string, parent: unknown, state = {}) =>
    (schema.getType(type) as GraphQLObjectType).getFields()[field]!.resolve!(parent, {}, { state }, {} as never);

  test('a field with nothing configured keeps its resolver: a value, not a promise', () => {
    const schema = schemaWith({});
    expect(resolve(schema, 'Item', 'plain', { plain: '党校' })).toBe('党校');
  });

  test('root fields, and fields with auth or policies, are still wrapped and checked', async () => {
    // Strapi's own policy: refuses a request without an authenticated admin.
    const schema = schemaWith({ 'Item.guarded': { auth: { scope: ['api::case.case.find'] } }, 'Item.policed': { policies: ['admin::isAuthenticatedAdmin'] } });
    const allowed = { auth: { strategy: { verify: () => undefined } } };
    await expect(resolve(schema, 'Query', 'item', {})).rejects.toThrow('Forbidden');
    await expect(resolve(schema, 'Query', 'item', { item: 'x' }, allowed)).resolves.toBe('x');
    await expect(resolve(schema, 'Item', 'guarded', { guarded: 'x' })).rejects.toThrow('Forbidden');
    await expect(resolve(schema, 'Item', 'guarded', { guarded: 'x' }, allowed)).resolves.toBe('x');
    await expect(resolve(schema, 'Item', 'policed', { policed: 'x' })).rejects.toThrow('Policy Failed');
    await expect(resolve(schema, 'Item', 'policed', { policed: 'x' }, { isAuthenticated: true })).resolves.toBe('x');
  });
});
