import { Client } from 'pg';
import { testDatabaseClient } from '../support/database';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';
import { waitUntil } from '../support/wait';
import { dayIn, voterKeyOf } from '../../plugins/casebook/server/src/engagement/keys';

const COUNTERS = 'casebook_case_counters';

/**
 * Two transactions that lock the same two counter rows in opposite orders deadlock; in the same order, one waits
 * for the other. Another instance's group of reads is played here by a plain connection holding a counter row.
 * Deadlocks need concurrent writers on one server: PostgreSQL only (SQLite has a single writer).
 */
const describeOnPostgres = testDatabaseClient() === 'postgres' ? describe : describe.skip;

describeOnPostgres('groups of reads and other instances’ writes on PostgreSQL', () => {
  let casebook: Casebook;
  let world: Showcase;
  let other: Client;
  let watcher: Client;
  let low: string;
  let high: string;

  const engagement = () => casebook.strapi.plugin('casebook').service('engagement');

  /** Resolves once a backend of the app's database waits for a row lock. */
  const someoneWaitsForALock = () =>
    waitUntil(
      'a transaction to wait for the row lock',
      async () => {
        const { rows } = await watcher.query(
          "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> $1",
          [(other as unknown as { processID: number }).processID],
        );
        return rows[0].waiting > 0;
      },
      5000,
    );

  /** The app's warnings from now on, instead of the console; `restore` gives the console back. */
  const captureWarnings = () => {
    const lines: string[] = [];
    const spy = jest.spyOn(casebook.strapi.log, 'warn').mockImplementation((message: unknown) => {
      lines.push(String(message));
      return casebook.strapi.log;
    });
    return { lines, restore: () => spy.mockRestore() };
  };

  beforeAll(async () => {
    casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
    world = await seedShowcase(casebook.strapi);
    [low, high] = [world.published.case.documentId, world.edited.case.documentId].sort();
    // Both cases have a counter row: a first read each.
    await engagement().recordView(low, { voter: 'first', address: '192.0.2.1' });
    await engagement().recordView(high, { voter: 'first', address: '192.0.2.1' });
    other = new Client({ connectionString: casebook.database.env.DATABASE_URL });
    watcher = new Client({ connectionString: casebook.database.env.DATABASE_URL });
    await Promise.all([other.connect(), watcher.connect()]);
  });

  afterAll(async () => {
    await other?.end();
    await watcher?.end();
    await casebook?.stop();
  });

  test('a group locks its counter rows in key order: a transaction holding the first and then taking the second is not deadlocked', async () => {
    const warnings = captureWarnings();
    try {
      await other.query('begin');
      await other.query(`update ${COUNTERS} set views = views + 1 where document_id = $1`, [low]);

      // One group, arriving in the order high, low: in arrival order it would lock high and then wait for low.
      const reads = Promise.all([
        engagement().recordView(high, { voter: 'reader-a', address: '192.0.2.2' }),
        engagement().recordView(low, { voter: 'reader-b', address: '192.0.2.3' }),
      ]);
      await someoneWaitsForALock();

      // The other writer now takes high too: free, because the group waits for low before it locks high.
      await other.query(`update ${COUNTERS} set views = views + 1 where document_id = $1`, [high]);
      await other.query('commit');

      expect((await reads).map((read) => read.counted)).toEqual([true, true]);
      const rows: Array<{ document_id: string; views: string | number }> = await casebook.strapi.db.connection(COUNTERS).select('document_id', 'views');
      const views = Object.fromEntries(rows.map((row) => [row.document_id, Number(row.views)]));
      // A first read, the group's read and the other writer's increment each.
      expect(views).toEqual({ [low]: 3, [high]: 3 });
      // Nothing was a deadlock victim, so nothing was tried again.
      expect(warnings.lines.filter((line) => line.includes('failed transiently'))).toEqual([]);
    } finally {
      await other.query('rollback').catch(() => undefined);
      warnings.restore();
    }
  });

  test('a vote that is a deadlock victim is tried again, and counts once', async () => {
    const warnings = captureWarnings();
    const now = new Date('2026-03-01T04:00:00Z');
    engagement().useClock(() => now);
    try {
      const before = (await engagement().counters([low]))[0].votes;
      const visitor = { voter: 'deadlocked', address: '192.0.2.9' };
      const config = (key: string) => casebook.strapi.plugin('casebook').config(key) as any;
      const ballot = [voterKeyOf(config('secret'), visitor.voter, visitor.address), low, `day:${dayIn(config('votes').timeZone, now)}`, world.campaign.documentId, now.getTime()];

      // The other writer holds the case's counter row; the vote inserts its ballot and waits for that row.
      await other.query('begin');
      // The vote's backend, not this one, looks for the deadlock first (after its default 1 s) and gives way.
      await other.query("set local deadlock_timeout = '30s'");
      await other.query(`update ${COUNTERS} set votes = votes where document_id = $1`, [low]);
      const vote = engagement().vote(low, visitor);
      await someoneWaitsForALock();
      // Now the other writer waits for the vote's uncommitted ballot: a cycle, and the vote's transaction is rolled back.
      await other.query('insert into casebook_ballots (voter_key, document_id, period, campaign_id, cast_at) values ($1, $2, $3, $4, $5)', ballot);
      await other.query('rollback');

      expect(await vote).toEqual({ counted: true, votes: before + 1, reason: null });
      expect((await engagement().counters([low]))[0].votes).toBe(before + 1);
      expect(warnings.lines.filter((line) => line.includes('the vote failed transiently (40P01, try 1)'))).toHaveLength(1);
    } finally {
      await other.query('rollback').catch(() => undefined);
      engagement().useClock(() => new Date());
      warnings.restore();
    }
  });
});
