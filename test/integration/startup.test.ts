import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../support/database';
import { CMS_DIR, CMS_DIST_DIR, ROOT_DIR } from '../support/paths';
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

  test('without admin variables, no admin is created and the registration page stays open', async () => {
    const casebook = await bootCasebook();
    try {
      expect(await casebook.strapi.db.query('admin::user').count()).toBe(0);
      const init = await casebook.http().get('/admin/init').expect(200);
      expect(init.body.data.hasAdmin).toBe(false);
    } finally {
      await casebook.stop();
    }
  });

  test('a weak admin password stops the start with a clear message', async () => {
    await expect(bootCasebook({ env: { CASEBOOK_ADMIN_EMAIL: 'a@example.com', CASEBOOK_ADMIN_PASSWORD: 'short' } })).rejects.toThrow(
      /CASEBOOK_ADMIN_PASSWORD needs 8 to 73 characters/,
    );
  });

  test('production refuses to start without secrets, naming them', () => {
    const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-prod-'));
    const script = `
      const { createStrapi } = require('@strapi/strapi');
      createStrapi({ appDir: ${JSON.stringify(CMS_DIR)}, distDir: ${JSON.stringify(CMS_DIST_DIR)} }).load()
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
