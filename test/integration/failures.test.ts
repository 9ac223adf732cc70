import { Client } from 'pg';
import { testDatabaseClient } from '../support/database';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { startCms } from '../support/process';
import { bootCasebook, type Casebook } from '../support/strapi';
import { freePort } from '../support/wait';

/** What happens to a CMS on PostgreSQL when the database is not there, or goes away under it. */
const describeOnPostgres = testDatabaseClient() === 'postgres' ? describe : describe.skip;

describeOnPostgres('PostgreSQL failures', () => {
  test('a CMS started with the database unreachable stops at once, saying where it looked and what to check, without the password', async () => {
    const port = await freePort();
    const cms = await startCms({ DATABASE_CLIENT: 'postgres', DATABASE_URL: `postgres://casebook:do-not-print@127.0.0.1:${port}/casebook` });
    const exit = await Promise.race([cms.exited, new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000))]);
    await cms.stop();
    expect(exit).toBe(1);
    expect(cms.output()).toContain(`Casebook cannot reach its PostgreSQL database casebook at 127.0.0.1:${port} (ECONNREFUSED`);
    expect(cms.output()).toContain('Check that PostgreSQL is running and that DATABASE_URL');
    expect(cms.output()).not.toContain('do-not-print');
  });

  describe('a restart of PostgreSQL mid-run', () => {
    let casebook: Casebook;
    let world: Showcase;

    beforeAll(async () => {
      casebook = await bootCasebook({ env: { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' } });
      world = await seedShowcase(casebook.strapi);
    });

    afterAll(async () => {
      await casebook?.stop();
    });

    /**
     * What a restart does to the CMS: every connection it holds is closed by the server. (The server itself is not
     * restarted: other suites use it at the same time.) Returns how many connections were cut.
     */
    const cutConnections = async () => {
      const admin = new Client({ connectionString: process.env.CASEBOOK_TEST_POSTGRES_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
          new URL(casebook.database.env.DATABASE_URL!).pathname.slice(1),
        ]);
        return rows.length;
      } finally {
        await admin.end();
      }
    };

    test('is survived by the very next request: reads, votes and the GraphQL API answer', async () => {
      const documentId = world.published.case.documentId;
      await casebook.http().get('/api/cases').expect(200);
      await casebook.http().post(`/api/casebook/cases/${documentId}/views`).send({ voter: 'before' }).expect(200);

      expect(await cutConnections()).toBeGreaterThan(0);
      await casebook.http().get('/api/cases').expect(200);
      expect((await casebook.http().post(`/api/casebook/cases/${documentId}/votes`).send({ voter: 'after' }).expect(200)).body.data.counted).toBe(true);

      expect(await cutConnections()).toBeGreaterThan(0);
      const { status, data, errors } = await casebook.graphql('{ cases { documentId } }');
      expect({ status, errors }).toEqual({ status: 200, errors: undefined });
      expect(data.cases.map((found: { documentId: string }) => found.documentId)).toContain(documentId);

      expect(await cutConnections()).toBeGreaterThan(0);
      expect((await casebook.http().post(`/api/casebook/cases/${documentId}/views`).send({ voter: 'after' }).expect(200)).body.data.counted).toBe(true);
    });
  });
});
