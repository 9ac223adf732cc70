/**
 * npm run bench:votes: how many votes and reads a second the CMS accepts, with 50 concurrent clients, and what
 * the voting centre's ranking costs at 10,000 cases and 1,000,000 ballots; on the benchmarks' deterministic
 * data set (bench/support.mjs), SQLite by default, PostgreSQL with BENCH_DATABASE_URL=postgres://….
 *
 * Every vote and read comes from a voter of its own, so every one counts. Baselines in the same run: the
 * health check (the HTTP floor) and a read of the counters through the same route, auth and database.
 * After each write scenario the counters are checked against the rows written with them (ballots, read
 * marks) in the same transactions: "lost" is how many increments are missing; it must be 0.
 */
import { COUNTS, SECONDS, boot, machine, measure, runBenchmark, seed, useConnections } from './support.mjs';

const CONNECTIONS = 50;
const BALLOTS = 1_000_000;
const RANKING_RUNS = 200;

/** Sums of the counters and the rows written with them. */
const totals = async (knex) => {
  const [[counters], [ballots], [marks]] = await Promise.all([
    knex('casebook_case_counters').sum({ votes: 'votes', views: 'views' }),
    knex('casebook_ballots').count({ n: '*' }),
    knex('casebook_view_marks').count({ n: '*' }),
  ]);
  return { votes: Number(counters.votes ?? 0), views: Number(counters.views ?? 0), ballots: Number(ballots.n), marks: Number(marks.n) };
};

/**
 * 1,000,000 ballots over the cases, skewed as votes are (a few cases draw most of them), and the counters
 * that go with them, written in bulk.
 */
const seedBallots = async (knex, documentIds, campaignOf) => {
  let state = 20261125;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const votes = new Map();
  const start = Date.UTC(2026, 10, 1);
  await knex.transaction(async (trx) => {
    for (let offset = 0; offset < BALLOTS; offset += 400) {
      const rows = [];
      for (let index = offset; index < Math.min(offset + 400, BALLOTS); index += 1) {
        const documentId = documentIds[Math.floor(documentIds.length * random() ** 3)];
        const castAt = start + index * 1000;
        votes.set(documentId, { votes: (votes.get(documentId)?.votes ?? 0) + 1, voted_at: castAt });
        rows.push({ voter_key: `seed${index.toString(16).padStart(60, '0')}`, document_id: documentId, period: 'day:2026-11-01', campaign_id: campaignOf.get(documentId) ?? null, cast_at: castAt });
      }
      await trx('casebook_ballots').insert(rows);
    }
    const counters = [...votes].map(([document_id, counted]) => ({ document_id, views: 0, ...counted }));
    for (let offset = 0; offset < counters.length; offset += 400) await trx("casebook_case_counters").insert(counters.slice(offset, offset + 400));
  });
  await knex.raw('analyze');
};

