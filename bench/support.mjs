/**
 * What the benchmarks share: the deterministic data set, a database of their own (SQLite, or PostgreSQL
 * when BENCH_DATABASE_URL is set), booting the CMS, and measuring a scenario under load (bench/load.mjs
 * in a child process) while counting the SQL statements it causes.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The plugin's boot helper (npm run build -w plugins/casebook), as npm start and the tests boot the CMS.
const { compileCms, loadCms } = require('@casebook/strapi-plugin/boot');
const CMS = { appDir: path.join(ROOT, 'cms') };
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
let CONNECTIONS = 10;
/** Concurrent connections of the scenarios measured from now on. */
export const useConnections = (connections) => {
  CONNECTIONS = connections;
};
export const COUNTS = { hospitals: 2000, cases: 10000, initiativesPerCase: 3, metricsPerCase: 5, themes: 10, campaigns: 3 };

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

export const seed = async (strapi) => {
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-'));
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

export const boot = async (env) => {
  Object.assign(process.env, { STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'test', SERVE_ADMIN: 'false', LOG_LEVEL: 'error', LOG_STARTUP: 'false', CASEBOOK_GRAPHQL_BATCHING: 'true' }, env);
  const strapi = await loadCms(CMS);
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi };
};

/** Runs the load in a child process while counting this process's SQL statements. */
export const measure = async (label, { knex, server }, request) => {
  const base = `http://127.0.0.1:${server.address().port}`;
  // Bodies without paths are GraphQL requests; paths without bodies are GETs.
  const method = request.bodies ? 'POST' : 'GET';
  const paths = request.paths ?? ['/graphql'];
  // One request first, to fail loudly on a wrong query rather than measure errors.
  const first = await fetch(`${base}${paths[0].replaceAll('__N__', 'first')}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(request.bodies ? { body: request.bodies[0].replaceAll('__N__', 'first') } : {}),
  });
  const body = first.status === 204 ? {} : await first.json();
  if (!first.ok || body.errors) throw new Error(`${label} answers ${first.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);

  let queries = 0;
  let lastQuery = Date.now();
  const count = () => {
    queries += 1;
    lastQuery = Date.now();
  };
  knex.on('query', count);
  const result = await new Promise((resolve, reject) => {
    const load = { url: base, method, connections: CONNECTIONS, seconds: SECONDS, ...request, paths };
    const child = fork(path.join(ROOT, 'bench', 'load.mjs'));
    child.send(load);
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


/**
 * Runs a benchmark on a database of its own, with the CMS compiled first; drops the database afterwards unless
 * BENCH_KEEP_DATABASE=true keeps it for a look at query plans. A failure is printed and exits with 1.
 */
export const runBenchmark = (bench) =>
  (async () => {
    const db = await database();
    await compileCms(CMS);
    try {
      await bench(db);
    } finally {
      if (process.env.BENCH_KEEP_DATABASE === 'true') console.log(`kept: ${JSON.stringify(db.env)}`);
      else await db.drop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });

/** When, on what machine and on which database a table was measured: its first line. */
export const machine = (db) => `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0].model}, Node ${process.version}, ${db.name}`;
