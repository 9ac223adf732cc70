import { signInAs, type Principal } from '../support/admin';
import { bootCasebook, type Casebook } from '../support/strapi';

/**
 * Issue 16, item 5: an editor runs a campaign from the voting centre (create it, put cases in it and take them
 * out, move it through its stages) without the Content Manager, and its vote is open only in its voting stage.
 */
let casebook: Casebook;
let editor: Principal;
let published: { documentId: string };
let draft: { documentId: string };
let campaign: string;

type VoteAnswer = { counted: boolean; reason?: string };
const vote = (documentId: string, voter: string): Promise<VoteAnswer> =>
  casebook.strapi.plugin('casebook').service('engagement').vote(documentId, { voter, address: '198.51.100.9' });

beforeAll(async () => {
  casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
  const documents = casebook.strapi.documents;
  const hospital = await documents('api::hospital.hospital').create({ data: { name: '活动测试人民医院', province: 'sichuan' } });
  published = await documents('api::case.case').create({ data: { title: '活动测试 已发布案例', hospital: hospital.documentId } });
  await documents('api::case.case').publish({ documentId: published.documentId });
  draft = await documents('api::case.case').create({ data: { title: '活动测试 草稿案例', hospital: hospital.documentId } });
  editor = await signInAs(casebook, 'strapi-editor');
});

afterAll(async () => {
  await casebook?.stop();
});

describe('a campaign run from the voting centre', () => {
  test('an editor creates a campaign: it starts collecting and is listed; a second of the same name is refused', async () => {
    const created = await editor.post('/casebook/campaigns', { name: '2026年党建创新案例征集', organiser: '健康报社', year: 2026, description: '测试用' }).expect(201);
    campaign = created.body.data.documentId;
    const listed = await editor.get('/casebook/campaigns').expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ documentId: campaign, name: '2026年党建创新案例征集', organiser: '健康报社', year: 2026, stage: 'collecting', ballots: 0 }),
    ]);
    await editor.post('/casebook/campaigns', { name: '2026年党建创新案例征集' }).expect(400);
    await editor.post('/casebook/campaigns', { name: '' }).expect(400);
    await editor.post('/casebook/campaigns', { name: '年份不对', year: 1800 }).expect(400);
  });

  test('an editor edits its organiser and year', async () => {
    await editor.put(`/casebook/campaigns/${campaign}`, { name: '2026年党建创新案例征集', organiser: '中国卫生健康网', year: 2027 }).expect(200);
    const listed = await editor.get('/casebook/campaigns').expect(200);
    expect(listed.body.data[0]).toEqual(expect.objectContaining({ organiser: '中国卫生健康网', year: 2027 }));
  });

  test('finds cases by title and adds them: drafts and published cases alike, on every row of the case', async () => {
    const found = await editor.get(`/casebook/campaign-cases?search=${encodeURIComponent('活动测试')}`).expect(200);
    expect(found.body.data.map((row: { title: string }) => row.title)).toEqual(['活动测试 已发布案例', '活动测试 草稿案例']);
    const added = await editor.post(`/casebook/campaigns/${campaign}/cases`, { cases: [published.documentId, draft.documentId] }).expect(200);
    expect(added.body.data).toEqual([
      { documentId: published.documentId, title: '活动测试 已发布案例', hospital: '活动测试人民医院', published: true, campaign: '2026年党建创新案例征集' },
      { documentId: draft.documentId, title: '活动测试 草稿案例', hospital: '活动测试人民医院', published: false, campaign: '2026年党建创新案例征集' },
    ]);
    // The published row too: the public ranking lists the case without its being published again.
    const ranking = await editor.get(`/casebook/campaigns/${campaign}/ranking`).expect(200);
    expect(ranking.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([published.documentId]);
    await editor.post(`/casebook/campaigns/${campaign}/cases`, { cases: ['no-such-case'] }).expect(404);
  });

  test('a case of another campaign is refused, not moved', async () => {
    const other = await editor.post('/casebook/campaigns', { name: '另一个征集活动' }).expect(201);
    const refused = await editor.post(`/casebook/campaigns/${other.body.data.documentId}/cases`, { cases: [published.documentId] }).expect(400);
    expect(refused.body.error.message).toContain('2026年党建创新案例征集');
  });

  test('moves one stage at a time; a skipped or unknown stage is refused; votes count only in the voting stage', async () => {
    expect(await vote(published.documentId, 'early')).toEqual(expect.objectContaining({ counted: false, reason: 'voting_closed' }));
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'voting' }).expect(400);
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'collecting' }).expect(400);
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'finished' }).expect(400);
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'reviewing' }).expect(200);
    const moved = await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'voting' }).expect(200);
    expect(moved.body.data).toEqual({ stage: 'voting' });
    expect(await vote(published.documentId, 'in-time')).toEqual(expect.objectContaining({ counted: true }));
    const ranking = await editor.get(`/casebook/campaigns/${campaign}/ranking`).expect(200);
    expect(ranking.body.data[0]).toEqual(expect.objectContaining({ documentId: published.documentId, votes: 1 }));
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'showcase' }).expect(200);
    expect(await vote(published.documentId, 'late')).toEqual(expect.objectContaining({ counted: false, reason: 'voting_closed' }));
    // Back one stage, to reopen a vote closed too early.
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'voting' }).expect(200);
    expect(await vote(published.documentId, 'reopened')).toEqual(expect.objectContaining({ counted: true }));
  });

  test('takes a case out; a closed campaign takes no case in or out', async () => {
    const left = await editor.delete(`/casebook/campaigns/${campaign}/cases/${draft.documentId}`).expect(200);
    expect(left.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([published.documentId]);
    await editor.delete(`/casebook/campaigns/${campaign}/cases/${draft.documentId}`).expect(404);
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'showcase' }).expect(200);
    await editor.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'closed' }).expect(200);
    await editor.post(`/casebook/campaigns/${campaign}/cases`, { cases: [draft.documentId] }).expect(400);
    await editor.delete(`/casebook/campaigns/${campaign}/cases/${published.documentId}`).expect(400);
  });

  test('an Author may see the voting centre only if granted; running campaigns is refused', async () => {
    const author = await signInAs(casebook, 'strapi-author');
    await author.post('/casebook/campaigns', { name: '作者的活动' }).expect(403);
    await author.put(`/casebook/campaigns/${campaign}/stage`, { stage: 'showcase' }).expect(403);
    await author.get(`/casebook/campaigns/${campaign}/ballots.csv`).expect(403);
  });
});
