import { signInAs } from '../support/admin';
import { bootCasebook, type Casebook } from '../support/strapi';

/** The voting centre's CSV exports state times in the zone the ballots' days are counted in, whatever it is. */
describe('CSV exports in another vote time zone (CASEBOOK_VOTE_TIME_ZONE)', () => {
  let elsewhere: Casebook;
  afterAll(() => elsewhere?.stop());

  test("times are in that zone's local time with its offset, and the headers name it", async () => {
    elsewhere = await bootCasebook({ env: { CASEBOOK_VOTE_TIME_ZONE: 'America/New_York' } });
    const documents = elsewhere.strapi.documents;
    const local = await documents('api::campaign.campaign').create({ data: { name: '时区测试活动', year: 2026, stage: 'voting' } });
    const created = await documents('api::case.case').create({ data: { title: '时区测试案例', campaign: local.documentId } });
    await documents('api::case.case').publish({ documentId: created.documentId });
    await elsewhere.strapi.plugin('casebook').service('engagement').vote(created.documentId, { voter: 'zone-voter', address: '198.51.100.8' });
    const editor = await signInAs(elsewhere, 'strapi-super-admin');
    // These rows hold no comma, quote or line break: a line is its cells joined by commas.
    const rows = async (path: string) => {
      const response = await editor.get(path).buffer(true).parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });
      expect(response.status).toBe(200);
      return (response.body as string).replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(','));
    };
    const [rankingHeader, ranked] = await rows(`/casebook/campaigns/${local.documentId}/ranking.csv`);
    const [ballotHeader, ballot] = await rows(`/casebook/campaigns/${local.documentId}/ballots.csv`);
    expect(rankingHeader!.at(-1)).toBe('最后投票时间 (America/New_York)');
    expect(ballotHeader![0]).toBe('投票时间 (America/New_York)');
    for (const time of [ranked!.at(-1)!, ballot![0]!]) {
      expect(time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[45]:00$/);
      expect(Math.abs(Date.parse(time) - Date.now())).toBeLessThan(10 * 60_000);
    }
    expect(ballot![4]).toBe(`day:${ballot![0]!.slice(0, 10)}`);
  });
});
