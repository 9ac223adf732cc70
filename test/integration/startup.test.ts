import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/database';
import { CMS_DIR, ROOT_DIR } from '../support/paths';
import { bootCasebook } from '../support/strapi';

const ADMIN = { CASEBOOK_ADMIN_EMAIL: 'Editor@Example.com', CASEBOOK_ADMIN_PASSWORD: 'Casebook2024' };

const publicActions = async (strapi: import('@strapi/strapi').Core.Strapi) => {
  const rows = await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: { type: 'public' } } });
  return rows.map((row: { action: string }) => row.action).sort();
};

describe('startup', () => {
  test('on an empty database twice in a row: the same public role, one admin, no duplicates', async () => {
    const database = await createTestDatabase();
    const first = await bootCasebook({ database, env: ADMIN });
    const actionsAfterFirst = await publicActions(first.strapi);
    const admins = await first.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    expect(admins.map((user: { email: string; roles: Array<{ code: string }> }) => [user.email, user.roles.map((role) => role.code)])).toEqual([
      ['editor@example.com', ['strapi-super-admin']],
    ]);
    // Someone grants the public a write by hand; the next start takes it back.
    const publicRole = await first.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await first.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'api::case.case.create', role: publicRole.id } });
    await first.stop({ keepDatabase: true });

    const second = await bootCasebook({ database, env: { ...ADMIN, CASEBOOK_ADMIN_EMAIL: 'someone-else@example.com' } });
    try {
      expect(await publicActions(second.strapi)).toEqual(actionsAfterFirst);
      // find and findOne on six types, and the four engagement actions.
      expect(actionsAfterFirst).toHaveLength(16);
      expect(await second.strapi.db.query('admin::user').count()).toBe(1);
      await second.http().post('/admin/login').send({ email: 'editor@example.com', password: ADMIN.CASEBOOK_ADMIN_PASSWORD }).expect(200);
    } finally {
      await second.stop();
    }
  });

  const registerAdmin = (casebook: Awaited<ReturnType<typeof bootCasebook>>, headers: Record<string, string> = {}) =>
    casebook
      .http()
      .post('/admin/register-admin')
      .set(headers)
      .send({ firstname: 'First', lastname: 'Visitor', email: 'first@example.com', password: 'Visitor2024' });

  test('without admin variables, outside production the first admin registers from this machine only', async () => {
    const casebook = await bootCasebook({ env: { IS_PROXIED: 'true' } });
    try {
      expect(await casebook.strapi.db.query('admin::user').count()).toBe(0);
      const init = await casebook.http().get('/admin/init').expect(200);
      expect(init.body.data.hasAdmin).toBe(false);

      const remote = await registerAdmin(casebook, { 'X-Forwarded-For': '203.0.113.7' }).expect(403);
      expect(remote.body.error.message).toMatch(/^首个管理员只能从本机.*CASEBOOK_ADMIN_EMAIL/);
      expect(await casebook.strapi.db.query('admin::user').count()).toBe(0);

      await registerAdmin(casebook).expect(200);
      expect(await casebook.strapi.db.query('admin::user').count()).toBe(1);
    } finally {
      await casebook.stop();
    }
  });

  test('without admin variables, production closes the registration of the first admin unless CASEBOOK_ADMIN_REGISTRATION=open', async () => {
    const database = await createTestDatabase();
    const closed = await bootCasebook({ database, env: { NODE_ENV: 'production' } });
    try {
      const refused = await registerAdmin(closed).expect(403);
      expect(refused.body.error.message).toMatch(/^首个管理员注册已关闭.*First-admin registration is closed: set CASEBOOK_ADMIN_EMAIL and CASEBOOK_ADMIN_PASSWORD/);
      // Every spelling the router accepts reaches the same guarded route.
      await closed.http().post('/ADMIN/Register-Admin/').send({ email: 'x@example.com', password: 'Visitor2024', firstname: 'X' }).expect(403);
      expect(await closed.strapi.db.query('admin::user').count()).toBe(0);
    } finally {
      await closed.stop({ keepDatabase: true });
    }

    const open = await bootCasebook({ database, env: { NODE_ENV: 'production', IS_PROXIED: 'true', CASEBOOK_ADMIN_REGISTRATION: 'open' } });
    try {
      await registerAdmin(open, { 'X-Forwarded-For': '203.0.113.7' }).expect(200);
      expect(await open.strapi.db.query('admin::user').count()).toBe(1);
    } finally {
      await open.stop();
    }
  });

  test('an unknown CASEBOOK_ADMIN_REGISTRATION stops the start', async () => {
    await expect(bootCasebook({ env: { CASEBOOK_ADMIN_REGISTRATION: 'yes' } })).rejects.toThrow(
      /CASEBOOK_ADMIN_REGISTRATION\) must be one of open, loopback, closed, not yes/,
    );
  });

  test('a weak admin password stops the start with a clear message', async () => {
    await expect(bootCasebook({ env: { CASEBOOK_ADMIN_EMAIL: 'a@example.com', CASEBOOK_ADMIN_PASSWORD: 'short' } })).rejects.toThrow(
      /CASEBOOK_ADMIN_PASSWORD needs 8 to 73 characters/,
    );
  });

  test('production refuses to start without secrets, naming them', () => {
    const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-prod-'));
    const script = `
      const { loadCms } = require('@casebook/strapi-plugin/boot');
      loadCms({ appDir: ${JSON.stringify(CMS_DIR)} })
        .then(() => { console.log('STARTED'); process.exit(0); })
        .catch((error) => { console.error(error.message); process.exit(3); });`;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', ENV_PATH: path.join(envDir, '.env') };
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT_DIR, env, encoding: 'utf8', timeout: 60000 });
    expect(result.stdout).not.toContain('STARTED');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/refuses to start in production without these secrets: APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET/);
    expect(fs.readdirSync(envDir)).toEqual([]);
  });
});
