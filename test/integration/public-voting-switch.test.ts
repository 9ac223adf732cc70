import { Client } from 'pg';
import { signInAs } from '../support/admin';
import { createTestDatabase, testDatabaseClient, type TestDatabase } from '../support/database';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';
import { waitUntil } from '../support/wait';

const VOTE_ACTION = 'plugin::casebook.engagement.vote';
const ENV = { CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' };

let database: TestDatabase;
let casebook: Casebook;
let world: Showcase;

const vote = (voter: string) => casebook.http().post(`/api/casebook/cases/${world.published.case.documentId}/votes`).send({ voter });
const votingState = async () => (await (await signInAs(casebook, 'strapi-editor')).get('/casebook/voting').expect(200)).body.data.open as boolean;

beforeAll(async () => {
  database = await createTestDatabase();
  casebook = await bootCasebook({ database, env: ENV });
  world = await seedShowcase(casebook.strapi);
});

afterAll(async () => {
  await casebook?.stop();
});

describe('the public voting switch', () => {
  test('an editor stops voting in the voting centre: votes are refused at once, and still after a restart, until voting is opened again', async () => {
    const editor = await signInAs(casebook, 'strapi-editor');
    expect((await editor.get('/casebook/voting').expect(200)).body.data).toEqual({ open: true });
    await vote('before').expect(200);

    expect((await editor.put('/casebook/voting', { open: false }).expect(200)).body.data).toEqual({ open: false });
    expect((await vote('stopped').expect(403)).body.error.message).toBe('The Public role does not allow plugin::casebook.engagement.vote');

    await casebook.stop({ keepDatabase: true });
    casebook = await bootCasebook({ database, env: ENV });
    expect(await votingState()).toBe(false);
    await vote('after-restart').expect(403);

    await (await signInAs(casebook, 'strapi-editor')).put('/casebook/voting', { open: true }).expect(200);
    await vote('reopened').expect(200);
  });

  test('taking the vote permission from the Public role (Users & Permissions) is the same switch, and a restart respects it', async () => {
    await casebook.strapi.db.query('plugin::users-permissions.permission').deleteMany({ where: { action: VOTE_ACTION, role: { type: 'public' } } });
    expect(await votingState()).toBe(false);
    await vote('removed').expect(403);

    await casebook.stop({ keepDatabase: true });
    casebook = await bootCasebook({ database, env: ENV });
    expect(await votingState()).toBe(false);
    await vote('removed-after-restart').expect(403);
    await (await signInAs(casebook, 'strapi-editor')).put('/casebook/voting', { open: true }).expect(200);
  });

  test('the switch takes a boolean, and only from a role that holds 开放或暂停公众投票', async () => {
    const editor = await signInAs(casebook, 'strapi-editor');
    for (const body of [{}, { open: 'false' }, { open: 0 }, { open: null }, { open: [false] }]) await editor.put('/casebook/voting', body).expect(400);
    await (await signInAs(casebook, 'strapi-author')).put('/casebook/voting', { open: false }).expect(403);
    expect(await votingState()).toBe(true);
  });
});

/**
 * Another instance's change: a write by another process, which this process's own lifecycle hooks never see.
 * A PostgreSQL trigger notifies every instance when it commits; without it the change arrived with the cached
 * copy's expiry, ten seconds later. The bound waited for here is half that.
 */
const describeOnPostgres = testDatabaseClient() === 'postgres' ? describe : describe.skip;

describeOnPostgres('a permission change made elsewhere', () => {
  const BOUND_MS = 5000;

  let attempt = 0;
  const until = (expected: number, voter: string) =>
    waitUntil(`votes to answer ${expected}`, async () => (await vote(`${voter}-${(attempt += 1)}`)).status === expected, BOUND_MS);

  test(`reaches this instance within ${BOUND_MS / 1000} s, both ways`, async () => {
    await vote('warm').expect(200);
    const other = new Client({ connectionString: database.env.DATABASE_URL });
    await other.connect();
    try {
      const removed = await other.query(
        `delete from up_permissions p using up_permissions_role_lnk l, up_roles r
          where l.permission_id = p.id and r.id = l.role_id and r.type = 'public' and p.action = $1`,
        [VOTE_ACTION],
      );
      expect(removed.rowCount).toBe(1);
      await until(403, 'elsewhere-off');

      await other.query(
        `with p as (insert into up_permissions (document_id, action, created_at, updated_at, published_at) values ('elsewhere', $1, now(), now(), now()) returning id)
         insert into up_permissions_role_lnk (permission_id, role_id) select p.id, r.id from p, up_roles r where r.type = 'public'`,
        [VOTE_ACTION],
      );
      await until(200, 'elsewhere-on');
    } finally {
      await other.end();
    }
  });
});
