// `npm start` as a newcomer runs it: builds what is missing, creates the database, serves /admin and /graphql.
// Runs after jest (it rebuilds cms/dist, which the jest suites load).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const waitForHealth = async (url, child, deadline) => {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('npm start did not become healthy in time');
};

test('npm start seeds an empty SQLite database and serves the admin panel and GraphQL', { timeout: 600_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_ENV;
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/_health`, child, Date.now() + 540_000);
    assert.ok(fs.existsSync(path.join(dir, 'data.db')), 'the SQLite database was created where DATABASE_FILENAME points');

    const admin = await fetch(`http://127.0.0.1:${port}/admin`);
    assert.equal(admin.status, 200);
    assert.match(await admin.text(), /<div id="strapi"|<script/);

    const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cases_connection { pageInfo { total } } hospitals(pagination: { pageSize: 100 }) { name } }' }),
    });
    assert.equal(graphql.status, 200);
    const body = await graphql.json();
    assert.equal(body.errors, undefined);
    // The seed step imported the five seed documents, published: 16 cases from 16 hospitals.
    assert.equal(body.data.cases_connection.pageInfo.total, 16);
    assert.equal(body.data.hospitals.length, 16);
  } catch (error) {
    console.error(output.slice(-4000));
    throw error;
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
