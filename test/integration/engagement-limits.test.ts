import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { addressKeyOf } from '../../plugins/casebook/server/src/engagement/keys';
import { createRateLimits } from '../../plugins/casebook/server/src/engagement/rate-limit';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';

const REDIS_URL = 'redis://127.0.0.1:6379';
const VOTE = `mutation Vote($documentId: ID!, $voter: String!) { voteCase(documentId: $documentId, voter: $voter) { counted votes } }`;

/** A Casebook behind a proxy (so X-Forwarded-For sets the client address), with small allowances and a secret of its own. */
const boot = async (env: Record<string, string> = {}) => {
  const secret = `limits-${randomBytes(12).toString('hex')}`;
  const casebook = await bootCasebook({
    env: { IS_PROXIED: 'true', CASEBOOK_SECRET: secret, CASEBOOK_VOTE_RATE_LIMIT: '3', CASEBOOK_VIEW_RATE_LIMIT: '2', ...env },
  });
  return { casebook, secret, world: await seedShowcase(casebook.strapi) };
};

const voteFrom = (casebook: Casebook, world: Showcase, voter: string, address: string) =>
  casebook.http().post(`/api/casebook/cases/${world.published.case.documentId}/votes`).set('X-Forwarded-For', address).send({ voter });

describe('in memory (no REDIS_URL)', () => {
  let casebook: Casebook;
  let world: Showcase;
  beforeAll(async () => ({ casebook, world } = await boot()));
  afterAll(async () => casebook?.stop());

  test('per voter: the fourth vote a minute of one voter id is refused, whatever its address, with Retry-After', async () => {
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await voteFrom(casebook, world, 'busy-voter', address).expect(200);
    const refused = await voteFrom(casebook, world, 'busy-voter', '198.51.100.4').expect(429);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.body.error).toMatchObject({ name: 'RateLimitError', details: { retryAfter: wait, limit: 3 } });
  });

  test('per address: a client cannot rotate its address by writing X-Forwarded-For itself (the proxy appends the real one)', async () => {
    const through = (voter: string, forged: string) =>
      casebook.http().post(`/api/casebook/cases/${world.published.case.documentId}/votes`).set('X-Forwarded-For', `${forged}, 203.0.113.77`).send({ voter });
    for (const [voter, forged] of [['f1', '10.1.1.1'], ['f2', '10.1.1.2'], ['f3', '10.1.1.3']]) await through(voter!, forged!).expect(200);
    await through('f4', '10.1.1.4').expect(429);
  });

  test('per address: the fourth vote a minute from one address is refused, whatever the voter', async () => {
    for (const voter of ['n1', 'n2', 'n3']) await voteFrom(casebook, world, voter, '203.0.113.9').expect(200);
    await voteFrom(casebook, world, 'n4', '203.0.113.9').expect(429);
    await voteFrom(casebook, world, 'n4', '203.0.113.10').expect(200);
  });

  test('GraphQL answers a RateLimitError with retryAfter in its details', async () => {
    const ask = (voter: string) => casebook.graphql(VOTE, { documentId: world.published.case.documentId, voter }, { 'X-Forwarded-For': '192.0.2.77' });
    for (const voter of ['g1', 'g2', 'g3']) expect((await ask(voter)).errors).toBeUndefined();
    const refused = await ask('g4');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'STRAPI_RATE_LIMIT_ERROR', error: { name: 'RateLimitError', details: { limit: 3 } } });
  });

  test('reads have their own allowance', async () => {
    const read = () => casebook.http().post(`/api/casebook/cases/${world.published.case.documentId}/views`).set('X-Forwarded-For', '192.0.2.200').send({});
    await read().expect(200);
    await read().expect(200);
    await read().expect(429);
  });
});

describe('in Redis (REDIS_URL)', () => {
  let casebook: Casebook;
  let world: Showcase;
  let secret: string;
  beforeAll(async () => ({ casebook, world, secret } = await boot({ REDIS_URL })));
  afterAll(async () => casebook?.stop());

  test('the allowance is shared: another instance on the same Redis finds it spent', async () => {
    const address = '203.0.113.50';
    for (const voter of ['s1', 's2', 's3']) await voteFrom(casebook, world, voter, address).expect(200);

    // What a second CMS instance would do with the same configuration: its first request is refused.
    const other = createRateLimits({ perMinute: { vote: 3, view: 2 }, redisUrl: REDIS_URL, log: casebook.strapi.log });
    try {
      expect(await other.ready()).toBe(true);
      await expect(other.consume('vote', [addressKeyOf(secret, address)])).rejects.toMatchObject({ name: 'RateLimitError' });
    } finally {
      other.close();
    }
    // The key in Redis is a hash: the address itself is not stored.
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`casebook:vote:${addressKeyOf(secret, address)}`);
      expect(keys).toHaveLength(1);
      expect(await redis.keys('*203.0.113.50*')).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});

describe('with Redis unreachable', () => {
  let casebook: Casebook;
  let world: Showcase;
  beforeAll(async () => ({ casebook, world } = await boot({ REDIS_URL: 'redis://127.0.0.1:1' })));
  afterAll(async () => casebook?.stop());

  test('votes go on, limited in memory meanwhile', async () => {
    for (const voter of ['u1', 'u2', 'u3']) await voteFrom(casebook, world, voter, '198.51.100.77').expect(200);
    await voteFrom(casebook, world, 'u4', '198.51.100.77').expect(429);
  });
});
