// What the browser tests share: a CMS started with `npm start` as a newcomer starts it (on SQLite, or on a
// PostgreSQL database of its own when CASEBOOK_TEST_POSTGRES_URL is set), Debian's chromium, and signing in.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The first admin `npm start` creates (CASEBOOK_ADMIN_*), a Super Admin. */
export const SUPER_ADMIN = { email: 'smoke@example.com', password: 'Smoke2024' };
/** Where browser tests leave their screenshots for a person to look at (git-ignored). */
export const ARTIFACTS = process.env.SMOKE_SCREENSHOTS ?? path.join(ROOT, 'test', 'artifacts');

/**
 * The admin browser tests drive Debian's chromium through playwright-core, which downloads no browser: without
 * it, say what to install instead of Playwright's launch error, and before minutes of `npm start`.
 */
export const requireChromium = () => {
  if (fs.existsSync(CHROMIUM)) return;
  throw new Error(
    `No Chromium at ${CHROMIUM}: the admin browser tests drive Debian's chromium (playwright-core downloads no browser). ` +
      'Install it with the CJK fonts, as .ci/run does: apt-get install chromium fonts-noto-cjk (or point CHROMIUM_PATH at a Chromium).',
  );
};

/** A TCP port nothing listens on now, on 127.0.0.1. */
export const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A database of the test's own: a fresh SQLite file, or a fresh PostgreSQL database dropped by `drop`. */
const createDatabase = async (dir, database) => {
  const adminUrl = process.env.CASEBOOK_TEST_POSTGRES_URL;
  if (database === 'sqlite' || !adminUrl) {
    return { client: 'sqlite', env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') }, drop: async () => {} };
  }
  const name = `casebook_browser_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const query = async (sql) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { client: 'postgres', env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() }, drop: () => query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};

/**
 * Runs `npm start` on a fresh database (`database: 'sqlite'` forces SQLite; by default PostgreSQL when
 * CASEBOOK_TEST_POSTGRES_URL is set) and waits until /_health answers. Returns its base URL, what it printed so
 * far (`output()`), and `stop()`, which ends it and drops the database.
 */
export const startCms = async ({ database, env: extra = {} } = {}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  const db = await createDatabase(dir, database);
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    CASEBOOK_ADMIN_EMAIL: SUPER_ADMIN.email,
    CASEBOOK_ADMIN_PASSWORD: SUPER_ADMIN.password,
    ...db.env,
    ...extra,
  };
  delete env.NODE_ENV;
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 1_200_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('npm start did not become healthy in time');
      const status = await fetch(`${base}/_health`).then((response) => response.status, () => 0);
      if (status === 204) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    console.error(output.slice(-4000));
    await stop();
    throw error;
  }
  return { base, dir, client: db.client, output: () => output, stop };
};

/** Debian's chromium, headless, without the background traffic a test has no use for. */
export const launchBrowser = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/** Signs `page` in to the admin at `base` through its login form, and waits until the admin has left the login page. */
export const signIn = async (page, base, { email, password }) => {
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
};

/** An admin API session: `json(method, path, body)` answers the parsed body and throws on a status other than `expect`. */
export const adminApi = async (base, credentials) => {
  const login = await (
    await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) })
  ).json();
  if (!login.data?.token) throw new Error(`admin login failed: ${JSON.stringify(login).slice(0, 300)}`);
  const headers = { authorization: `Bearer ${login.data.token}` };
  const json = async (method, route, body, expect = [200, 201]) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (![expect].flat().includes(response.status)) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 400)}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { headers, json };
};

/** Saves a full-page screenshot as ARTIFACTS/<name>.png. */
export const screenshot = async (page, name) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
};
