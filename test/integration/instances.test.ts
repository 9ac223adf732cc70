import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, testDatabaseClient, type TestDatabase } from '../support/database';
import { ROOT_DIR } from '../support/paths';
import { startCms, waitUntilServing, type CmsProcess } from '../support/process';
import { waitUntil } from '../support/wait';

/**
 * Casebook as a campaign runs it: several CMS processes behind a load balancer, on one PostgreSQL and one Redis,
 * started at the same moment on an empty database. Votes and reads are sent to them in turn.
 */
const describeOnPostgres = testDatabaseClient() === 'postgres' ? describe : describe.skip;

const INSTANCES = 2;
const VOTE_LIMIT = 30;
const VISITORS = 120;
const REQUESTS = 1200;
const IN_FLIGHT = 40;
const ADMIN = { email: 'instances@example.com', password: 'Instances2026' };
/** The longest a permission change made through one instance may take to reach the others (README, "Deployment"). */
const PERMISSION_BOUND_MS = 2000;

type Answer = { status: number; body: any };

describeOnPostgres(`${INSTANCES} instances on one PostgreSQL and one Redis`, () => {
  let database: TestDatabase;
  let instances: CmsProcess[] = [];
  let cases: string[] = [];

  const send = async (instance: number, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${instances[instance % INSTANCES]!.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  /** A visitor's request, from the address the proxy in front of the instances saw. */
  const fromVisitor = (visitor: number) => ({ 'x-forwarded-for': `198.51.100.${visitor % 250}, 10.0.${Math.floor(visitor / 250)}.${visitor % 250}` });

  const query = async <Row>(sql: string, values: unknown[] = []): Promise<Row[]> => {
    const client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as Row[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      ...database.env,
      REDIS_URL: 'redis://127.0.0.1:6379',
      // Rate-limit keys in Redis are hashed with the secret: a secret of this run's own keeps other runs' counts apart.
      CASEBOOK_SECRET: randomBytes(24).toString('hex'),
      CASEBOOK_VOTE_RATE_LIMIT: String(VOTE_LIMIT),
      CASEBOOK_VIEW_RATE_LIMIT: '1000',
      IS_PROXIED: 'true',
      CASEBOOK_SEED_DIR: path.join(ROOT_DIR, 'seeds', 'documents'),
      CASEBOOK_ADMIN_EMAIL: ADMIN.email,
      CASEBOOK_ADMIN_PASSWORD: ADMIN.password,
    };
    // All at once, on a database without a table.
    instances = await Promise.all(Array.from({ length: INSTANCES }, () => startCms(env)));
    await Promise.all(instances.map((instance) => waitUntilServing(instance)));
    const listed = await send(0, 'GET', '/api/cases?fields[0]=title&pagination[pageSize]=100');
    cases = listed.body.data.map((found: { documentId: string }) => found.documentId);
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
  });

  test('started together on an empty database: one schema, one admin, the seed imported once', async () => {
    const seeded = await query<{ title: string; copies: string }>(
      'select title, count(*) as copies from cases where published_at is not null group by title order by title',
    );
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.filter((row) => Number(row.copies) > 1)).toEqual([]);
    expect(cases).toHaveLength(seeded.length);
    expect(await query('select email from admin_users')).toEqual([{ email: ADMIN.email }]);
    const hospitals = await query<{ name: string; copies: string }>('select name, count(*) as copies from hospitals where published_at is not null group by name');
    expect(hospitals.filter((row) => Number(row.copies) > 1)).toEqual([]);
  });

  test('concurrent votes and reads split between the instances: no 5xx, and counters exactly equal to ballots and counted reads', async () => {
    // Each visitor votes or reads a few cases; many cases are asked for twice by the same visitor.
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
    const work = Array.from({ length: REQUESTS }, (_, index) => ({
      visitor: next() % VISITORS,
      documentId: cases[next() % cases.length]!,
      kind: next() % 2 === 0 ? ('votes' as const) : ('views' as const),
      instance: index,
    }));
    const answers: Array<Answer & { kind: 'votes' | 'views'; documentId: string }> = [];
    let cursor = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (cursor < work.length) {
          const item = work[cursor++]!;
          const answer = await send(item.instance, 'POST', `/api/casebook/cases/${item.documentId}/${item.kind}`, { voter: `visitor-${item.visitor}` }, fromVisitor(item.visitor));
          answers.push({ ...answer, kind: item.kind, documentId: item.documentId });
        }
      }),
    );

    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    expect(answers.filter((answer) => answer.status !== 200 && answer.status !== 429)).toEqual([]);

    const counted = (kind: 'votes' | 'views') => {
      const perCase = new Map<string, number>();
      for (const answer of answers) if (answer.kind === kind && answer.status === 200 && answer.body.data.counted) perCase.set(answer.documentId, (perCase.get(answer.documentId) ?? 0) + 1);
      return perCase;
    };
    const counters = new Map(
      (await query<{ document_id: string; votes: string; views: string }>('select document_id, votes, views from casebook_case_counters')).map((row) => [
        row.document_id,
        { votes: Number(row.votes), views: Number(row.views) },
      ]),
    );
    const ballots = new Map(
      (await query<{ document_id: string; n: string }>('select document_id, count(*) as n from casebook_ballots group by document_id')).map((row) => [row.document_id, Number(row.n)]),
    );
    const votes = counted('votes');
    const views = counted('views');
    expect(votes.size).toBeGreaterThan(0);
    for (const documentId of cases) {
      expect({ documentId, votes: counters.get(documentId)?.votes ?? 0 }).toEqual({ documentId, votes: ballots.get(documentId) ?? 0 });
      expect({ documentId, votes: counters.get(documentId)?.votes ?? 0 }).toEqual({ documentId, votes: votes.get(documentId) ?? 0 });
      expect({ documentId, views: counters.get(documentId)?.views ?? 0 }).toEqual({ documentId, views: views.get(documentId) ?? 0 });
    }
  });

  test(`one visitor's vote allowance (${VOTE_LIMIT} a minute) is shared by the instances`, async () => {
    const visitor = VISITORS + 1;
    const statuses: number[] = [];
    for (let request = 0; request < VOTE_LIMIT + 10; request += 1) {
      statuses.push((await send(request, 'POST', `/api/casebook/cases/${cases[request % cases.length]}/votes`, { voter: 'one-visitor' }, fromVisitor(visitor))).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(VOTE_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });

  test(`an editor stops voting through one instance: every other instance refuses votes within ${PERMISSION_BOUND_MS / 1000} s`, async () => {
    const login = await send(0, 'POST', '/admin/login', ADMIN);
    expect(login.status).toBe(200);
    const editor = { authorization: `Bearer ${login.body.data.token}` };
    // A new visitor each time: no allowance runs out while waiting.
    let visitor = VISITORS + 10;
    const votesOn = (instance: number, voter: string) => send(instance, 'POST', `/api/casebook/cases/${cases[0]}/votes`, { voter }, fromVisitor((visitor += 1)));

    /** Every instance but the first answers a vote with `status` within PERMISSION_BOUND_MS of now. */
    const othersAnswer = async (status: number, voter: string) => {
      const deadline = Date.now() + PERMISSION_BOUND_MS;
      for (let instance = 1; instance < INSTANCES; instance += 1) {
        let attempt = 0;
        await waitUntil(`instance ${instance} to answer votes with ${status}`, async () => (await votesOn(instance, `${voter}-${(attempt += 1)}`)).status === status, deadline - Date.now());
      }
    };

    expect((await send(0, 'PUT', '/casebook/voting', { open: false }, editor)).body.data).toEqual({ open: false });
    await othersAnswer(403, 'stopped');
    expect((await send(0, 'PUT', '/casebook/voting', { open: true }, editor)).body.data).toEqual({ open: true });
    await othersAnswer(200, 'reopened');
  });

  test('each instance reports itself ready: database, Redis and search index ok', async () => {
    for (let instance = 0; instance < INSTANCES; instance += 1) {
      const health = await send(instance, 'GET', '/api/casebook/health');
      expect({ status: health.status, body: health.body.status, redis: health.body.checks.redis.status, index: health.body.checks.searchIndex.status }).toEqual({
        status: 200,
        body: 'ok',
        redis: 'ok',
        index: 'ok',
      });
    }
  });

  test('the logs show no error', () => {
    for (const instance of instances) expect(instance.output()).not.toMatch(/\berror\b/i);
  });
});
