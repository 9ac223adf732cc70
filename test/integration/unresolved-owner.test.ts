import fs from 'node:fs';
import path from 'node:path';
import { signInAs, type AdminPrincipal } from '../support/admin';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

// A document that calls its owner only 附属医院 (and 我院): the editor picks the hospital, or nobody does.
const AFFILIATED = fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'documents', 'owner-affiliated-only.txt'), 'utf8');

/** Short documents that name their owner by a short form only, or not at all. */
const SHORT_FORMS = {
  市二院: '“先锋护航”主题党日活动见成效\n\n5月8日，市二院党委组织全院8个党支部开展主题党日活动，参与党员160余人。',
  县二院: '送医下乡 情暖乡村\n\n县二院党总支组织党员专家深入乡镇开展义诊，惠及群众300余人。',
  我院: '党建引领 服务暖心\n\n我院党委开展主题党日活动10余次，党员参与率达95%。',
};

const HOSPITALS = [
  { name: '江南医科大学附属医院', aliases: [] },
  { name: '青山市第二人民医院', aliases: [] },
  { name: '白水县人民医院', aliases: ['白水县二院'] },
  { name: '青山市中医医院', aliases: [] },
];

let casebook: Casebook;
let admin: AdminPrincipal;
const hospitalIds = new Map<string, string>();

const importer = () => casebook.strapi.plugin('casebook').service('importer');
const upload = (filename: string, content: string) => ({ filename, content, encoding: 'text' as const });
const count = (uid: string) => casebook.strapi.db.query(uid as never).count();

type Candidate = { name: string; documentId: string | null; from: 'document' | 'database' };
type Preview = {
  document: { hospitals: unknown[]; metrics: unknown[]; cases: Array<{ title: string; hospital: string | null; owner: { hint: string | null; candidates: string[] }; confidence: { owner: { rule: string; score: number } } }> };
  ownerCandidates: Candidate[][];
  lowConfidence: number;
};

const preview = async (filename: string, content: string): Promise<Preview> => (await admin.post('/casebook/import/preview', upload(filename, content)).expect(200)).body.data;

/** The draft a case was written as, with its hospital's documentId. */
const draftOf = async (documentId: string) =>
  (await casebook.strapi.db.query('api::case.case').findOne({
    where: { documentId, publishedAt: null },
    populate: { hospital: { select: ['documentId', 'name'] } },
  })) as { title: string; hospital: { documentId: string; name: string } | null } | null;

beforeAll(async () => {
  casebook = await bootCasebook();
  admin = await signInAs(casebook, 'strapi-super-admin');
  for (const hospital of HOSPITALS) {
    const created = await casebook.strapi.documents('api::hospital.hospital').create({ data: hospital });
    hospitalIds.set(hospital.name, created.documentId);
  }
});

afterAll(async () => {
  await casebook?.stop();
});

describe('the preview of a document that names its owner only partially', () => {
  test.each([
    ['附属医院', AFFILIATED, ['江南医科大学附属医院']],
    ['市二院', SHORT_FORMS.市二院, ['青山市第二人民医院']],
    ['县二院', SHORT_FORMS.县二院, ['白水县人民医院']],
    ['我院', SHORT_FORMS.我院, []],
  ])('%s: no hospital, the words the document uses, and the existing hospitals they may mean', async (hint, content, expected) => {
    const { document, ownerCandidates, lowConfidence } = await preview(`${hint}.txt`, content);
    expect(document.cases).toHaveLength(1);
    expect(document.cases[0]).toMatchObject({ hospital: null, owner: { hint }, confidence: { owner: { rule: 'unresolved', score: 0 } } });
    expect(ownerCandidates).toEqual([expected.map((name) => ({ name, documentId: hospitalIds.get(name), from: 'database' }))]);
    expect(lowConfidence).toBe(0.6);
  });

  test('a case whose owner the document names has no candidates to pick from', async () => {
    const { document, ownerCandidates } = await preview('named.txt', '青山市中医医院开展党建活动\n\n青山市中医医院党委组织党员义诊20次。');
    expect(document.cases.map((found) => found.hospital)).toEqual(['青山市中医医院']);
    expect(ownerCandidates).toEqual([[]]);
  });
});

