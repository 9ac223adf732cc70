import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

const SHOWCASE = 'https://showcase.example.org';
const STRANGER = 'https://elsewhere.example.net';
const VOTE = 'mutation($d: ID!, $v: String!) { voteCase(documentId: $d, voter: $v) { counted votes } }';

/**
 * A front end served from its own origin calls the API as a browser does: a preflight for anything but the
 * simplest request, then the request itself, whose answer it may read only under Access-Control-Allow-Origin.
 */
describe('cross-origin calls (CASEBOOK_CORS_ORIGINS)', () => {
  let casebook: Casebook;
  let world: Showcase;

  beforeAll(async () => {
    casebook = await bootCasebook({ env: { CASEBOOK_CORS_ORIGINS: `${SHOWCASE},http://localhost:5173`, CASEBOOK_CORS_HEADERS: 'X-Front-End' } });
    world = await seedShowcase(casebook.strapi);
  });
  afterAll(() => casebook?.stop());

  const preflight = (path: string, origin: string, headers: string) =>
    casebook.http().options(path).set({ Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': headers });

  test.each([
    ['GraphQL', '/graphql'],
    ['REST', '/api/casebook/cases/x/votes'],
  ])('a %s vote preflight from a configured origin allows the headers the SDK sends', async (_, path) => {
    const response = await preflight(path, SHOWCASE, 'content-type,idempotency-key,x-front-end');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(SHOWCASE);
    const allowed = response.headers['access-control-allow-headers']!.toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'idempotency-key', 'authorization', 'x-front-end']));
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  test('an origin that is not configured gets no Access-Control-Allow-Origin, so its browser reads nothing', async () => {
    const response = await preflight('/graphql', STRANGER, 'content-type,idempotency-key');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const post = await casebook.http().post('/graphql').set({ Origin: STRANGER }).send({ query: '{ __typename }' });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a vote from the configured origin counts, with the key, and its answer is readable there with Retry-After exposed', async () => {
    const response = await casebook
      .http()
      .post('/graphql')
      .set({ Origin: SHOWCASE, 'Idempotency-Key': 'cors-vote-1' })
      .send({ query: VOTE, variables: { d: world.published.case.documentId, v: 'cross-origin-voter' } });
    expect([response.status, response.body.errors]).toEqual([200, undefined]);
    expect(response.body.data.voteCase).toEqual({ counted: true, votes: 1 });
    expect(response.headers['access-control-allow-origin']).toBe(SHOWCASE);
    expect(response.headers['access-control-expose-headers']!.toLowerCase().split(',')).toEqual(expect.arrayContaining(['retry-after', 'etag']));
  });

  test('an origin spelled another way (case, trailing slash, other port, other scheme) is another origin', async () => {
    for (const origin of ['HTTPS://SHOWCASE.EXAMPLE.ORG', `${SHOWCASE}/`, `${SHOWCASE}:8443`, 'http://showcase.example.org', 'null']) {
      const response = await preflight('/graphql', origin, 'content-type');
      expect([origin, response.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
    }
  });
});

describe('a CASEBOOK_CORS_ORIGINS that names no origin', () => {
  test('stops the start with the value and what to write instead', async () => {
    await expect(bootCasebook({ env: { CASEBOOK_CORS_ORIGINS: 'https://showcase.example.org/' } })).rejects.toThrow(
      'CASEBOOK_CORS_ORIGINS: "https://showcase.example.org/" is no origin',
    );
  });
});
