import { createRole, findRole, logIn, signInAs, type AdminPrincipal, type AdminRole } from '../support/admin';
import { seedShowcase } from '../support/fixtures';
import { bootCasebook, type Casebook } from '../support/strapi';
import type { TestDatabase } from '../support/database';

const EVERY = [
  'plugin::casebook.campaigns',
  'plugin::casebook.import',
  'plugin::casebook.overview.read',
  'plugin::casebook.review',
  'plugin::casebook.voting.export-ballots',
  'plugin::casebook.voting.export-ranking',
  'plugin::casebook.voting.read',
  'plugin::casebook.voting.switch',
];
const AUTHOR = ['plugin::casebook.import', 'plugin::casebook.overview.read', 'plugin::casebook.review'];
const REMOVED = 'plugin::casebook.voting.export-ballots';

/** The plugin's actions a role holds, sorted. */
const casebookActions = async (casebook: Casebook, role: Pick<AdminRole, 'id'>) => {
  const rows = (await casebook.strapi.db.query('admin::permission').findMany({ select: ['action'], where: { role: { id: role.id }, action: { $startsWith: 'plugin::casebook.' } } })) as Array<{
    action: string;
  }>;
  return rows.map((row) => row.action).sort();
};

/** Every role's casebook actions, by role name. */
const holdings = async (casebook: Casebook, roles: AdminRole[]) =>
  Object.fromEntries(await Promise.all(roles.map(async (role) => [role.name, await casebookActions(casebook, role)] as const)));

describe('default admin permissions, across restarts on one database', () => {
  let casebook: Casebook | undefined;
  let database: TestDatabase;
  let roles: AdminRole[];
  let reviewer: AdminRole;
  let editor: AdminPrincipal;
  let campaign: string;

  const restart = async () => {
    await casebook!.stop({ keepDatabase: true });
    casebook = undefined;
    casebook = await bootCasebook({ database });
  };

  afterAll(async () => {
    if (casebook) await casebook.stop();
    else await database?.drop();
  });

  test('a fresh database: Super Admin and Editor hold every casebook action, Author the overview, import and review, a new role none', async () => {
    casebook = await bootCasebook();
    database = casebook.database;
    campaign = (await seedShowcase(casebook.strapi)).campaign.documentId;
    roles = await Promise.all((['strapi-super-admin', 'strapi-editor', 'strapi-author'] as const).map((code) => findRole(casebook!, code)));
    reviewer = await createRole(casebook, 'Reviewer');
    expect(await holdings(casebook, [...roles, reviewer])).toEqual({ 'Super Admin': EVERY, Editor: EVERY, Author: AUTHOR, Reviewer: [] });
  });

  test("an administrator takes the ballots export away from Editor (Settings → Roles): the Editor's session is refused it", async () => {
    const superAdmin = await signInAs(casebook!, 'strapi-super-admin');
    const editorRole = roles[1]!;
    const current = await superAdmin.get(`/admin/roles/${editorRole.id}/permissions`).expect(200);
    const kept = (current.body.data as Array<{ action: string; subject: string | null; properties: object; conditions: string[] }>)
      .filter((permission) => permission.action !== REMOVED)
      .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    await superAdmin.put(`/admin/roles/${editorRole.id}/permissions`, { permissions: kept }).expect(200);

    editor = await signInAs(casebook!, 'strapi-editor');
    await editor.get(`/casebook/campaigns/${campaign}/ballots.csv`).expect(403);
    await editor.get(`/casebook/campaigns/${campaign}/ranking.csv`).expect(200);
  });

  test('after a restart the removal stands, the later role still holds nothing, Super Admin still everything', async () => {
    await restart();
    expect(await holdings(casebook!, [...roles, reviewer])).toEqual({
      'Super Admin': EVERY,
      Editor: EVERY.filter((action) => action !== REMOVED),
      Author: AUTHOR,
      Reviewer: [],
    });
    const again = await logIn(casebook!, { email: editor.user.email, password: editor.password });
    await again.get(`/casebook/campaigns/${campaign}/ballots.csv`).expect(403);
    await again.get(`/casebook/campaigns/${campaign}/ranking.csv`).expect(200);
  });

  test('a database from before these permissions (no grants, nothing remembered): the next start grants the defaults once', async () => {
    await casebook!.strapi.db.query('admin::permission').deleteMany({ where: { action: { $startsWith: 'plugin::casebook.' }, role: { id: { $in: [roles[1]!.id, roles[2]!.id] } } } });
    await casebook!.strapi.store.delete({ type: 'plugin', name: 'casebook', key: 'admin-permission-defaults' });
    await restart();
    expect(await holdings(casebook!, [...roles, reviewer])).toEqual({ 'Super Admin': EVERY, Editor: EVERY, Author: AUTHOR, Reviewer: [] });
  });
});
