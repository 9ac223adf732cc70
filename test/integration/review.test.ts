import fs from 'node:fs';
import path from 'node:path';
import { anonymous, createRole, signInAs, type AdminPrincipal, type Principal } from '../support/admin';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

/** The review of imported cases (issue 16, items 2 and 4): queue, source items, rejections, re-imports, review marks and publishing. */

const FIXTURES = path.join(ROOT_DIR, 'test', 'fixtures', 'documents');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const DOCUMENT = fixture('hospital-site-page.txt');
const CASE = 'api::case.case';

type Item = { id: string; kind: string; text: string; field: string; quote: string | null; start: number | null; end: number | null; part?: string };
type Source = { documentId: string; title: string; text: string; span: { start: number; end: number }; items: Item[]; rejected: Array<{ key: string }>; reviewed: { at: string; by: string | null } | null };
type Entry = { documentId: string; title: string; hospital: { name: string } | null; owner: { hint: string | null } | null; counts: Record<string, number>; unsure: unknown[]; reviewed: unknown; createdAt: string };

let casebook: Casebook;
let editor: AdminPrincipal;
let author: AdminPrincipal;
let nobody: Principal;

const importer = () => casebook.strapi.plugin('casebook').service('importer');
const importText = (file: string, text: string) => importer().importDocument(file, Buffer.from(text)) as Promise<{ status: string; cases: { created: number; updated: number }; kept: Array<{ documentId: string; fields: string[]; rejected: number }> }>;
const caseOf = async (filename: string) =>
  ((await casebook.strapi.db.query(CASE).findOne({ select: ['documentId', 'title'], where: { publishedAt: null, sourceDocument: { filename } } })) as { documentId: string; title: string }).documentId;
const queue = async () => (await editor.get('/casebook/review/queue').expect(200)).body.data as Entry[];
const source = async (documentId: string) => (await editor.get(`/casebook/review/cases/${documentId}/source`).expect(200)).body.data as Source;
const draft = (documentId: string) =>
  casebook.strapi.db.query(CASE).findOne({ where: { documentId, publishedAt: null }, populate: { metrics: true, initiatives: true, people: true, reviewedBy: true } }) as Promise<{
    title: string;
    summary: string;
    metrics: Array<{ quote: string; label: string; sourceStart: number; sourceEnd: number }>;
    initiatives: Array<{ name: string }>;
    people: Array<{ name: string }>;
    reviewedAt: string | null;
    reviewedBy: { id: number } | null;
  }>;

let site: string;
let ownerless: string;

beforeAll(async () => {
  casebook = await bootCasebook();
  editor = await signInAs(casebook, 'strapi-editor');
  author = await signInAs(casebook, 'strapi-author');
  nobody = await signInAs(casebook, await createRole(casebook));
  // Already reviewed by publishing: a published seed case waits for nobody.
  await importer().importDocument('seed.txt', Buffer.from(fixture('hospital-news.html')), { publish: true });
  expect((await importText('site-page.txt', DOCUMENT)).status).toBe('created');
  expect((await importText('owner-affiliated-only.txt', fixture('owner-affiliated-only.txt'))).status).toBe('created');
  site = await caseOf('site-page.txt');
  ownerless = await caseOf('owner-affiliated-only.txt');
  // A boot and three imports: on a loaded machine (and PostgreSQL) more than the default two minutes.
}, 300_000);

afterAll(async () => {
  await casebook?.stop();
});

describe('the review queue', () => {
  test('lists the imported unpublished cases, the one without an owner hospital first, then the oldest, with what was extracted', async () => {
    const entries = await queue();
    expect(entries.map((entry) => entry.documentId)).toEqual([ownerless, site]);
    const [first, second] = entries as [Entry, Entry];
    expect(first.hospital).toBeNull();
    expect(first.owner).not.toBeNull();
    expect(second.hospital?.name).toBe('湖南省浏阳市人民医院');
    const stored = await draft(site);
    expect(second.counts).toEqual({ initiatives: stored.initiatives.length, metrics: stored.metrics.length, people: stored.people.length });
    expect(second.counts.metrics).toBeGreaterThan(0);
    expect(Array.isArray(second.unsure)).toBe(true);
    expect(second.reviewed).toBeNull();
  });

  test('keeps what the importer was unsure of per case, in the source document\'s report', async () => {
    const row = (await casebook.strapi.db.query('plugin::casebook.source-document').findOne({ where: { filename: 'owner-affiliated-only.txt' } })) as { report: { ledger: Record<string, { unsure: Array<{ kind: string; score: number }> }> } };
    const unsure = row.report.ledger[ownerless]!.unsure;
    // The owner of a case its document names only partially is what the importer is least sure of.
    expect(unsure.some((item) => item.kind === 'owner' && item.score < 0.6)).toBe(true);
    expect((await queue()).find((entry) => entry.documentId === ownerless)!.unsure).toEqual(unsure);
  });
});

