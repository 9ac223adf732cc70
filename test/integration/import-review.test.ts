import fs from 'node:fs';
import path from 'node:path';
import { signInAs, type AdminPrincipal } from '../support/admin';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

// The import page's review: every item the importer proposes can be corrected before it is written, and the
// confirm route writes the corrections exactly, or refuses bad ones with a 400 that names them and writes nothing.
const PAGE = fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'documents', 'hospital-site-page.txt'), 'utf8');

type Metric = { label: string; value: number; unit: string | null; qualifier: string; kind: string; text: string; start: number; end: number };
type Extracted = {
  title: string;
  hospital: string | null;
  themes: string[];
  people: Array<{ name: string; role: string | null; unit?: string | null }>;
  source: { publication: string | null; column: string | null; issue: string | null; date: string | null; url: string | null; readCount: number | null };
  award?: string | null;
  initiatives: Array<{ name: string; summary: string; theme: string | null }>;
  metrics: Metric[];
};
type Document = { hospitals: unknown[]; metrics: unknown[]; cases: Extracted[] };

let casebook: Casebook;
let editor: AdminPrincipal;

const upload = { filename: 'review-page.txt', content: PAGE, encoding: 'text' as const };
const WRITTEN = ['api::case.case', 'api::hospital.hospital', 'api::initiative.initiative', 'api::metric.metric', 'api::theme.theme', 'plugin::casebook.source-document'];
const counts = () => Promise.all(WRITTEN.map((uid) => casebook.strapi.db.query(uid as never).count()));
const preview = async (): Promise<Document> => (await editor.post('/casebook/import/preview', upload).expect(200)).body.data.document;

/** The draft of a case with everything the review can correct. */
const draftOf = async (documentId: string) =>
  (await casebook.strapi.db.query('api::case.case').findOne({
    where: { documentId, publishedAt: null },
    populate: { hospital: true, people: true, source: true, themes: true, initiatives: { orderBy: { order: 'asc' } }, metrics: { orderBy: { order: 'asc' } } },
  })) as {
    title: string;
    award: string | null;
    hospital: { name: string };
    people: Array<{ name: string; role: string | null; unit: string | null }>;
    source: { publication: string | null; column: string | null; date: string | null; readCount: number | null };
    themes: Array<{ name: string }>;
    initiatives: Array<{ name: string }>;
    metrics: Array<{ label: string; value: number | string; unit: string | null; qualifier: string; quote: string; sourceStart: number; sourceEnd: number }>;
  };

beforeAll(async () => {
  casebook = await bootCasebook();
  editor = await signInAs(casebook, 'strapi-editor');
  await casebook.strapi.documents('api::theme.theme').create({ data: { name: '医德医风' } });
});

afterAll(async () => {
  await casebook?.stop();
});

/** The preview's one case with every kind of correction an editor can make on the import page. */
const correct = (document: Document): Document => {
  const [found] = document.cases;
  return {
    ...document,
    cases: [
      {
        ...found,
        title: '“红色引擎”点亮县域医疗服务——浏阳市人民医院党委的县域实践 (核对稿)',
        themes: ['医德医风'],
        people: [{ name: '李明', role: '党委书记', unit: '浏阳市人民医院党委' }],
        award: '优秀案例',
        source: { ...found.source, publication: '浏阳市人民医院官网', column: '党建园地', date: '2023-04-13', readCount: 1600 },
        initiatives: found.initiatives.map((initiative, index) => (index === 0 ? { ...initiative, name: '支部建在科室上 (改名)' } : initiative)),
        metrics: found.metrics.map((metric, index) => (index === 0 ? { ...metric, label: '党支部数量', value: 19, unit: '个', qualifier: 'more_than' } : metric)),
      },
    ],
  };
};

