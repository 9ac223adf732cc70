import { Client } from 'pg';
import { CASE_INDEX_TABLE } from '../../plugins/casebook/server/src/showcase';
import { testDatabaseClient } from '../support/database';
import { seedShowcase } from '../support/fixtures';
import { captureLog, type LogCapture } from '../support/log';
import { bootCasebook, type Casebook } from '../support/strapi';

const HEALTH = '/api/casebook/health';

const publishedCases = (casebook: Casebook) => casebook.strapi.db.query('api::case.case').count({ where: { publishedAt: { $notNull: true } } });

/**
 * PostgreSQL refuses new connections to the suite's database and ends the ones Strapi holds: what a database
 * that went away looks like to the pool. Returns the way back.
 */
const cutPostgres = async (casebook: Casebook): Promise<() => Promise<void>> => {
  const name = new URL(casebook.database.env.DATABASE_URL!).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.CASEBOOK_TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  return async () => {
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    } finally {
      await admin.end();
    }
  };
};

describe('GET /api/casebook/health', () => {
  let casebook: Casebook;
  let log: LogCapture;
  beforeAll(async () => {
    log = captureLog();
    casebook = await bootCasebook({ env: { LOG_LEVEL: 'info' }, onCreate: (strapi) => log.attach(strapi) });
    await seedShowcase(casebook.strapi);
  });
  afterAll(async () => casebook?.stop());

  test('ok: the database with its latency, the search index with its cases, Redis not configured; anonymous, never cached', async () => {
    // No Public-role permission names the health check: a load balancer has no token.
    const response = await casebook.http().get(HEALTH).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      status: 'ok',
      checks: {
        database: { status: 'ok', latencyMs: expect.any(Number) },
        redis: { status: 'not-configured' },
        searchIndex: { status: 'ok', cases: await publishedCases(casebook) },
      },
    });
    expect(response.body.checks.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  test('a search index that does not hold the published cases is stale: degraded, still 200', async () => {
    const published = await publishedCases(casebook);
    const knex = casebook.strapi.db.connection;
    const [first] = await knex(CASE_INDEX_TABLE).min({ caseId: 'case_id' });
    await knex(CASE_INDEX_TABLE).where('case_id', first.caseId).delete();
    try {
      const response = await casebook.http().get(HEALTH).expect(200);
      expect(response.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'ok' }, searchIndex: { status: 'stale', cases: published - 1 } } });
    } finally {
      await casebook.strapi.plugin('casebook').service('search-index').rebuild();
    }
    await casebook.http().get(HEALTH).expect(200).expect((response) => expect(response.body.status).toBe('ok'));
  });

  test('a search index that cannot be read is down: degraded, still 200 (every instance shares it: another would not do better)', async () => {
    const knex = casebook.strapi.db.connection;
    await knex.schema.renameTable(CASE_INDEX_TABLE, `${CASE_INDEX_TABLE}_away`);
    try {
      const response = await casebook.http().get(HEALTH).expect(200);
      expect(response.body).toEqual({
        status: 'degraded',
        checks: { database: { status: 'ok', latencyMs: expect.any(Number) }, redis: { status: 'not-configured' }, searchIndex: { status: 'down' } },
      });
      expect(response.text).not.toContain(CASE_INDEX_TABLE);
    } finally {
      await knex.schema.renameTable(`${CASE_INDEX_TABLE}_away`, CASE_INDEX_TABLE);
    }
    expect(log.find('error', /health: the search index is failing/)).toHaveLength(1);
    await casebook.http().get(HEALTH).expect(200).expect((response) => expect(response.body.status).toBe('ok'));
    expect(log.find('info', /health: the search index answers again/)).toHaveLength(1);
  });

  // SQLite runs in this process on a file it holds open in WAL mode: nothing outside the process takes it away
  // deterministically (an overwritten file is still read from the page cache; another connection cannot take an
  // exclusive lock while Strapi's is open). PostgreSQL can refuse new connections and end the ones held.
  (testDatabaseClient() === 'postgres' ? test : test.skip)('503 while the database is unreachable, 200 once it is back', async () => {
    // knex warns on the console of each pooled connection PostgreSQL ended.
    const knexWarnings = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const restore = await cutPostgres(casebook);
      try {
        const response = await casebook.http().get(HEALTH).expect(503);
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.body).toEqual({
          status: 'down',
          checks: { database: { status: 'down' }, redis: { status: 'not-configured' }, searchIndex: { status: 'unknown' } },
        });
        // Logged once when it starts failing, however often it is asked.
        await casebook.http().get(HEALTH).expect(503);
        expect(log.find('error', /health: the database is failing/)).toHaveLength(1);
      } finally {
        await restore();
      }
      await casebook.http().get(HEALTH).expect(200);
    } finally {
      knexWarnings.mockRestore();
    }
    expect(log.find('info', /health: the database answers again/)).toHaveLength(1);
  });
});

describe('with REDIS_URL pointing nowhere', () => {
  const PASSWORD = 'hunter2-not-for-logs';
  let casebook: Casebook;
  let log: LogCapture;
  beforeAll(async () => {
    log = captureLog();
    // LOG_LEVEL is the suite's `error`: the line must get through at that level.
    casebook = await bootCasebook({ env: { REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:1` }, onCreate: (strapi) => log.attach(strapi) });
  });
  afterAll(async () => casebook?.stop());

  test('the start logs an error naming REDIS_URL (and not its password)', () => {
    const errors = log.find('error', /REDIS_URL/);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/Redis \(REDIS_URL\) cannot be reached/);
    expect(JSON.stringify(log.entries)).not.toContain(PASSWORD);
  });

  test('health: Redis down since the start, degraded but 200 (votes are limited in this process meanwhile); nothing about the URL', async () => {
    const response = await casebook.http().get(HEALTH).expect(200);
    expect(response.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'down', since: expect.any(String) } } });
    expect(Date.parse(response.body.checks.redis.since)).not.toBeNaN();
    expect(response.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|hunter2|redis:/);
  });
});