describe("a case's source", () => {
  test('is the original text with every extracted item at its offsets, metrics at their own quote', async () => {
    const answer = await source(site);
    const row = (await casebook.strapi.db.query('plugin::casebook.source-document').findOne({ where: { filename: 'site-page.txt' } })) as { originalText: string };
    expect(answer.text).toBe(row.originalText);
    expect(new Set(answer.items.map((item) => item.kind))).toEqual(new Set(['title', 'hospital', 'initiative', 'metric', 'source']));
    for (const item of answer.items) if (item.start !== null) expect(answer.text.slice(item.start, item.end!)).toBe(item.quote);
    const stored = await draft(site);
    for (const metric of stored.metrics) expect(answer.items).toContainEqual(expect.objectContaining({ kind: 'metric', text: metric.label, quote: metric.quote, start: metric.sourceStart, end: metric.sourceEnd }));
    expect(answer.items.find((item) => item.kind === 'hospital')?.quote).toBe('湖南省浏阳市人民医院');
    expect(answer.items.find((item) => item.field === 'source.readCount')?.quote).toBe('1532');
  });

  test('is refused to an admin without the review permission, and to no session', async () => {
    await nobody.get(`/casebook/review/cases/${site}/source`).expect(403);
    await nobody.get('/casebook/review/queue').expect(403);
    await anonymous(casebook).get('/casebook/review/queue').expect(401);
  });
});

describe('marking an extracted item wrong', () => {
  let metric: Item;

  test('removes it from the draft and keeps the rejection', async () => {
    const before = await source(site);
    metric = before.items.find((item) => item.kind === 'metric')!;
    const readCount = before.items.find((item) => item.field === 'source.readCount')!;
    const after = (await editor.post(`/casebook/review/cases/${site}/rejections`, { item: metric.id }).expect(200)).body.data as Source;
    await editor.post(`/casebook/review/cases/${site}/rejections`, { item: readCount.id }).expect(200);
    expect(after.items.map((item) => item.id)).not.toContain(metric.id);
    expect(after.rejected.map((rejection) => rejection.key)).toContain(metric.id);
    const stored = await draft(site);
    expect(stored.metrics.map((found) => found.quote)).not.toContain(metric.quote);
    expect(((await source(site)).items.map((item) => item.field))).not.toContain('source.readCount');
    await editor.post(`/casebook/review/cases/${site}/rejections`, { item: 'metric:没有这个' }).expect(404);
    await editor.post(`/casebook/review/cases/${site}/rejections`, { item: before.items.find((item) => item.kind === 'title')!.id }).expect(400);
  });

  test('a re-import of the same document writes nothing; one of a revised version leaves the rejected items out', async () => {
    expect((await importText('site-page-again.txt', DOCUMENT)).status).toBe('unchanged');
    const report = await importText('site-page-revised.txt', DOCUMENT.replace('患者满意度较去年提升6个百分点', '患者满意度较去年提升7个百分点'));
    expect(report.status).toBe('updated');
    expect(report.kept).toEqual([expect.objectContaining({ documentId: site, fields: [], rejected: 2 })]);
    const answer = await source(site);
    expect(answer.items.map((item) => item.id)).not.toContain(metric.id);
    expect(answer.items.map((item) => item.field)).not.toContain('source.readCount');
    expect(answer.rejected.map((rejection) => rejection.key)).toContain(metric.id);
    expect((await draft(site)).metrics.map((found) => found.quote)).toContain('患者满意度较去年提升7个百分点');
  });
});

