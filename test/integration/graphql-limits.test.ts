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
