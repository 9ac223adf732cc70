/**
 * npm run bench:api: the showcase API against Strapi's own ways of answering the same page, on one
 * deterministic data set (10,000 published cases, 2,000 hospitals, 30,000 initiatives, 50,000 metrics):
 *
 *   casebook list / detail / search   our GraphQL queries, relations batched
 *   built-in GraphQL (unbatched)      Strapi's `cases` query with CASEBOOK_GRAPHQL_BATCHING=false
 *   REST populate                     GET /api/cases?populate[hospital]…
 *   raw SQL lower bound               a bare node:http server running the same five statements
 *
 * Each runs in its own boot of the CMS, under autocannon in a child process (bench/load.mjs; 10 connections,
 * BENCH_SECONDS each). SQLite by default; BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { COUNTS, SECONDS, boot, machine, measure, runBenchmark, seed } from './support.mjs';

const require = createRequire(import.meta.url);
const PAGES = 50;

// ---------------------------------------------------------------------------------------------
const CASE_FIELDS = 'documentId title slug hospital { name province } initiatives(pagination: { limit: 100 }) { name } metrics(pagination: { limit: 100 }) { label value unit }';
const pages = Array.from({ length: PAGES }, (_, index) => index + 1);
const graphql = (query, variables) => JSON.stringify({ query, variables });

/** The raw lower bound: the same page as caseList in five statements, answered by a bare HTTP server. */
const rawServer = (knex) =>
  http.createServer(async (request, response) => {
    const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? 1);
    // The same SQL as caseList: the page cut on the case index, then its case rows; the total on the index.
    const page25 = knex('casebook_case_index as s').select({ case_id: 's.case_id', published_on: 's.published_on' }).orderBy('s.published_on', 'desc').orderBy('s.case_id', 'desc').limit(25).offset((page - 1) * 25);
    const [rows, [{ total }]] = await Promise.all([
      knex.from(page25.as('p')).join('cases as c', 'c.id', 'p.case_id').select('c.id', 'c.document_id', 'c.title', 'c.slug').orderBy('p.published_on', 'desc').orderBy('p.case_id', 'desc'),
      knex('casebook_case_index').count({ total: '*' }),
    ]);
    const ids = rows.map((row) => row.id);
    const group = (list, key) => list.reduce((map, row) => map.set(row[key], [...(map.get(row[key]) ?? []), row]), new Map());
    const [hospitals, initiatives, metrics] = await Promise.all([
      knex('hospitals as t').join('cases_hospital_lnk as j', 'j.hospital_id', 't.id').whereIn('j.case_id', ids).select('j.case_id', 't.name', 't.province'),
      knex('initiatives as t').join('initiatives_case_lnk as j', 'j.initiative_id', 't.id').whereIn('j.case_id', ids).orderBy(['j.case_id', 'j.initiative_ord']).select('j.case_id', 't.name'),
      knex('metrics as t').join('metrics_case_lnk as j', 'j.metric_id', 't.id').whereIn('j.case_id', ids).orderBy(['j.case_id', 'j.metric_ord']).select('j.case_id', 't.label', 't.value', 't.unit'),
    ]);
    const [byHospital, byInitiative, byMetric] = [group(hospitals, 'case_id'), group(initiatives, 'case_id'), group(metrics, 'case_id')];
    const nodes = rows.map((row) => ({
      documentId: row.document_id, title: row.title, slug: row.slug,
      hospital: byHospital.get(row.id)?.map(({ name, province }) => ({ name, province }))[0] ?? null,
      initiatives: (byInitiative.get(row.id) ?? []).map(({ name }) => ({ name })),
      metrics: (byMetric.get(row.id) ?? []).map(({ label, value, unit }) => ({ label, value: Number(value), unit })),
    }));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: { caseList: { nodes, pageInfo: { total: Number(total) } } } }));
  });

