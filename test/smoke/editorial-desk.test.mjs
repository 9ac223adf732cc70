// The editorial desk in a real browser, as an editor who has never seen Casebook uses it, in Chinese: a fresh
// `npm start` (on PostgreSQL when CASEBOOK_TEST_POSTGRES_URL is set), an Editor signed in from a zh-CN
// browser, then each step of test/smoke/desk/ in the order of an editor's day. Every page passed through is
// asserted to speak Chinese and saved as a screenshot under test/artifacts/.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { adminApi, launchBrowser, requireChromium, signIn, startCms, SUPER_ADMIN } from './support/cms.mjs';

/** The editor of this test: an admin user of Strapi's Editor role, created by the Super Admin. */
const EDITOR = { email: 'editor@example.com', password: 'Editor2024', firstname: '编辑', lastname: '王' };

const STEPS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'desk');

/**
 * The steps, in the order an editor takes them: each file of desk/ (named NN-what.mjs, run in name order)
 * exports a default `async (desk) => …` that gets the shared desk and leaves what later steps need in `desk.state`.
 */
const steps = async () =>
  Promise.all(
    fs
      .readdirSync(STEPS_DIR)
      .filter((name) => /^\d\d-.+\.mjs$/.test(name))
      .sort()
      .map(async (name) => ({ name, run: (await import(pathToFileURL(path.join(STEPS_DIR, name)).href)).default })),
  );

/** Creates the Editor user through the admin API, as a Super Admin does in Settings → Users. */
const createEditor = async (base) => {
  const superAdmin = await adminApi(base, SUPER_ADMIN);
  const roles = (await superAdmin.json('GET', '/admin/roles')).data;
  const editorRole = roles.find((role) => role.code === 'strapi-editor');
  const { firstname, lastname, email, password } = EDITOR;
  const user = (await superAdmin.json('POST', '/admin/users', { firstname, lastname, email, roles: [editorRole.id] })).data;
  await superAdmin.json('PUT', `/admin/users/${user.id}`, { password, isActive: true });
  return superAdmin;
};

test('an editor imports, reviews, publishes and puts a case to the vote, in Chinese', { timeout: 1_800_000 }, async () => {
  requireChromium();
  const cms = await startCms();
  const browser = await launchBrowser();
  try {
    const superAdmin = await createEditor(cms.base);
    const editor = await adminApi(cms.base, EDITOR);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, cms.base, EDITOR);
    const desk = { base: cms.base, page, editor, superAdmin, state: {} };
    for (const step of await steps()) {
      console.log(`editorial desk: ${step.name}`);
      await step.run(desk);
    }
  } catch (error) {
    console.error(cms.output().slice(-4000));
    throw error;
  } finally {
    await browser.close();
    await cms.stop();
  }
});
