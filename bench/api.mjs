/**
 * npm run bench:api: the showcase API against Strapi's own ways of answering the same page, on one
 * deterministic data set (10,000 published cases, 2,000 hospitals, 30,000 initiatives, 50,000 metrics):
 *
 *   casebook list / detail / search   our GraphQL queries, relations batched
 *   built-in GraphQL (unbatched)      Strapi's `cases` query with CASEBOOK_GRAPHQL_BATCHING=false
 *   REST populate                     GET /api/cases?populate[hospital]…
 *   raw SQL lower bound               a bare node:http server running the same five statements
 *
 * Each runs in its own boot of the CMS, under autocannon in a child process (10 connections,
 * BENCH_SECONDS each). SQLite by default; BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const COUNTS = { hospitals: 2000, cases: 10000, initiativesPerCase: 3, metricsPerCase: 5, themes: 10, campaigns: 3 };
const PAGES = 50;

// ---------------------------------------------------------------------------------------------
// The load generator: `node bench/api.mjs --load <json>` runs autocannon and prints its result.
if (process.argv[2] === '--load') {
  const autocannon = require('autocannon');
  const { url, method, bodies, paths } = JSON.parse(process.argv[3]);
  let turn = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    // A slow scenario queues requests for seconds: count them late rather than as errors.
    timeout: 120,
    requests: [
      {
        method,
        headers: { 'content-type': 'application/json' },
        // Vary the page, case or query request by request, in a fixed order.
        setupRequest: (request) => {
          turn += 1;
          return bodies ? { ...request, body: bodies[turn % bodies.length] } : { ...request, path: paths[turn % paths.length] };
        },
      },
    ],
  });
  process.send({ requests: result.requests.total, sent: result.requests.sent, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors });
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Deterministic data.
const mulberry32 = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = mulberry32(20261125);
const pick = (list) => list[Math.floor(random() * list.length)];
const documentId = () => Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');

const PROVINCES = ['beijing', 'shanghai', 'sichuan', 'shaanxi', 'guangdong', 'zhejiang', 'jiangsu', 'shandong', 'hubei', 'chongqing', 'heilongjiang', 'fujian'];
const CITIES = ['成都', '西安', '广州', '杭州', '南京', '济南', '武汉', '重庆', '哈尔滨', '福州', '北京', '上海'];
const CATEGORIES = ['general', 'tcm', 'integrated', 'children', 'maternal_child', 'specialty', 'group', 'primary_care'];
const PLACES = ['成都市', '西安市', '广州市', '杭州市', '南京市', '济南市', '武汉市', '重庆市', '雅安市', '锦州市', '扬州市', '青岛市'];
const KINDS = ['第一人民医院', '中医医院', '妇幼保健院', '儿童医院', '人民医院', '中心医院', '肿瘤医院', '口腔医院'];
const TITLE_HEADS = ['党建引领', '深耕党建文化', '构建医院党校', '以清廉建设', '加强人才培养', '党建聚力', '深挖先进典型', '文化聚力'];
const TITLE_TAILS = ['提升实干能力', '推动高质量发展', '助力改善医疗服务', '当好群众健康守门人', '绘好发展蓝图', '赓续红医精神'];
const WORDS = ['党委', '支部', '党员', '医院', '患者', '服务', '党建', '业务', '融合', '文化', '建设', '培训', '学习', '教育', '志愿', '人才', '质量', '发展', '创新', '举措', '基层', '群众', '健康', '管理'];
const THEMES = ['党校', '文化', '廉洁', '人才', '志愿服务', '组织建设', '医疗服务', '典型选树', '三会一课', '基层党建'];
const sentence = () => `${Array.from({ length: 12 }, () => pick(WORDS)).join('')}。`;

const seed = async (strapi) => {
  const knex = strapi.db.connection;
  const now = strapi.db.dialect.client === 'sqlite' ? Date.now() : new Date();
  const stamp = { created_at: now, updated_at: now };
  const published = { ...stamp, published_at: now };
  const insert = async (trx, table, rows) => {
    for (let start = 0; start < rows.length; start += 500) await trx(table).insert(rows.slice(start, start + 500));
  };

  await knex.transaction(async (trx) => {
    const themes = THEMES.slice(0, COUNTS.themes).map((name, index) => ({ id: index + 1, document_id: documentId(), name, slug: `theme-${index + 1}`, ...published }));
    await insert(trx, 'themes', themes);
    const campaigns = Array.from({ length: COUNTS.campaigns }, (_, index) => ({
      id: index + 1, document_id: documentId(), name: `${2021 + index}年卫生健康行业党建创新案例征集`, slug: `campaign-${index + 1}`, organiser: '健康报社', year: 2021 + index, stage: 'voting', ...published,
    }));
    await insert(trx, 'campaigns', campaigns);
    const hospitals = Array.from({ length: COUNTS.hospitals }, (_, index) => ({
      id: index + 1, document_id: documentId(), name: `${pick(PLACES)}${pick(KINDS)}${index + 1}`, slug: `hospital-${index + 1}`, aliases: '[]',
      province: pick(PROVINCES), city: pick(CITIES), category: pick(CATEGORIES), level: 'grade3a', ...published,
    }));
    await insert(trx, 'hospitals', hospitals);

    const cases = [];
    const links = { hospital: [], themes: [], campaign: [], cmps: [], initiatives: [], metrics: [] };
    const sources = [];
    const people = [];
    const initiatives = [];
    const metrics = [];
    for (let index = 0; index < COUNTS.cases; index += 1) {
      const document = documentId();
      const fields = {
        document_id: document, title: `${pick(TITLE_HEADS)} ${pick(TITLE_TAILS)}`, slug: `case-${index + 1}`,
        summary: Array.from({ length: 3 }, sentence).join(''),
        // 党建 is in every body (a worst case for search); 党校 in about one case in ten, as in the seeds.
        body: `${Array.from({ length: 110 }, sentence).join('')}${random() < 0.1 ? '医院党校开展专题培训。' : ''}党建工作持续推进。`,
      };
      const hospital = 1 + Math.floor(random() * COUNTS.hospitals);
      const theme = 1 + Math.floor(random() * COUNTS.themes);
      const campaign = 1 + Math.floor(random() * COUNTS.campaigns);
      const date = `${2019 + Math.floor(random() * 6)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const parts = Array.from({ length: COUNTS.initiativesPerCase }, (_, order) => {
        const id = initiatives.length + 1;
        initiatives.push({ id, document_id: documentId(), name: `${pick(WORDS)}${pick(WORDS)}${pick(['行动', '工程', '计划', '讲堂'])}`, summary: sentence(), order: order + 1, ...published });
        return id;
      });
      const claims = Array.from({ length: COUNTS.metricsPerCase }, (_, order) => {
        const id = metrics.length + 1;
        const value = Math.floor(random() * 1000);
        metrics.push({ id, document_id: documentId(), label: `${pick(WORDS)}${pick(WORDS)}`, value, unit: pick(['次', '人', '项', '%']), qualifier: 'exact', kind: 'count', quote: `开展${value}次`, order: order + 1, ...published });
        return id;
      });
      // A published document is two rows, its draft and its published version, each with its own links.
      for (const [offset, state] of [[1, { ...stamp, published_at: null }], [2, published]]) {
        const id = index * 2 + offset;
        cases.push({ id, ...fields, ...state });
        links.hospital.push({ case_id: id, hospital_id: hospital, case_ord: 1 });
        links.themes.push({ case_id: id, theme_id: theme, theme_ord: 1, case_ord: 1 });
        links.campaign.push({ case_id: id, campaign_id: campaign, case_ord: 1 });
        sources.push({ id, publication: '健康报', column: '党建创新案例展示', date });
        people.push({ id, name: `作者${index + 1}`, role: '作者' });
        links.cmps.push({ entity_id: id, cmp_id: id, component_type: 'casebook.source', field: 'source', order: 1 });
        links.cmps.push({ entity_id: id, cmp_id: id, component_type: 'casebook.person', field: 'people', order: 1 });
        parts.forEach((initiative, order) => links.initiatives.push({ initiative_id: initiative, case_id: id, initiative_ord: order + 1 }));
        claims.forEach((metric, order) => links.metrics.push({ metric_id: metric, case_id: id, metric_ord: order + 1 }));
      }
    }
    await insert(trx, 'cases', cases);
    await insert(trx, 'components_casebook_sources', sources);
    await insert(trx, 'components_casebook_people', people);
    await insert(trx, 'initiatives', initiatives);
    await insert(trx, 'metrics', metrics);
    await insert(trx, 'cases_hospital_lnk', links.hospital);
    await insert(trx, 'cases_themes_lnk', links.themes);
    await insert(trx, 'cases_campaign_lnk', links.campaign);
    await insert(trx, 'cases_cmps', links.cmps);
    await insert(trx, 'initiatives_case_lnk', links.initiatives);
    await insert(trx, 'metrics_case_lnk', links.metrics);
    if (strapi.db.dialect.client === 'postgres') {
      // Explicit ids leave the sequences behind; Strapi's own inserts must continue after them.
      for (const table of ['themes', 'campaigns', 'hospitals', 'cases', 'components_casebook_sources', 'components_casebook_people', 'initiatives', 'metrics']) {
        await trx.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
  });
  const indexed = await strapi.plugin('casebook').service('search-index').rebuild();
  // Bulk loads leave the planner without statistics; a live database has them (autovacuum, or sqlite's optimize).
  await knex.raw('analyze');
  return indexed;
};

// ---------------------------------------------------------------------------------------------
// The database and the CMS.
const database = async () => {
  if (!process.env.BENCH_DATABASE_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-api-'));
    return { name: 'SQLite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const { Client } = require('pg');
  const name = `casebook_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: async () => {
      const client = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};

const boot = async (env) => {
  Object.assign(process.env, { STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'test', SERVE_ADMIN: 'false', LOG_LEVEL: 'error', LOG_STARTUP: 'false', CASEBOOK_GRAPHQL_BATCHING: 'true' }, env);
  const { createStrapi } = require('@strapi/strapi');
  const appDir = path.join(ROOT, 'cms');
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi };
};

/** Runs the load in a child process while counting this process's SQL statements. */
const measure = async (label, { knex, server }, request) => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const first = request.bodies
    ? await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.bodies[0] })
    : await fetch(`${base}${request.paths[0]}`);
  const body = await first.json();
  if (!first.ok || body.errors) throw new Error(`${label} answers ${first.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);

  let queries = 0;
  let lastQuery = Date.now();
  const count = () => {
    queries += 1;
    lastQuery = Date.now();
  };
  knex.on('query', count);
  const result = await new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--load', JSON.stringify({ url: request.bodies ? `${base}/graphql` : base, method: request.bodies ? 'POST' : 'GET', ...request })]);
    child.on('message', resolve);
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`${label}: the load generator exited with ${code}`)));
  });
  // The load generator leaves at the deadline; the server goes on with what it had accepted. Wait for the
  // database to be quiet for a second, so that no scenario runs on the previous one's backlog.
  for (const deadline = Date.now() + 180000; Date.now() - lastQuery < 1000 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
  knex.off('query', count);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  // Divided by every request sent: the queries of those still running at the deadline were counted too.
  return { label, ...result, queriesPerRequest: queries / Math.max(result.sent, result.requests) };
};

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

const main = async () => {
  const db = await database();
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.join(ROOT, 'cms'), ignoreDiagnostics: false });
  const results = [];
  try {
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
    for (const [query, share] of [['党校', '1 case in 10'], ['党建', 'every case']]) {
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
    console.log(`\n${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${db.name}`);
    console.log(`data: ${COUNTS.cases} published cases (${indexed} indexed), ${COUNTS.hospitals} hospitals, ${COUNTS.cases * COUNTS.initiativesPerCase} initiatives, ${COUNTS.cases * COUNTS.metricsPerCase} metrics; seeded in ${seeding.toFixed(1)} s`);
    console.log(`load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per scenario, pages of 25 with hospital, initiatives and metrics\n`);
    console.log('| scenario | requests/s | p50 ms | p99 ms | SQL queries/request | × built-in GraphQL | × REST populate |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of results) {
      console.log(`| ${row.label} | ${row.rps.toFixed(1)} | ${row.p50} | ${row.p99} | ${row.queriesPerRequest.toFixed(1)} | ${(row.rps / builtIn).toFixed(2)} | ${(row.rps / rest).toFixed(2)} |`);
    }
    console.log(`\ntarget: list ≥ 3× built-in GraphQL: ${(ours / builtIn).toFixed(2)}× (${ours / builtIn >= 3 ? 'met' : 'not met'})`);
    console.log(`target: list ≥ 1.5× REST populate: ${(ours / rest).toFixed(2)}× (${ours / rest >= 1.5 ? 'met' : 'not met'})`);
  } finally {
    // BENCH_KEEP_DATABASE=true keeps the seeded database for a look at query plans afterwards.
    if (process.env.BENCH_KEEP_DATABASE === 'true') console.log(`kept: ${JSON.stringify(db.env)}`);
    else await db.drop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