describe('a re-import after an editor changed the draft', () => {
  test("keeps the editor's changes and reports them; takes the new extraction for the rest", async () => {
    await casebook.strapi.documents(CASE).update({ documentId: site, data: { title: '编辑改写的标题', summary: '编辑写的摘要' } as never });
    const report = await importText('site-page-third.txt', DOCUMENT.replace('患者满意度较去年提升6个百分点', '患者满意度较去年提升8个百分点'));
    expect(report.status).toBe('updated');
    expect(report.kept).toEqual([expect.objectContaining({ documentId: site, fields: ['title', 'summary'] })]);
    const stored = await draft(site);
    expect(stored.title).toBe('编辑改写的标题');
    expect(stored.summary).toBe('编辑写的摘要');
    expect(stored.metrics.map((found) => found.quote)).toContain('患者满意度较去年提升8个百分点');
    // The next re-import still knows the title as the editor's.
    const next = await importText('site-page-fourth.txt', DOCUMENT.replace('患者满意度较去年提升6个百分点', '患者满意度较去年提升9个百分点'));
    expect(next.kept).toEqual([expect.objectContaining({ documentId: site, fields: ['title', 'summary'] })]);
    expect((await draft(site)).title).toBe('编辑改写的标题');
  });
});

describe('review marks and publishing', () => {
  test('publishing refuses a case not reviewed, and one without an owner, naming them; nothing is published', async () => {
    const refused = await editor.post('/casebook/review/publish', { documentIds: [site, ownerless] }).expect(400);
    expect(refused.body.error.message).toContain('尚未审核');
    expect(refused.body.error.message).toContain('未确定归属医院');
    expect(await casebook.strapi.db.query(CASE).count({ where: { documentId: site, publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('marking reviewed keeps who and when; the queue shows it', async () => {
    const before = Date.now();
    const reviewed = (await editor.post(`/casebook/review/cases/${site}/reviewed`).expect(200)).body.data as { at: string; by: string };
    expect(Date.parse(reviewed.at)).toBeGreaterThanOrEqual(before - 1000);
    const stored = await draft(site);
    expect(stored.reviewedBy?.id).toBe(editor.user.id);
    expect((await source(site)).reviewed).toEqual(reviewed);
    const entries = await queue();
    expect(entries.map((entry) => entry.documentId)).toEqual([ownerless, site]);
    expect(entries[1]!.reviewed).toEqual(reviewed);
  });

  test('an Author may review but not publish', async () => {
    await author.get('/casebook/review/queue').expect(200);
    await author.post('/casebook/review/publish', { documentIds: [site] }).expect(403);
  });

  test('publishing a reviewed case publishes it with its initiatives and metrics; it leaves the queue', async () => {
    const stored = await draft(site);
    await editor.post('/casebook/review/publish', { documentIds: [site] }).expect(200);
    const rest = await casebook.http().get(`/api/cases/${site}?populate[initiatives]=true&populate[metrics]=true`).expect(200);
    expect(rest.body.data.title).toBe('编辑改写的标题');
    expect(rest.body.data.metrics.map((found: { quote: string }) => found.quote).sort()).toEqual(stored.metrics.map((found) => found.quote).sort());
    expect(rest.body.data.initiatives.map((found: { name: string }) => found.name).sort()).toEqual(stored.initiatives.map((found) => found.name).sort());
    expect((await queue()).map((entry) => entry.documentId)).toEqual([ownerless]);
  });
});

describe('marking a person wrong', () => {
  test('removes that person and keeps the others whole, their unit included', async () => {
    await casebook.strapi.documents(CASE).update({
      documentId: ownerless,
      data: { people: [{ name: '张晓明', role: '党委书记', unit: '党委办公室' }, { name: '李建华', role: '院长', unit: '院长办公室' }] } as never,
    });
    const item = (await source(ownerless)).items.find((found) => found.kind === 'person' && found.text === '张晓明');
    expect(item).toBeDefined();
    await editor.post(`/casebook/review/cases/${ownerless}/rejections`, { item: item!.id }).expect(200);
    expect((await draft(ownerless)).people).toEqual([expect.objectContaining({ name: '李建华', role: '院长', unit: '院长办公室' })]);
  });
});