runBenchmark(async (db) => {
  const results = [];
  const started = process.hrtime.bigint();
  let { strapi } = await boot(db.env);
  const indexed = await seed(strapi);
  const seeding = Number(process.hrtime.bigint() - started) / 1e9;
  await strapi.destroy();

  ({ strapi } = await boot(db.env));
  const knex = strapi.db.connection;
  const cms = { knex, server: strapi.server.httpServer };
  const ids = (await knex('cases').whereNotNull('published_at').orderBy('id').limit(100).select('document_id')).map((row) => row.document_id);
  results.push(await measure('casebook list (GraphQL)', cms, {
    bodies: pages.map((page) => graphql(`query ($page: Int) { caseList(pageSize: 25, page: $page) { nodes { ${CASE_FIELDS} } pageInfo { total } } }`, { page })),
  }));
  results.push(await measure('casebook detail (GraphQL)', cms, { bodies: ids.map((id) => graphql(`query ($id: ID) { caseDetail(documentId: $id) { ${CASE_FIELDS} } }`, { id })) }));
  for (const [query, share] of [['党校', 'about 1 case in 5'], ['党建', 'every case']]) {
    results.push(await measure(`casebook search ${query}, in ${share} (GraphQL)`, cms, {
      bodies: pages.slice(0, 10).map((page) => graphql(`query ($page: Int) { caseSearch(query: "${query}", page: $page, pageSize: 25) { nodes { score snippet { text } case { ${CASE_FIELDS} } } pageInfo { total } } }`, { page })),
    }));
  }
  results.push(await measure('REST populate', cms, {
    paths: pages.map((page) => `/api/cases?pagination[pageSize]=25&pagination[page]=${page}&populate[hospital]=true&populate[initiatives]=true&populate[metrics]=true&sort=publishedAt:desc`),
  }));
  await strapi.destroy();

  ({ strapi } = await boot({ ...db.env, CASEBOOK_GRAPHQL_BATCHING: 'false' }));
  results.push(await measure('built-in GraphQL, unbatched', { knex: strapi.db.connection, server: strapi.server.httpServer }, {
    bodies: pages.map((page) =>
      graphql(`query ($page: Int) { cases(pagination: { page: $page, pageSize: 25 }, sort: "publishedAt:desc") { ${CASE_FIELDS} } cases_connection(pagination: { page: $page, pageSize: 25 }) { pageInfo { total } } }`, { page }),
    ),
  }));
  await strapi.destroy();

  // The lower bound reads the same database through its own knex, with Strapi stopped.
  const knexRaw = require('knex')(
    db.env.DATABASE_CLIENT === 'sqlite'
      ? { client: 'better-sqlite3', connection: { filename: db.env.DATABASE_FILENAME }, useNullAsDefault: true }
      : { client: 'pg', connection: db.env.DATABASE_URL, pool: { min: 0, max: 10 } },
  );
  const server = rawServer(knexRaw);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  results.push(await measure('raw SQL lower bound (node:http)', { knex: knexRaw, server }, { paths: pages.map((page) => `/?page=${page}`) }));
  await new Promise((resolve) => server.close(resolve));
  await knexRaw.destroy();

  const ours = results[0].rps;
  const builtIn = results.find((row) => row.label.startsWith('built-in')).rps;
  const rest = results.find((row) => row.label === 'REST populate').rps;
  console.log(`\n${machine(db)}`);
  console.log(`data: ${COUNTS.cases} published cases (${indexed} indexed), ${COUNTS.hospitals} hospitals, ${COUNTS.cases * COUNTS.initiativesPerCase} initiatives, ${COUNTS.cases * COUNTS.metricsPerCase} metrics; seeded in ${seeding.toFixed(1)} s`);
  console.log(`load: autocannon, 10 connections, ${SECONDS} s per scenario, pages of 25 with hospital, initiatives and metrics\n`);
  console.log('| scenario | requests/s | p50 ms | p99 ms | SQL queries/request | × built-in GraphQL | × REST populate |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of results) {
    console.log(`| ${row.label} | ${row.rps.toFixed(1)} | ${row.p50} | ${row.p99} | ${row.queriesPerRequest.toFixed(1)} | ${(row.rps / builtIn).toFixed(2)} | ${(row.rps / rest).toFixed(2)} |`);
  }
  console.log(`\ntarget: list ≥ 3× built-in GraphQL: ${(ours / builtIn).toFixed(2)}× (${ours / builtIn >= 3 ? 'met' : 'not met'})`);
  console.log(`target: list ≥ 1.5× REST populate: ${(ours / rest).toFixed(2)}× (${ours / rest >= 1.5 ? 'met' : 'not met'})`);
});
