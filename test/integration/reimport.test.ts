import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PLUGIN_DIR, ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

const ADMIN = { CASEBOOK_ADMIN_EMAIL: 'reimport@example.com', CASEBOOK_ADMIN_PASSWORD: 'Reimport2024' };

const FIXTURES = path.join(ROOT_DIR, 'test', 'fixtures', 'documents');
const SEEDS = path.join(ROOT_DIR, 'seeds', 'documents');
/** The name the admin gives every pasted text. */
const PASTED = '粘贴的文档.txt';

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const seed = (prefix: string) => fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).find((file) => file.startsWith(prefix))!), 'utf8');

const CASE = 'api::case.case';
const WRITTEN = [CASE, 'api::hospital.hospital', 'api::initiative.initiative', 'api::metric.metric', 'api::theme.theme', 'plugin::casebook.source-document'];

let casebook: Casebook;
let token: string;

const importer = () => casebook.strapi.plugin('casebook').service('importer');
const importText = (file: string, text: string, options = {}) => importer().importDocument(file, Buffer.from(text), options);
const counts = () => Promise.all(WRITTEN.map((uid) => casebook.strapi.db.query(uid as never).count()));

type Part = { quote?: string; sourceStart?: number; sourceEnd?: number };
type Version = { documentId: string; title: string; sourceStart: number; sourceEnd: number; sourceDocument: { documentId: string; originalText: string } | null; metrics: Part[]; initiatives: Array<{ name: string }> };

/** A case's draft or published row as stored, with its parts and the source document its offsets point into. */
const version = async (documentId: string, status: 'draft' | 'published'): Promise<Version> =>
  (await casebook.strapi.db.query(CASE).findOne({
    where: { documentId, publishedAt: status === 'draft' ? null : { $notNull: true } },
    populate: { sourceDocument: true, metrics: true, initiatives: true },
  })) as Version;

/** Every offset of a version points at its own text in the source document it names. */
const expectOffsetsInto = (row: Version, text: string) => {
  expect(row.sourceDocument?.originalText).toBe(text);
  expect(row.sourceEnd).toBeGreaterThan(row.sourceStart);
  expect(row.sourceEnd).toBeLessThanOrEqual(text.length);
  for (const metric of row.metrics) expect(text.slice(metric.sourceStart, metric.sourceEnd)).toBe(metric.quote);
};

const CASE_DETAIL = `query ($id: ID) { caseDetail(documentId: $id) { title summary sourceStart sourceEnd initiatives(pagination: { limit: 100 }) { name summary } metrics(pagination: { limit: 100 }) { label value unit quote sourceStart sourceEnd } } }`;

/** What the public reads of a case, by REST and GraphQL. */
const publicAnswers = async (documentId: string) => {
  const rest = await casebook.http().get(`/api/cases/${documentId}?populate[initiatives]=true&populate[metrics]=true`).expect(200);
  const graphql = await casebook.graphql(CASE_DETAIL, { id: documentId });
  expect(graphql.errors).toBeUndefined();
  return { rest: rest.body.data, graphql: graphql.data };
};

/** Initiatives and metrics that no version of any case links: what replacing a version must not leave behind. */
const unlinkedParts = async () =>
  (
    await Promise.all(
      ['api::initiative.initiative', 'api::metric.metric'].map(async (uid) =>
        ((await casebook.strapi.db.query(uid as never).findMany({ populate: { case: { select: ['id'] } } })) as Array<{ case: unknown }>).filter((part) => !part.case).length,
      ),
    )
  ).reduce((sum, count) => sum + count, 0);

const adminImport = (body: Record<string, unknown>) => casebook.http().post('/casebook/import').set('Authorization', `Bearer ${token}`).send(body);

beforeAll(async () => {
  casebook = await bootCasebook({ env: ADMIN });
  const login = await casebook.http().post('/admin/login').send({ email: ADMIN.CASEBOOK_ADMIN_EMAIL, password: ADMIN.CASEBOOK_ADMIN_PASSWORD }).expect(200);
  token = login.body.data.token;
});

afterAll(async () => {
  await casebook?.stop();
});

describe('a re-import is matched by content, never by file name', () => {
  test('two different pasted documents of one hospital under the default name make two cases, each with its own source text', async () => {
    const first = fixture('hospital-site-page.txt');
    const second = fixture('pasted-second-article.txt');
    expect(await importText(PASTED, first)).toMatchObject({ status: 'created', cases: { created: 1, updated: 0 } });
    expect((await importer().preview(PASTED, Buffer.from(second))).status).toBe('new');
    expect(await importText(PASTED, second)).toMatchObject({ status: 'created', cases: { created: 1, updated: 0 } });

    const cases = (await casebook.strapi.db.query(CASE).findMany({ where: { publishedAt: null }, populate: { hospital: true }, orderBy: { id: 'asc' } })) as Array<{ documentId: string; hospital: { name: string } }>;
    expect(cases).toHaveLength(2);
    expect(cases[0].hospital.name).toBe(cases[1].hospital.name);
    expectOffsetsInto(await version(cases[0].documentId, 'draft'), first);
    expectOffsetsInto(await version(cases[1].documentId, 'draft'), second);
  });
});

