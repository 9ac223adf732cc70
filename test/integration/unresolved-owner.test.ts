import { bootCasebook, type Casebook } from '../support/strapi';

/** Short documents that name their owner by a short form only, or not at all. */
const SHORT_FORMS = {
  县二院: '送医下乡 情暖乡村\n\n县二院党总支组织党员专家深入乡镇开展义诊，惠及群众300余人。',
  我院: '党建引领 服务暖心\n\n我院党委开展主题党日活动10余次，党员参与率达95%。',
};

let casebook: Casebook;

const importer = () => casebook.strapi.plugin('casebook').service('importer');

/** The draft a case was written as, with its hospital's documentId. */
const draftOf = async (documentId: string) =>
  (await casebook.strapi.db.query('api::case.case').findOne({
    where: { documentId, publishedAt: null },
    populate: { hospital: { select: ['documentId', 'name'] } },
  })) as { title: string; hospital: { documentId: string; name: string } | null } | null;

beforeAll(async () => {
  casebook = await bootCasebook();
});

afterAll(async () => {
  await casebook?.stop();
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
