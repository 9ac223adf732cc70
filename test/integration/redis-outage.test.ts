import { randomBytes } from 'node:crypto';
import { addressKeyOf } from '../../plugins/casebook/server/src/engagement/keys';
import { createRateLimits } from '../../plugins/casebook/server/src/engagement/rate-limit';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { captureLog, type LogCapture } from '../support/log';
import { startRedisServer, type RedisServer } from '../support/redis';
import { waitUntil } from '../support/wait';
import { bootCasebook, type Casebook } from '../support/strapi';

const HEALTH = '/api/casebook/health';

/** Long random secrets, as production must have: development's fixed test secrets are not for production. */
const productionSecrets = () => ({
  APP_KEYS: Array.from({ length: 4 }, () => randomBytes(24).toString('base64')).join(','),
  ...Object.fromEntries(
    ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'CASEBOOK_SECRET'].map((name) => [name, randomBytes(32).toString('base64')]),
  ),
});

const redisStatus = async (casebook: Casebook) => (await casebook.http().get(HEALTH)).body?.checks?.redis?.status;

describe('Redis going away and coming back', () => {
  let redis: RedisServer;
  let casebook: Casebook;
  let world: Showcase;
  let log: LogCapture;
  let secret: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    log = captureLog();
    secret = `outage-${randomBytes(12).toString('hex')}`;
    casebook = await bootCasebook({
      env: { REDIS_URL: redis.url, LOG_LEVEL: 'info', IS_PROXIED: 'true', CASEBOOK_SECRET: secret, CASEBOOK_VOTE_RATE_LIMIT: '3' },
      onCreate: (strapi) => log.attach(strapi),
    });
    world = await seedShowcase(casebook.strapi);
  });
  afterAll(async () => {
    await casebook?.stop();
    await redis?.kill();
  });

  const vote = (voter: string, address: string) =>
    casebook.http().post(`/api/casebook/cases/${world.published.case.documentId}/votes`).set('X-Forwarded-For', address).send({ voter });
  const redisErrors = () => log.find('error', /Redis \(REDIS_URL\)/);

  test('votes keep answering; health and the log say so once each way; the allowance is shared again after', async () => {
    expect(log.find('info', /Redis \(REDIS_URL\) connected/)).toHaveLength(1);
    await casebook.http().get(HEALTH).expect(200).expect((response) => expect(response.body).toMatchObject({ status: 'ok', checks: { redis: { status: 'ok' } } }));
    await vote('before', '198.51.100.1').expect(200);

    await redis.kill();
    await waitUntil('health to report Redis down', async () => (await redisStatus(casebook)) === 'down');
    const down = await casebook.http().get(HEALTH).expect(200);
    expect(down.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'down', since: expect.any(String) } } });
    // Counted in this process meanwhile: the allowance still holds.
    for (const voter of ['d1', 'd2', 'd3']) await vote(voter, '198.51.100.2').expect(200);
    await vote('d4', '198.51.100.2').expect(429);
    // ioredis retries every few hundred milliseconds: let it try several times, still one line.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(redisErrors()).toHaveLength(1);
    expect(redisErrors()[0]!.message).toMatch(/Redis \(REDIS_URL\) went away/);

    await redis.start();
    await waitUntil('health to report Redis ok again', async () => (await redisStatus(casebook)) === 'ok');
    expect(log.find('info', /Redis \(REDIS_URL\) is back/)).toHaveLength(1);
    expect(redisErrors()).toHaveLength(1);
    await casebook.http().get(HEALTH).expect(200).expect((response) => expect(response.body.status).toBe('ok'));

    // Shared again: what another instance on the same Redis sees of this one's spending.
    for (const voter of ['a1', 'a2', 'a3']) await vote(voter, '198.51.100.3').expect(200);
    const other = createRateLimits({ perMinute: { vote: 3, view: 0 }, redisUrl: redis.url, log: casebook.strapi.log });
    try {
      expect(await other.ready()).toBe(true);
      await expect(other.consume('vote', [addressKeyOf(secret, '198.51.100.3')])).rejects.toMatchObject({ name: 'RateLimitError' });
    } finally {
      other.close();
    }
  });
});

describe('production', () => {
  test('refuses to start when REDIS_URL cannot be reached, naming REDIS_URL and never its password', async () => {
    const password = 'hunter2-production-only';
    const log = captureLog();
    const boot = bootCasebook({
      env: { NODE_ENV: 'production', ...productionSecrets(), REDIS_URL: `redis://:${password}@127.0.0.1:1` },
      onCreate: (strapi) => log.attach(strapi),
    });
    const refusal = await boot.then(
      async (casebook) => {
        await casebook.stop();
        throw new Error('Casebook started in production with an unreachable REDIS_URL');
      },
      (error: unknown) => error as Error,
    );
    expect(refusal.message).toMatch(/refuses to start in production: Redis \(REDIS_URL, redis:\/\/127\.0\.0\.1:1\) cannot be reached/);
    expect(refusal.message).not.toContain(password);
    expect(log.find('error', /Redis \(REDIS_URL\) cannot be reached/)).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toContain(password);
  });

  test('starts with a Redis it reaches', async () => {
    const redis = await startRedisServer();
    try {
      const casebook = await bootCasebook({ env: { NODE_ENV: 'production', ...productionSecrets(), REDIS_URL: redis.url } });
      try {
        await casebook.http().get(HEALTH).expect(200).expect((response) => expect(response.body.checks.redis.status).toBe('ok'));
      } finally {
        await casebook.stop();
      }
    } finally {
      await redis.kill();
    }
  });
});