describe('confirming in the admin', () => {
  test('without an owner is refused, saying which case lacks one, and writes nothing', async () => {
    const { document } = await preview('affiliated.txt', AFFILIATED);
    const before = await Promise.all(['api::case.case', 'api::hospital.hospital', 'plugin::casebook.source-document'].map(count));
    const response = await admin.post('/casebook/import', { ...upload('affiliated.txt', AFFILIATED), document }).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toContain('未确定归属医院');
    expect(response.body.error.message).toContain(`《${document.cases[0].title}》`);
    expect(await Promise.all(['api::case.case', 'api::hospital.hospital', 'plugin::casebook.source-document'].map(count))).toEqual(before);
  });

  test('with a picked candidate writes a draft linked to that existing hospital', async () => {
    const { document, ownerCandidates } = await preview('affiliated.txt', AFFILIATED);
    const [picked] = ownerCandidates[0];
    const hospitals = await count('api::hospital.hospital');
    const corrected = { ...document, cases: document.cases.map((found) => ({ ...found, hospital: picked.name })) };
    const report = (await admin.post('/casebook/import', { ...upload('affiliated.txt', AFFILIATED), document: corrected }).expect(200)).body.data;
    expect(report).toMatchObject({ status: 'created', cases: { created: 1, updated: 0 }, hospitals: { created: 0, matched: 1 }, unresolvedOwners: [] });
    expect(await count('api::hospital.hospital')).toBe(hospitals);
    const [written] = (await casebook.strapi.db.query('api::case.case').findMany({ where: { title: document.cases[0].title }, populate: { hospital: true } })) as Array<{
      publishedAt: string | null;
      hospital: { documentId: string } | null;
    }>;
    expect(written.publishedAt).toBeNull();
    expect(written.hospital?.documentId).toBe(hospitalIds.get('江南医科大学附属医院'));
  });

  test('with a new hospital typed by name creates that hospital and links the draft to it', async () => {
    const { document } = await preview('city-second.txt', SHORT_FORMS.市二院);
    const corrected = { ...document, cases: document.cases.map((found) => ({ ...found, hospital: '青山市第二医院' })) };
    const report = (await admin.post('/casebook/import', { ...upload('city-second.txt', SHORT_FORMS.市二院), document: corrected }).expect(200)).body.data;
    expect(report).toMatchObject({ status: 'created', hospitals: { created: 1, matched: 0 } });
    const hospital = await casebook.strapi.db.query('api::hospital.hospital').findOne({ where: { name: '青山市第二医院' }, populate: { cases: true } });
    expect(hospital.cases.map((found: { title: string }) => found.title)).toEqual([document.cases[0].title]);
  });
});

describe('importing without anyone to pick the owner (the CLI, the seed step)', () => {
  test('writes a draft without a hospital and reports it unresolved', async () => {
    const report = await importer().importDocument('county-second.txt', Buffer.from(SHORT_FORMS.县二院));
    expect(report).toMatchObject({ status: 'created', cases: { created: 1, updated: 0 }, hospitals: { created: 0, matched: 0 } });
    expect(report.unresolvedOwners).toEqual([{ documentId: expect.any(String), title: '送医下乡 情暖乡村', hint: '县二院' }]);
    expect(await draftOf(report.unresolvedOwners[0].documentId)).toMatchObject({ title: '送医下乡 情暖乡村', hospital: null });
    // The report the admin lists says so too.
    const source = await casebook.strapi.db.query('plugin::casebook.source-document').findOne({ where: { sha256: report.sha256 } });
    expect(source.report.unresolvedOwners).toEqual(report.unresolvedOwners);
  });

  test('with publish, leaves the case a draft and reports it unresolved', async () => {
    const report = await importer().importDocument('ours.txt', Buffer.from(SHORT_FORMS.我院), { publish: true });
    expect(report).toMatchObject({ status: 'created', cases: { created: 1, updated: 0 } });
    expect(report.unresolvedOwners).toEqual([{ documentId: expect.any(String), title: '党建引领 服务暖心', hint: '我院' }]);
    const { documentId } = report.unresolvedOwners[0];
    expect(await casebook.strapi.documents('api::case.case').findOne({ documentId, status: 'published' })).toBeNull();
    expect(await draftOf(documentId)).toMatchObject({ hospital: null });
    expect((await casebook.http().get('/api/cases').expect(200)).body.data.map((found: { title: string }) => found.title)).not.toContain('党建引领 服务暖心');
  });

  test('with publish, still publishes a case whose owner the document names', async () => {
    const report = await importer().importDocument('named.txt', Buffer.from('青山市中医医院开展党建活动\n\n青山市中医医院党委组织党员义诊20次。'), { publish: true });
    expect(report).toMatchObject({ status: 'created', cases: { created: 1 }, unresolvedOwners: [] });
    expect((await casebook.http().get('/api/cases').expect(200)).body.data.map((found: { title: string }) => found.title)).toContain('青山市中医医院开展党建活动');
  });
});
