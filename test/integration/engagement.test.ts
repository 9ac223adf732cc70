import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { recordQueries } from '../support/queries';
import { bootCasebook, type Casebook } from '../support/strapi';

const ADMIN = { CASEBOOK_ADMIN_EMAIL: 'votes@example.com', CASEBOOK_ADMIN_PASSWORD: 'Votes20241125' };
const CASES = 20;
const VOTERS = 200;
const REQUESTS = 2000;

let casebook: Casebook;
let world: Showcase;
let cases: string[];
let origin: string;

const engagement = () => casebook.strapi.plugin('casebook').service('engagement');
const setClock = (iso: string) => engagement().useClock(() => new Date(iso));

/** A deterministic stream of (voter, case) picks with plenty of repeats. */
const picks = (seed: number) => {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: REQUESTS }, () => ({ voter: `visitor-${next() % VOTERS}`, documentId: cases[next() % CASES]! }));
};

/** POSTs over real sockets (a keep-alive pool of 100), all at once. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = http.request(`${origin}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });

const VOTE = `mutation Vote($documentId: ID!, $voter: String!) { voteCase(documentId: $documentId, voter: $voter) { counted votes reason } }`;
const vote = (documentId: string, voter: string, headers: Record<string, string> = {}) => casebook.graphql(VOTE, { documentId, voter }, headers);

const counters = async () => {
  const rows: Array<{ document_id: string; votes: number; views: number }> = await casebook.strapi.db.connection('casebook_case_counters').select();
  return new Map(rows.map((row) => [row.document_id, { votes: Number(row.votes), views: Number(row.views) }]));
};

const distinctPairs = (requests: Array<{ voter: string; documentId: string }>) => {
  const perCase = new Map<string, Set<string>>();
  for (const { voter, documentId } of requests) perCase.set(documentId, (perCase.get(documentId) ?? new Set()).add(voter));
  return perCase;
};

beforeAll(async () => {
  casebook = await bootCasebook({ env: { ...ADMIN, CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  world = await seedShowcase(casebook.strapi);
  cases = [];
  for (let index = 0; index < CASES; index += 1) {
    const created = await casebook.strapi.documents('api::case.case').create({ data: { title: `投票案例${index + 1}`, campaign: world.campaign.documentId } });
    await casebook.strapi.documents('api::case.case').publish({ documentId: created.documentId });
    cases.push(created.documentId);
  }
  const server = casebook.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.destroy();
  await casebook?.stop();
});

afterEach(() => engagement().useClock(() => new Date()));

describe('under load', () => {
  test(`${REQUESTS} concurrent votes of ${VOTERS} voters over ${CASES} cases: every counter equals its distinct ballots`, async () => {
    setClock('2026-11-25T04:00:00Z');
    const requests = picks(7);
    const answers = await Promise.all(requests.map((pick) => post('/graphql', { query: VOTE, variables: pick })));
    expect(answers.every((answer) => answer.status === 200 && !answer.body.errors)).toBe(true);

    const expected = distinctPairs(requests);
    const counted = answers.filter((answer) => answer.body.data.voteCase.counted).length;
    const total = [...expected.values()].reduce((sum, voters) => sum + voters.size, 0);
    expect(total).toBeLessThan(REQUESTS);
    expect(counted).toBe(total);

    const stored = await counters();
    for (const documentId of cases) expect(stored.get(documentId)?.votes ?? 0).toBe(expected.get(documentId)?.size ?? 0);
    const [{ ballots }] = await casebook.strapi.db.connection('casebook_ballots').count({ ballots: '*' });
    expect(Number(ballots)).toBe(total);
    // Refusals said so, with the total at that moment.
    for (const documentId of cases) {
      const seen = answers.filter((answer, index) => requests[index]!.documentId === documentId && answer.body.data.voteCase.counted).map((answer) => answer.body.data.voteCase.votes as number);
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: expected.get(documentId)?.size ?? 0 }, (_, index) => index + 1));
    }
    const refused = answers.filter((answer) => !answer.body.data.voteCase.counted);
    expect(refused.every((answer) => answer.body.data.voteCase.reason === 'already_voted')).toBe(true);
  });

  test(`${REQUESTS} concurrent reads over REST: every counter equals its distinct readers in the window`, async () => {
    setClock('2026-11-25T05:00:00Z');
    const requests = picks(11);
    const answers = await Promise.all(requests.map(({ voter, documentId }) => post(`/api/casebook/cases/${documentId}/views`, { voter })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);

    const expected = distinctPairs(requests);
    const stored = await counters();
    for (const documentId of cases) expect(stored.get(documentId)?.views ?? 0).toBe(expected.get(documentId)?.size ?? 0);
    expect(answers.filter((answer) => answer.body.data.counted).length).toBe([...expected.values()].reduce((sum, voters) => sum + voters.size, 0));
    // Each counted read saw a total of its own: a case's counted answers are exactly 1, 2, … n.
    for (const documentId of cases) {
      const seen = answers.filter((answer, index) => requests[index]!.documentId === documentId && answer.body.data.counted).map((answer) => answer.body.data.views as number);
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: expected.get(documentId)?.size ?? 0 }, (_, index) => index + 1));
    }
  });
});

describe('the vote rules', () => {
  test('one vote per voter and case a day, the day of Asia/Shanghai', async () => {
    const documentId = cases[0]!;
    const before = (await counters()).get(documentId)?.votes ?? 0;
    setClock('2026-11-26T15:58:00Z'); // 23:58 in Beijing
    expect((await vote(documentId, 'day-voter')).data.voteCase).toEqual({ counted: true, votes: before + 1, reason: null });
    setClock('2026-11-26T15:59:00Z');
    expect((await vote(documentId, 'day-voter')).data.voteCase).toEqual({ counted: false, votes: before + 1, reason: 'already_voted' });
    setClock('2026-11-26T16:01:00Z'); // 00:01 the next day in Beijing
    expect((await vote(documentId, 'day-voter')).data.voteCase).toEqual({ counted: true, votes: before + 2, reason: null });
  });

  test('the voter key is the voter with the client address, hashed with the secret: no raw id or address is stored', async () => {
    setClock('2026-11-27T02:00:00Z');
    await vote(cases[1]!, 'raw-voter-id');
    const rows: Array<Record<string, unknown>> = await casebook.strapi.db.connection('casebook_ballots').select();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('raw-voter-id');
    expect(text).not.toContain('127.0.0.1');
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(String(row.voter_key)))).toBe(true);
  });

  test('a campaign out of its voting stage refuses votes, still counts reads', async () => {
    const documentId = cases[2]!;
    await casebook.strapi.documents('api::campaign.campaign').update({ documentId: world.campaign.documentId, data: { stage: 'showcase' } });
    try {
      const before = (await counters()).get(documentId)?.votes ?? 0;
      expect((await vote(documentId, 'late-voter')).data.voteCase).toEqual({ counted: false, votes: before, reason: 'voting_closed' });
      const read = await casebook.http().post(`/api/casebook/cases/${documentId}/views`).send({ voter: 'late-reader' }).expect(200);
      expect(read.body.data.counted).toBe(true);
    } finally {
      await casebook.strapi.documents('api::campaign.campaign').update({ documentId: world.campaign.documentId, data: { stage: 'voting' } });
    }
  });

  test('a draft cannot be voted for nor read', async () => {
    const response = await vote(world.draft.case.documentId, 'draft-voter');
    expect(response.errors?.[0]?.extensions?.code).toBe('STRAPI_NOT_FOUND_ERROR');
    await casebook.http().post(`/api/casebook/cases/${world.draft.case.documentId}/votes`).send({ voter: 'draft-voter' }).expect(404);
    await casebook.http().post(`/api/casebook/cases/${world.draft.case.documentId}/views`).send({}).expect(404);
    expect((await counters()).has(world.draft.case.documentId)).toBe(false);
  });

  test('aliases cannot multiply votes: a request with two vote mutations counts none', async () => {
    const documentId = cases[3]!;
    const before = (await counters()).get(documentId)?.votes ?? 0;
    const flood = await casebook.graphql(
      `mutation { a: voteCase(documentId: "${documentId}", voter: "a") { counted } b: voteCase(documentId: "${documentId}", voter: "b") { counted } }`,
    );
    // The first refusal nulls the mutation's data, which ends its serial execution.
    expect(flood.data).toBeNull();
    expect(flood.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const viaFragment = await casebook.graphql(
      `mutation { ...Votes } fragment Votes on Mutation { a: voteCase(documentId: "${documentId}", voter: "c") { counted } r: recordCaseView(documentId: "${documentId}") { counted } }`,
    );
    expect(viaFragment.errors?.[0]?.message).toMatch(/One vote or read per request/);
    expect((await counters()).get(documentId)?.votes ?? 0).toBe(before);
  });

  test('batched operations are refused', async () => {
    const response = await casebook.http().post('/graphql').send([
      { query: VOTE, variables: { documentId: cases[3], voter: 'batch-1' } },
      { query: VOTE, variables: { documentId: cases[3], voter: 'batch-2' } },
    ]);
    expect(response.status).toBe(400);
  });

  test('a retry with the same Idempotency-Key gets the first answer and counts once', async () => {
    setClock('2026-11-28T02:00:00Z');
    const documentId = cases[4]!;
    const key = { 'Idempotency-Key': 'retry-7c1d' };
    const first = await vote(documentId, 'retrying-voter', key);
    expect(first.data.voteCase.counted).toBe(true);
    const retry = await vote(documentId, 'retrying-voter', key);
    expect(retry.data.voteCase).toEqual(first.data.voteCase);
    const rest = await casebook.http().post(`/api/casebook/cases/${documentId}/votes`).set(key).send({ voter: 'retrying-voter' }).expect(200);
    expect(rest.body.data).toEqual(first.data.voteCase);
    // Without the key the same vote is a second attempt the same day.
    expect((await vote(documentId, 'retrying-voter')).data.voteCase.reason).toBe('already_voted');
    // The key names one vote: reusing it for another case is a mistake said out loud.
    const misuse = await casebook.http().post(`/api/casebook/cases/${cases[5]}/votes`).set(key).send({ voter: 'retrying-voter' });
    expect(misuse.status).toBe(400);
    expect(misuse.body.error.message).toMatch(/Idempotency-Key/);
  });

  test('a vote needs a voter', async () => {
    await casebook.http().post(`/api/casebook/cases/${cases[0]}/votes`).send({}).expect(400);
    const response = await vote(cases[0]!, '');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('reads of one voter within 30 minutes count once', async () => {
    const documentId = cases[6]!;
    const read = (voter?: string) => casebook.graphql(`mutation($d: ID!, $v: String) { recordCaseView(documentId: $d, voter: $v) { counted views } }`, { d: documentId, v: voter });
    setClock('2026-11-29T02:00:00Z');
    const first = (await read('reader')).data.recordCaseView;
    expect(first.counted).toBe(true);
    setClock('2026-11-29T02:29:00Z');
    expect((await read('reader')).data.recordCaseView).toEqual({ counted: false, views: first.views });
    expect((await read('other-reader')).data.recordCaseView).toEqual({ counted: true, views: first.views + 1 });
    setClock('2026-11-29T02:30:00Z');
    expect((await read('reader')).data.recordCaseView).toEqual({ counted: true, views: first.views + 2 });
    // Without a voter id, the address is the reader.
    expect((await read()).data.recordCaseView.counted).toBe(true);
    expect((await read()).data.recordCaseView.counted).toBe(false);
  });
});

describe('permissions', () => {
  test('the Public role governs votes and reads, over REST and GraphQL alike', async () => {
    const permissions = casebook.strapi.db.query('plugin::users-permissions.permission');
    const role = await casebook.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const read = () => casebook.http().post(`/api/casebook/cases/${cases[9]}/views`).send({ voter: 'permitted-reader' });
    await read().expect(200);
    await permissions.delete({ where: { action: 'plugin::casebook.engagement.view', role: role.id } });
    try {
      await read().expect(403);
      const refused = await casebook.graphql(`mutation { recordCaseView(documentId: "${cases[9]}") { counted } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // Votes keep their own permission.
      await casebook.http().post(`/api/casebook/cases/${cases[9]}/votes`).send({ voter: 'permitted-voter' }).expect(200);
    } finally {
      await permissions.create({ data: { action: 'plugin::casebook.engagement.view', role: role.id } });
    }
    await read().expect(200);
  });
});

describe('counters and publishing', () => {
  test('publish, unpublish, republish and draft edits leave the counters alone', async () => {
    const documentId = cases[7]!;
    setClock('2026-11-30T02:00:00Z');
    await vote(documentId, 'loyal-voter');
    await casebook.http().post(`/api/casebook/cases/${documentId}/views`).send({ voter: 'loyal-voter' }).expect(200);
    const before = (await counters()).get(documentId);
    expect(before!.votes).toBeGreaterThan(0);

    const documents = casebook.strapi.documents('api::case.case');
    await documents.unpublish({ documentId });
    expect((await vote(documentId, 'voter-while-unpublished')).errors?.[0]?.extensions?.code).toBe('STRAPI_NOT_FOUND_ERROR');
    await documents.update({ documentId, data: { title: '投票案例8（修订）' } });
    await documents.publish({ documentId });
    await documents.update({ documentId, data: { summary: '草稿里的新摘要' } });
    expect((await counters()).get(documentId)).toEqual(before);

    const detail = await casebook.graphql(`query($d: ID!) { caseDetail(documentId: $d) { votes views } }`, { d: documentId });
    expect(detail.data.caseDetail).toEqual(before);
  });
});

describe('reading the counters', () => {
  test('Case.votes and Case.views come in one query for a whole page, and equal the REST counters', async () => {
    const { result, queries } = await recordQueries(casebook.strapi, () => casebook.graphql(`{ caseList(pageSize: 25) { nodes { documentId votes views } } }`));
    expect(queries.filter((sql) => sql.includes('casebook_case_counters'))).toHaveLength(1);
    const nodes: Array<{ documentId: string; votes: number; views: number }> = result.data.caseList.nodes;
    const rest = await casebook.http().get(`/api/casebook/counters?documentIds=${nodes.map((node) => node.documentId).join(',')}`).expect(200);
    expect(rest.body.data.map(({ documentId, votes, views }: { documentId: string; votes: number; views: number }) => ({ documentId, votes, views }))).toEqual(nodes);
  });

  test('the ranking orders by votes, a tie going to the case that reached its count first', async () => {
    // Two fresh cases in a campaign of their own, tied at two votes: B reaches two first.
    const campaign = await casebook.strapi.documents('api::campaign.campaign').create({ data: { name: '排名测试活动', year: 2026, stage: 'voting' } });
    const make = async (title: string) => {
      const created = await casebook.strapi.documents('api::case.case').create({ data: { title, campaign: campaign.documentId } });
      await casebook.strapi.documents('api::case.case').publish({ documentId: created.documentId });
      return created.documentId;
    };
    const [a, b, c] = [await make('排名甲'), await make('排名乙'), await make('排名丙')];
    const at = async (iso: string, documentId: string, voter: string) => {
      setClock(iso);
      expect((await vote(documentId, voter)).data.voteCase.counted).toBe(true);
    };
    await at('2026-12-01T02:00:00Z', a, 'r1');
    await at('2026-12-01T02:01:00Z', b, 'r1');
    await at('2026-12-01T02:03:00Z', b, 'r2');
    await at('2026-12-01T02:05:00Z', a, 'r2');
    await at('2026-12-01T02:06:00Z', c, 'r1');

    const ranking = await casebook.graphql(`query($c: ID) { caseRanking(campaign: $c, limit: 10) { title votes } }`, { c: campaign.slug });
    expect(ranking.data.caseRanking).toEqual([
      { title: '排名乙', votes: 2 },
      { title: '排名甲', votes: 2 },
      { title: '排名丙', votes: 1 },
    ]);
    const rest = await casebook.http().get(`/api/casebook/ranking?campaign=${campaign.documentId}&limit=2`).expect(200);
    expect(rest.body.data.map((row: { title: string; votes: number }) => [row.title, row.votes])).toEqual([
      ['排名乙', 2],
      ['排名甲', 2],
    ]);
    expect(rest.body.data[0]).not.toHaveProperty('body');

    const tooMany = await casebook.graphql(`{ caseRanking(limit: 1000) { title } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the admin exports', () => {
  let token: string;
  beforeAll(async () => {
    const login = await casebook.http().post('/admin/login').send({ email: ADMIN.CASEBOOK_ADMIN_EMAIL, password: ADMIN.CASEBOOK_ADMIN_PASSWORD }).expect(200);
    token = login.body.data.token;
  });

  test('need an admin session', async () => {
    await casebook.http().get(`/casebook/campaigns/${world.campaign.documentId}/ballots.csv`).expect(401);
  });

  test("a campaign's ballots as CSV, one row per ballot", async () => {
    const response = await casebook.http().get(`/casebook/campaigns/${world.campaign.documentId}/ballots.csv`).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/csv/);
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(world.campaign.name)}`);
    const lines = (response.body as string).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('投票时间 (北京时间),案例 documentId,案例标题,投票人密钥,计票周期');
    const [{ ballots }] = await casebook.strapi.db.connection('casebook_ballots').where('campaign_id', world.campaign.documentId).count({ ballots: '*' });
    expect(lines).toHaveLength(Number(ballots) + 1);
    expect(lines[1]).toMatch(/^2026-11-25T12:00:00.000\+08:00,\w+,投票案例\d+,[0-9a-f]{64},day:2026-11-25$/);
  });

  test("a campaign's ranking as CSV equals the public ranking", async () => {
    const response = await casebook.http().get(`/casebook/campaigns/${world.campaign.slug}/ranking.csv`).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    expect(response.status).toBe(200);
    const lines = (response.body as string).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('名次,案例 documentId,案例标题,医院,投票数,阅读数,最后投票时间 (北京时间)');
    const ranking = await casebook.graphql(`query($c: ID) { caseRanking(campaign: $c, limit: 100) { documentId votes } }`, { c: world.campaign.documentId });
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 5).filter((_, index) => index !== 2 && index !== 3))).toEqual(
      ranking.data.caseRanking.map((row: { documentId: string; votes: number }, index: number) => [String(index + 1), row.documentId, String(row.votes)]),
    );
  });

  test('the case list counters for the admin columns', async () => {
    const response = await casebook.http().get(`/casebook/counters?documentIds=${cases[0]},${cases[1]}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([cases[0], cases[1]]);
    expect(response.body.data[0].votes).toBeGreaterThan(0);
  });
});
