import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

const SEEDS = path.join(ROOT_DIR, 'seeds', 'documents');
const seedFiles = fs.readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort();

let casebook: Casebook;

const importer = () => casebook.strapi.plugin('casebook').service('importer');
const importFile = (file: string, bytes = fs.readFileSync(path.join(SEEDS, file)), options = {}) => importer().importDocument(file, bytes, options);
const count = (uid: string) => casebook.strapi.db.query(uid as never).count();

beforeAll(async () => {
  casebook = await bootCasebook();
});

afterAll(async () => {
  await casebook?.stop();
});

describe('importing the seed documents', () => {
  test('a dry run reports what it would create and writes nothing', async () => {
    const report = await importFile(seedFiles[0], undefined, { dryRun: true });
    expect(report).toMatchObject({ status: 'created', cases: { created: 5, updated: 0 } });
    expect(await count('api::case.case')).toBe(0);
    expect(await count('plugin::casebook.source-document')).toBe(0);
  });

  test('yields 16 draft cases from 16 hospitals, with initiatives and metrics', async () => {
    const reports = [];
    for (const file of seedFiles) reports.push(await importFile(file));
    expect(reports.map((report) => report.status)).toEqual(seedFiles.map(() => 'created'));
    expect(await casebook.strapi.documents('api::case.case').count({ status: 'draft' })).toBe(16);
    expect(await casebook.strapi.documents('api::case.case').count({ status: 'published' })).toBe(0);
    expect(await count('api::hospital.hospital')).toBe(16);
    expect(await count('api::metric.metric')).toBeGreaterThanOrEqual(44);
    expect(await count('api::initiative.initiative')).toBeGreaterThan(16);
    // Drafts stay private.
    const publicCases = await casebook.http().get('/api/cases').expect(200);
    expect(publicCases.body.data).toEqual([]);
    expect((await casebook.http().get('/api/metrics').expect(200)).body.data).toEqual([]);
  });

  test('every stored metric points to its quote in the stored original text', async () => {
    const metrics = (await casebook.strapi.db.query('api::metric.metric').findMany({
      populate: { case: { populate: { sourceDocument: true } } },
    })) as Array<{ quote: string; sourceStart: number; sourceEnd: number; case: { sourceDocument: { originalText: string } } }>;
    expect(metrics.length).toBeGreaterThan(0);
    for (const metric of metrics) {
      const quoted = metric.case.sourceDocument.originalText.slice(metric.sourceStart, metric.sourceEnd);
      expect(quoted.replace(/\([a-zü\u0101-\u01dc]+\)/g, '').length).toBe(metric.quote.length);
    }
  });

  test('a second import of the same documents changes nothing', async () => {
    const before = await Promise.all(['api::case.case', 'api::hospital.hospital', 'api::metric.metric', 'api::initiative.initiative'].map(count));
    const reports = [];
    for (const file of seedFiles) reports.push(await importFile(file));
    expect(reports.map((report) => report.status)).toEqual(seedFiles.map(() => 'unchanged'));
    expect(await Promise.all(['api::case.case', 'api::hospital.hospital', 'api::metric.metric', 'api::initiative.initiative'].map(count))).toEqual(before);
  });

  test('a revised document updates the drafts it created instead of duplicating them', async () => {
    const file = seedFiles.find((name) => name.startsWith('002'))!;
    const revised = fs.readFileSync(path.join(SEEDS, file), 'utf8').replace('引进全日制硕士研究生11人', '引进全日制硕士研究生12人');
    const report = await importFile(file, Buffer.from(revised));
    expect(report).toMatchObject({ status: 'updated', cases: { created: 0, updated: 1 } });
    expect(await casebook.strapi.documents('api::case.case').count({ status: 'draft' })).toBe(16);
    const hospital = await casebook.strapi.db.query('api::hospital.hospital').findOne({ where: { name: '富顺县中医医院' } });
    const metrics = await casebook.strapi.db.query('api::metric.metric').findMany({ where: { case: { hospital: hospital.id } } });
    expect(metrics.map((metric: { value: number }) => Number(metric.value))).toContain(12);
    expect(metrics.map((metric: { value: number }) => Number(metric.value))).not.toContain(11);
  });

  test.each([
    ['empty', Buffer.alloc(0), /empty/],
    ['binary', Buffer.from([0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0, 8, 9, 10, 11, 0, 0, 0, 12]), /binary/],
    ['truncated UTF-8', Buffer.from('成都市第六人民医院\n\n构建医院党校').subarray(0, 20), /truncated UTF-8/],
    ['a document naming no hospital', Buffer.from('我院党委开展主题党日活动10余次。\n\n我院党员积极参加志愿服务。'), /no hospital/],
  ])('%s fails with a clear message and writes no rows', async (_name, bytes, message) => {
    const before = await Promise.all(['api::case.case', 'plugin::casebook.source-document'].map(count));
    const report = await importFile('bad.txt', bytes);
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(message);
    expect(await Promise.all(['api::case.case', 'plugin::casebook.source-document'].map(count))).toEqual(before);
  });

  test('publish makes the cases public with their parts', async () => {
    const text = fs.readFileSync(path.join(SEEDS, seedFiles[0]), 'utf8').replace('构建医院党校 提升实干能力', '构建医院党校 提升实干能力(再版)');
    await importFile('another-edition.txt', Buffer.from(text), { publish: true });
    const response = await casebook.http().get('/api/cases?populate=metrics&pagination[pageSize]=50').expect(200);
    expect(response.body.data).toHaveLength(5);
    expect(response.body.data.flatMap((row: { metrics: unknown[] }) => row.metrics).length).toBeGreaterThan(10);
    // Same hospitals: no duplicates.
    expect(await count('api::hospital.hospital')).toBe(16);
  });
});
