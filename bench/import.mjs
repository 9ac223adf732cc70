/**
 * npm run bench:import: extraction and import throughput on the seed documents repeated to 1,000
 * documents (each made unique so none is "unchanged"), against a baseline measured in the same run:
 * decoding and hashing the same bytes, the floor any importer pays.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The plugin's compiled code (npm run build -w plugins/casebook), exactly what the CMS runs.
const { decode } = require('../plugins/casebook/dist/server/importer/decode.js');
const { extractDocument } = require('../plugins/casebook/dist/server/importer/pipeline.js');
const { compileCms, loadCms } = require('@casebook/strapi-plugin/boot');
const COUNT = Number(process.env.BENCH_DOCUMENTS ?? 1000);
const IMPORT_COUNT = Number(process.env.BENCH_IMPORT_DOCUMENTS ?? COUNT);

const seeds = fs
  .readdirSync(path.join(ROOT, 'seeds', 'documents'))
  .filter((file) => file.endsWith('.txt'))
  .map((file) => fs.readFileSync(path.join(ROOT, 'seeds', 'documents', file), 'utf8'));
// A mark inside the first sentence makes each copy a different document (a mark after the text could fall in a "related articles" tail).
const documents = Array.from({ length: COUNT }, (_, index) => Buffer.from(seeds[index % seeds.length].replace("。", `。第${index + 1}稿。`)));

const time = (run) => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const main = async () => {
  const baseline = time(() => documents.forEach((bytes) => createHash('sha256').update(decode(bytes).original).digest('hex')));
  const extraction = time(() => documents.forEach((bytes) => extractDocument(bytes)));

  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = 'error';
  process.env.LOG_STARTUP = 'false';
  process.env.DATABASE_CLIENT = 'sqlite';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-bench-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'bench.db');
  const cms = { appDir: path.join(ROOT, 'cms') };
  await compileCms(cms);
  const strapi = await loadCms(cms);
  const importer = strapi.plugin('casebook').service('importer');
  const start = process.hrtime.bigint();
  const statuses = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (let index = 0; index < IMPORT_COUNT; index += 1) {
    const report = await importer.importDocument(`bench-${index}.txt`, documents[index]);
    statuses[report.status] += 1;
  }
  const imported = Number(process.hrtime.bigint() - start) / 1e9;
  const cases = await strapi.db.query('api::case.case').count();
  await strapi.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  const rows = [
    ['decode + sha256 (baseline)', COUNT, baseline],
    ['extraction (decode → extract)', COUNT, extraction],
    ['import on SQLite (extract + write, one transaction each)', IMPORT_COUNT, imported],
  ];
  const baselineRate = COUNT / baseline;
  console.log(`\nCasebook import benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  console.log('| stage | documents | seconds | documents/s | ratio to baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [stage, documentsRun, seconds] of rows) {
    const rate = documentsRun / seconds;
    console.log(`| ${stage} | ${documentsRun} | ${seconds.toFixed(2)} | ${rate.toFixed(1)} | ${(rate / baselineRate).toFixed(4)} |`);
  }
  // Copies of a seed are its cases' new versions (re-imports are matched by content): after the first five, updates.
  console.log(`\n${cases} draft cases written; documents ${Object.entries(statuses).map(([status, count]) => `${status} ${count}`).join(', ')}.`);
  if (statuses.failed > 0 || statuses.unchanged > 0) process.exitCode = 1;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
