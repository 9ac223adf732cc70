import { createHash } from 'node:crypto';
import { apiToken } from '../support/admin';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

/** A GraphQL GET as a browser, a link or a CDN sends it: no header a cross-origin GET would need a preflight for. */
const get = (casebook: Casebook, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  casebook
    .http()
    .get('/graphql')
    .query({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })
    .set(headers);

const LIST = '{ caseList(pageSize: 5) { nodes { documentId title } } }';
const SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

describe('cache headers of GraphQL answers', () => {
  let casebook: Casebook;
  let world: Showcase;

  beforeAll(async () => {
    casebook = await bootCasebook();
    world = await seedShowcase(casebook.strapi);
  });
  afterAll(() => casebook?.stop());

  test('a public GET read of published content may be kept by a CDN, and carries an ETag', async () => {
    const response = await get(casebook, LIST).expect(200);
    expect(response.body.data.caseList.nodes.length).toBeGreaterThan(0);
    expect(response.headers['cache-control']).toBe(SHARED);
    expect(response.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
  });

  test('If-None-Match with the ETag (alone, in a list, strong or weak, or *) answers 304 without a body; another ETag the answer', async () => {
    const { etag } = (await get(casebook, LIST).expect(200)).headers;
    const opaque = etag!.replace(/^W\//, '');
    for (const ifNoneMatch of [etag!, opaque, `"other", ${etag}`, '*']) {
      const response = await get(casebook, LIST, undefined, { 'If-None-Match': ifNoneMatch });
      expect([ifNoneMatch, response.status, response.text]).toEqual([ifNoneMatch, 304, '']);
      expect(response.headers.etag).toBe(etag);
    }
    const other = await get(casebook, LIST, undefined, { 'If-None-Match': 'W/"something-else"' }).expect(200);
    expect(other.body.data.caseList.nodes.length).toBeGreaterThan(0);
  });

  test('publishing an edit changes the ETag, so a cache holding the old answer gets the new one', async () => {
    const before = (await get(casebook, LIST).expect(200)).headers.etag!;
    const documentId = world.edited.case.documentId;
    await casebook.strapi.documents('api::case.case').publish({ documentId });
    const after = await get(casebook, LIST, undefined, { 'If-None-Match': before }).expect(200);
    expect(after.headers.etag).not.toBe(before);
    expect(after.body.data.caseList.nodes.map((node: { title: string }) => node.title)).toContain('未发布的新标题');
  });

  test.each([
    ['votes', '{ caseList { nodes { title votes } } }', undefined],
    ['views through a fragment', '{ caseList { nodes { ...Counted } } } fragment Counted on Case { views }', undefined],
    ['the ranking', '{ caseRanking { title } }', undefined],
    ['the counters', 'query($ids: [ID!]!) { caseCounters(documentIds: $ids) { votes } }', { ids: ['any'] }],
    ['a sort by votes', '{ caseList(sort: MOST_VOTED) { nodes { title } } }', undefined],
    ['a sort by reads in a variable', 'query($sort: CaseSort) { caseList(sort: $sort) { nodes { title } } }', { sort: 'MOST_VIEWED' }],
  ])('an answer reading %s moves with every vote or read: no-store, no ETag', async (_, query, variables) => {
    const response = await get(casebook, query, variables).expect(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.etag).toBeUndefined();
  });

  test('a sort by date in a variable is still shared', async () => {
    const response = await get(casebook, 'query($sort: CaseSort) { caseList(sort: $sort) { nodes { title } } }', { sort: 'NEWEST' }).expect(200);
    expect(response.headers['cache-control']).toBe(SHARED);
  });

  test('an API token holder\'s read (it may read drafts) is never shared', async () => {
    const token = await apiToken(casebook, 'read-only');
    const response = await get(casebook, LIST, undefined, { Authorization: `Bearer ${token.token}` }).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.etag).toBeUndefined();
  });

  test('errors, POSTs and mutations are never shared', async () => {
    const error = await get(casebook, '{ caseList { nodes { noSuchField } } }');
    expect(error.headers['cache-control']).toBe('no-store');
    const post = await casebook.http().post('/graphql').send({ query: LIST }).expect(200);
    expect(post.headers['cache-control']).toBe('no-store');
    expect(post.headers.etag).toBeUndefined();
    const vote = await casebook
      .http()
      .post('/graphql')
      .send({ query: 'mutation($d: ID!) { voteCase(documentId: $d, voter: "cache-test") { counted } }', variables: { d: world.published.case.documentId } })
      .expect(200);
    expect(vote.headers['cache-control']).toBe('no-store');
    // Apollo answers a mutation sent as GET with 405: no cache may replay a vote.
    expect((await get(casebook, 'mutation { voteCase(documentId: "x", voter: "y") { counted } }')).status).toBe(405);
  });

  test('a persisted query, registered once, is read by GET with its hash alone and shared', async () => {
    const hash = createHash('sha256').update(LIST).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const unknown = await casebook.http().get('/graphql').query({ extensions });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers['cache-control']).toBe('no-store');
    await casebook.http().post('/graphql').send({ query: LIST, extensions: JSON.parse(extensions) }).expect(200);
    const byHash = await casebook.http().get('/graphql').query({ extensions }).expect(200);
    expect(byHash.body.data.caseList.nodes.length).toBeGreaterThan(0);
    expect(byHash.headers['cache-control']).toBe(SHARED);
  });

  test('a cross-site form runs nothing: a mutation needs a JSON POST, whatever a simple request carries', async () => {
    const { documentId } = world.published.case;
    const vote = `mutation { voteCase(documentId: "${documentId}", voter: "csrf-probe") { counted votes } }`;
    const votes = async () => (await casebook.http().post('/graphql').send({ query: `{ caseDetail(documentId: "${documentId}") { votes } }` })).body.data.caseDetail.votes;
    const before = await votes();
    const attempts = [
      () => casebook.http().get('/graphql').query({ query: vote }),
      () => casebook.http().post('/graphql').set('Content-Type', 'text/plain').send(JSON.stringify({ query: vote })),
      () => casebook.http().post('/graphql').type('form').send({ query: vote }),
      () => casebook.http().post('/graphql').field('query', vote),
    ];
    for (const attempt of attempts) {
      const response = await attempt();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.body?.data?.voteCase).toBeUndefined();
    }
    expect(await votes()).toBe(before);
  });
});