describe('re-importing a new version of a published case', () => {
  const original = seed('002');
  const edited = original.replace('引进全日制硕士研究生11人', '引进全日制硕士研究生12人');
  let documentId: string;
  let before: Awaited<ReturnType<typeof publicAnswers>>;

  beforeAll(async () => {
    const report = await importText('002.txt', original, { publish: true });
    expect(report).toMatchObject({ status: 'created', cases: { created: 1 } });
    const row = (await casebook.strapi.db.query(CASE).findOne({ where: { publishedAt: { $notNull: true } }, orderBy: { id: 'desc' } })) as { documentId: string };
    documentId = row.documentId;
    before = await publicAnswers(documentId);
    expect(before.rest.metrics.map((metric: { value: string | number }) => Number(metric.value))).toContain(11);
    expect(before.rest.initiatives.length).toBeGreaterThan(0);
  });

  test('whatever its file name, it is recognised and updates the draft only: the public answers and the published source stay as they were', async () => {
    expect((await importer().preview(PASTED, Buffer.from(edited))).status).toBe('revision');
    const casesBefore = await casebook.strapi.db.query(CASE).count();
    expect(await importText(PASTED, edited)).toMatchObject({ status: 'updated', cases: { created: 0, updated: 1 } });
    expect(await casebook.strapi.db.query(CASE).count()).toBe(casesBefore);

    expect(await publicAnswers(documentId)).toEqual(before);
    expectOffsetsInto(await version(documentId, 'published'), original);

    const draft = await version(documentId, 'draft');
    expectOffsetsInto(draft, edited);
    expect(draft.metrics.map((metric) => Number((metric as { value: number }).value))).toContain(12);
    expect(draft.metrics.map((metric) => Number((metric as { value: number }).value))).not.toContain(11);

    // The same new version again writes nothing.
    const written = await counts();
    expect(await importText('again.txt', edited)).toMatchObject({ status: 'unchanged' });
    expect(await counts()).toEqual(written);
    expect(await publicAnswers(documentId)).toEqual(before);
  });

  test('publishing then shows the new version, its offsets pointing into the new text', async () => {
    await casebook.strapi.documents(CASE).publish({ documentId });
    const after = await publicAnswers(documentId);
    expect(after.rest.metrics.map((metric: { value: string | number }) => Number(metric.value))).toContain(12);
    expect(after.rest.metrics.map((metric: { value: string | number }) => Number(metric.value))).not.toContain(11);
    expect(after.graphql.caseDetail.metrics.length).toBe(before.graphql.caseDetail.metrics.length);
    expect(after.rest.initiatives.map((initiative: { name: string }) => initiative.name)).toEqual(before.rest.initiatives.map((initiative: { name: string }) => initiative.name));
    expectOffsetsInto(await version(documentId, 'published'), edited);
    expectOffsetsInto(await version(documentId, 'draft'), edited);
    // The parts only the old published version showed went with it.
    expect(await unlinkedParts()).toBe(0);
  });

  test("discarding a re-imported draft brings back the published version, and the draft's parts go with it", async () => {
    const published = await publicAnswers(documentId);
    const third = edited.replace('引进全日制硕士研究生12人', '引进全日制硕士研究生13人');
    expect(await importText(PASTED, third)).toMatchObject({ status: 'updated', cases: { updated: 1 } });
    expectOffsetsInto(await version(documentId, 'draft'), third);
    await casebook.strapi.documents(CASE).discardDraft({ documentId });
    expect(await publicAnswers(documentId)).toEqual(published);
    expectOffsetsInto(await version(documentId, 'draft'), edited);
    expect(await unlinkedParts()).toBe(0);
  });
});

