import { buildSchema, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import path from 'node:path';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;

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