runBenchmark(async (db) => {
  const rows = [];
  let { strapi } = await boot(db.env);
  await seed(strapi);
  await strapi.destroy();

  ({ strapi } = await boot({ ...db.env, CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' }));
  const knex = strapi.db.connection;
  const cms = { knex, server: strapi.server.httpServer };
  const published = await knex('cases as c')
    .join('cases_campaign_lnk as l', 'l.case_id', 'c.id')
    .join('campaigns as g', 'g.id', 'l.campaign_id')
    .whereNotNull('c.published_at')
    .orderBy('c.id')
    .select({ documentId: 'c.document_id', campaign: 'g.document_id' });
  const ids = published.slice(0, 1000).map((row) => row.documentId);
  const paths = (suffix) => ids.map((id) => `/api/casebook/cases/${id}/${suffix}`);

  useConnections(CONNECTIONS);
  const write = async (label, kind, request) => {
    const before = await totals(knex);
    const result = await measure(label, cms, { unique: true, ...request });
    const after = await totals(knex);
    const counted = after[kind] - before[kind];
    const written = kind === 'votes' ? after.ballots - before.ballots : after.marks - before.marks;
    rows.push({ ...result, counted, lost: written - counted });
  };
  rows.push(await measure('health check (HTTP floor)', cms, { paths: ['/_health'] }));
  rows.push(await measure('counters read, REST (baseline)', cms, { paths: ids.map((id) => `/api/casebook/counters?documentIds=${id}`) }));
  await write('views, REST', 'views', { paths: paths('views'), bodies: ['{"voter":"reader-__N__"}'] });
  await write('views, GraphQL', 'views', {
    bodies: ids.map((id) => JSON.stringify({ query: `mutation { recordCaseView(documentId: "${id}", voter: "gql-reader-__N__") { counted views } }` })),
  });
  await write('votes, REST', 'votes', { paths: paths('votes'), bodies: ['{"voter":"voter-__N__"}'] });
  await write('votes, GraphQL', 'votes', {
    bodies: ids.map((id) => JSON.stringify({ query: `mutation { voteCase(documentId: "${id}", voter: "gql-voter-__N__") { counted votes } }` })),
  });

  // The voting centre at 1,000,000 ballots.
  await knex('casebook_ballots').delete();
  await knex('casebook_case_counters').delete();
  const seeding = process.hrtime.bigint();
  await seedBallots(knex, published.map((row) => row.documentId), new Map(published.map((row) => [row.documentId, row.campaign])));
  const ballotSeconds = Number(process.hrtime.bigint() - seeding) / 1e9;
  const [campaign] = await knex('campaigns').orderBy('id').limit(1).select('document_id');
  const showcase = strapi.plugin('casebook').service('showcase');
  const time = async (work) => {
    const times = [];
    for (let run = 0; run < RANKING_RUNS; run += 1) {
      const started = process.hrtime.bigint();
      await work();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  const rankingMs = await time(() => showcase.ranking({ campaign: campaign.document_id, limit: 10 }, { withBody: false }));
  const newestMs = await time(() => showcase.listCases({ campaign: campaign.document_id }, 'NEWEST', { pageSize: 10 }, { withBody: false }));
  useConnections(10);
  const fields = 'documentId title votes views hospital { name }';
  rows.push(await measure('ranking, GraphQL (top 10 of a campaign)', cms, { bodies: [JSON.stringify({ query: `{ caseRanking(campaign: "${campaign.document_id}", limit: 10) { ${fields} } }` })] }));
  rows.push(await measure('newest 10 of a campaign, GraphQL (baseline)', cms, { bodies: [JSON.stringify({ query: `{ caseList(filter: { campaign: "${campaign.document_id}" }, pageSize: 10) { nodes { ${fields} } } }` })] }));
  await strapi.destroy();

  const floor = rows[0].rps;
  const read = rows[1].rps;
  console.log(`\n${machine(db)}`);
  console.log(`data: ${COUNTS.cases} published cases; load: autocannon, ${CONNECTIONS} connections for votes and views (10 for the ranking), ${SECONDS} s per scenario\n`);
  console.log('| scenario | requests/s | p50 ms | p99 ms | SQL/request | × health check | × counters read | counted | lost |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${row.rps.toFixed(1)} | ${row.p50} | ${row.p99} | ${row.queriesPerRequest.toFixed(1)} | ${(row.rps / floor).toFixed(3)} | ${(row.rps / read).toFixed(2)} | ${row.counted ?? ''} | ${row.lost ?? ''} |`,
    );
  }
  console.log(`\nranking at ${BALLOTS.toLocaleString('en')} ballots (seeded in ${ballotSeconds.toFixed(1)} s), median of ${RANKING_RUNS} service calls: ${rankingMs.toFixed(2)} ms; newest 10 of the same campaign: ${newestMs.toFixed(2)} ms (${(rankingMs / newestMs).toFixed(2)}×)`);
  const views = rows.find((row) => row.label === 'views, REST');
  const target = db.name === 'SQLite' ? ` (target on SQLite: at least 1,000/s, none lost: ${views.rps >= 1000 && views.lost === 0 ? 'met' : 'not met'})` : '';
  console.log(`reads over REST: ${views.rps.toFixed(0)}/s, ${views.lost} lost${target}`);
  if (rows.some((row) => row.lost)) throw new Error('increments were lost');
});