describe("the editor's explicit choice", () => {
  test('`replace` with a case documentId makes an unrelated document a new version of that case', async () => {
    const first = fixture('journal-abstract.txt');
    const created = await adminImport({ filename: 'abstract.txt', content: first, document: (await importer().preview('abstract.txt', Buffer.from(first))).document }).expect(200);
    expect(created.body.data.status).toBe('created');
    const row = (await casebook.strapi.db.query(CASE).findOne({ where: { publishedAt: null }, orderBy: { id: 'desc' } })) as { documentId: string };

    const rewritten = fixture('traditional-mirror.txt');
    const preview = await importer().preview('rewrite.txt', Buffer.from(rewritten));
    expect(preview.status).toBe('new');
    const casesBefore = await casebook.strapi.db.query(CASE).count();
    const replaced = await adminImport({ filename: 'rewrite.txt', content: rewritten, document: preview.document, replace: row.documentId }).expect(200);
    expect(replaced.body.data).toMatchObject({ status: 'updated', cases: { created: 0, updated: 1 } });
    expect(await casebook.strapi.db.query(CASE).count()).toBe(casesBefore);
    const draft = await version(row.documentId, 'draft');
    expect(draft.title).toBe(preview.document.cases[0].title);
    expect(draft.sourceDocument?.originalText).toBe(rewritten.replace(/^\uFEFF/, ''));
  });

  test('`replace` with an unknown documentId is refused with a clear error, and nothing is written', async () => {
    const text = fixture('award-notice.txt');
    const preview = await importer().preview('notice.txt', Buffer.from(text));
    const written = await counts();
    const response = await adminImport({ filename: 'notice.txt', content: text, document: preview.document, replace: 'no-such-document' }).expect(400);
    expect(response.body.error.message).toMatch(/no case or source document has documentId no-such-document/);
    expect(response.body.error.details).toMatchObject({ code: 'replace' });
    expect(await counts()).toEqual(written);
  });
});

describe('casebook import --replace', () => {
  // The command boots the CMS on the database its environment names: the one this suite's Casebook was booted on.
  const casebookCommand = async (...args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(PLUGIN_DIR, 'bin', 'casebook.js'), 'import', ...args], { env: { ...process.env, LOG_LEVEL: 'error' } });
      return { code: 0, output: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
    }
  };
  const file = (name: string, text: string) => {
    const written = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-reimport-')), name);
    fs.writeFileSync(written, text);
    return written;
  };

  test('makes a document the new draft of the case it names, and refuses a documentId that names nothing', async () => {
    const text = fixture('hospital-news.html');
    const row = (await casebook.strapi.db.query(CASE).findOne({ where: { publishedAt: null }, orderBy: { id: 'asc' } })) as { documentId: string };
    const written = await counts();

    const refused = await casebookCommand('--replace', 'no-such-document', file('news.html', text));
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/no case or source document has documentId no-such-document/);
    expect(await counts()).toEqual(written);

    const replaced = await casebookCommand('--replace', row.documentId, file('news.html', text));
    expect(replaced).toMatchObject({ code: 0 });
    expect(replaced.output).toMatch(/created 0, updated 1, unchanged 0, failed 0/);
    expect((await version(row.documentId, 'draft')).sourceDocument?.originalText).toBe(text);
  });
});

describe('a failed import', () => {
  test('a failure in the middle of the write stage leaves no row of the document', async () => {
    let casesToCreate = -1;
    casebook.strapi.documents.use(async (context, next) => {
      if (context.uid === CASE && context.action === 'create' && casesToCreate >= 0) {
        if (casesToCreate === 0) throw new Error('injected failure after the first cases');
        casesToCreate -= 1;
      }
      return next();
    });
    const written = await counts();
    casesToCreate = 2;
    const report = await importText('000.txt', seed('000'));
    casesToCreate = -1;
    expect(report).toMatchObject({ status: 'failed', code: 'database' });
    expect(report.error).toMatch(/injected failure/);
    expect(await counts()).toEqual(written);
  });
});

describe("an existing hospital's place", () => {
  const HOSPITAL = 'api::hospital.hospital';
  /** A short news item of a hospital's own. */
  const article = (name: string) => `${name}党员先锋服务队走进社区\n\n近日，${name}党委组织党员医护人员走进社区开展义诊，服务群众300余人次。\n\n（${name}党委办公室 供稿）\n`;

  test.each([
    ['an empty province and city are filled from what the import knows', '中国中医科学院望京医院', {}, { province: 'beijing', city: '北京' }],
    ["an editor's city is kept, the empty province filled", '中国中医科学院眼科医院', { city: '丰台' }, { province: 'beijing', city: '丰台' }],
    ["an editor's province is kept, and no city of another province is added to it", '首都医科大学附属北京佑安医院', { province: 'tianjin' }, { province: 'tianjin', city: null }],
  ])('%s', async (_case, name, editors, expected) => {
    const { documentId } = await casebook.strapi.documents(HOSPITAL).create({ data: { name, ...editors } });
    expect(await importText(`${name}.txt`, article(name))).toMatchObject({ status: 'created', hospitals: { created: 0, matched: 1 } });
    expect(await casebook.strapi.db.query(HOSPITAL).findOne({ select: ['province', 'city'], where: { documentId } })).toMatchObject(expected);
  });
});