describe('confirming a corrected review', () => {
  test('writes every correction exactly, keeps an edited metric on its quote, and reports the draft it created', async () => {
    const document = await preview();
    expect(document.cases).toHaveLength(1);
    expect(document.cases[0].initiatives.length).toBeGreaterThan(1);
    const original = document.cases[0].metrics[0];
    const corrected = correct(document);
    const report = (await editor.post('/casebook/import', { ...upload, document: corrected }).expect(200)).body.data;

    expect(report.status).toBe('created');
    expect(report.written).toEqual([{ documentId: expect.any(String), title: corrected.cases[0].title, action: 'created' }]);
    const draft = await draftOf(report.written[0].documentId);
    expect(draft.title).toBe(corrected.cases[0].title);
    expect(draft.hospital.name).toBe('湖南省浏阳市人民医院');
    expect(draft.award).toBe('优秀案例');
    expect(draft.people.map(({ name, role, unit }) => ({ name, role, unit }))).toEqual([{ name: '李明', role: '党委书记', unit: '浏阳市人民医院党委' }]);
    expect(draft.source).toMatchObject({ publication: '浏阳市人民医院官网', column: '党建园地', date: '2023-04-13', readCount: 1600 });
    expect(draft.themes.map((theme) => theme.name)).toEqual(['医德医风']);
    expect(draft.initiatives.map((initiative) => initiative.name)).toEqual(corrected.cases[0].initiatives.map((initiative) => initiative.name));
    expect(draft.initiatives[0].name).toBe('支部建在科室上 (改名)');
    expect(draft.metrics).toHaveLength(corrected.cases[0].metrics.length);
    expect({ ...draft.metrics[0], value: Number(draft.metrics[0].value) }).toMatchObject({
      label: '党支部数量',
      value: 19,
      unit: '个',
      qualifier: 'more_than',
      quote: original.text,
      sourceStart: original.start,
      sourceEnd: original.end,
    });
    // Picking an existing theme links it: no second theme of that name.
    expect(await casebook.strapi.db.query('api::theme.theme').count({ where: { name: '医德医风' } })).toBe(1);
  });

  test.each([
    ['a qualifier outside the closed set', (found: Extracted) => ({ ...found, metrics: found.metrics.map((metric, index) => (index === 0 ? { ...metric, qualifier: 'lots' } : metric)) }), 'document.cases[0].metrics[0].qualifier'],
    ['an empty metric label', (found: Extracted) => ({ ...found, metrics: found.metrics.map((metric, index) => (index === 1 ? { ...metric, label: '' } : metric)) }), 'document.cases[0].metrics[1].label'],
    ['an empty initiative name', (found: Extracted) => ({ ...found, initiatives: found.initiatives.map((initiative, index) => (index === 0 ? { ...initiative, name: '' } : initiative)) }), 'document.cases[0].initiatives[0].name'],
    ['a source date that is no day', (found: Extracted) => ({ ...found, source: { ...found.source, date: '2023-02-30' } }), 'document.cases[0].source.date'],
    ['a negative read count', (found: Extracted) => ({ ...found, source: { ...found.source, readCount: -5 } }), 'document.cases[0].source.readCount'],
    ['a person name longer than the component allows', (found: Extracted) => ({ ...found, people: [{ name: '李'.repeat(41), role: null }] }), 'document.cases[0].people[0].name'],
    ['a person unit longer than the component allows', (found: Extracted) => ({ ...found, people: [{ name: '李明', role: null, unit: '科'.repeat(121) }] }), 'document.cases[0].people[0].unit'],
    ['an award longer than the case allows', (found: Extracted) => ({ ...found, award: '奖'.repeat(121) }), 'document.cases[0].award'],
    ['a theme name longer than a theme allows', (found: Extracted) => ({ ...found, themes: ['主'.repeat(41)] }), 'document.cases[0].themes[0]'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, spoil, field) => {
    const document = await preview();
    const spoilt = { ...document, cases: [spoil(document.cases[0])] };
    const before = await counts();
    const response = await editor.post('/casebook/import', { ...upload, filename: 'spoilt.txt', document: spoilt }).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    const paths = (response.body.error.details.errors as Array<{ path: string[]; message: string }>).map((error) => error.path.join('.').replace(/\.(\d+)/g, '[$1]'));
    expect(paths).toContain(field);
    // One bad field, one message, saying which field.
    expect(response.body.error.message).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe('the owner field', () => {
  test('offers every existing hospital by name, in Chinese order, whether or not the document names its owner in full', async () => {
    for (const name of ['成都市第六人民医院', '北京协和医院']) await casebook.strapi.documents('api::hospital.hospital').create({ data: { name } });
    const body = (await editor.post('/casebook/import/preview', { ...upload, filename: 'owner-field.txt' }).expect(200)).body.data as { hospitals: string[]; document: Document };
    expect(body.document.cases[0]!.hospital).not.toBeNull();
    expect(body.hospitals).toEqual(expect.arrayContaining(['成都市第六人民医院', '北京协和医院']));
    expect(body.hospitals).toEqual([...body.hospitals].sort((a, b) => a.localeCompare(b, 'zh')));
  });
});
