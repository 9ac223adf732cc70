import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { createTestDatabase, testDatabaseClient, type TestDatabase } from '../support/database';
import { ROOT_DIR, SEED_FILES } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

const client = testDatabaseClient();
const PLUGIN_TABLES = ['casebook_source_documents', 'casebook_case_counters', 'casebook_ballots', 'casebook_view_marks', 'casebook_idempotency', 'casebook_case_index'];
// One ballot per voter and case for good (not per day), so a vote repeated after the restore is refused whatever the hour.
const ENGAGEMENT = { CASEBOOK_VOTE_RULE: 'per-campaign', CASEBOOK_VOTE_RATE_LIMIT: '0', CASEBOOK_VIEW_RATE_LIMIT: '0' };

let database: TestDatabase;
let scratch: string;
let backupFile: string;
/** Every row of every table before the backup, and the public view of the cases and their counters. */
let before: Snapshot;
let publicCases: string[];
let publicCounters: unknown;

/** Each table's rows, as sorted JSON lines: equal snapshots mean equal tables, whatever order the rows come back in. */
type Snapshot = Record<string, string[]>;

/** A connection of the test's own to the test database, beside (never through) the CMS and the scripts. */
const openDatabase = (): Knex =>
  client === 'sqlite'
    ? knex({ client: 'better-sqlite3', connection: { filename: database.env.DATABASE_FILENAME! }, useNullAsDefault: true })
    : knex({ client: 'pg', connection: database.env.DATABASE_URL! });

const withDatabase = async <T>(work: (db: Knex) => Promise<T>): Promise<T> => {
  const db = openDatabase();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
};

const tableNames = async (db: Knex): Promise<string[]> =>
  client === 'sqlite'
    ? (await db.raw("select name from sqlite_master where type = 'table' and name not like 'sqlite%'")).map((row: { name: string }) => row.name)
    : (await db.raw("select tablename as name from pg_tables where schemaname = 'public'")).rows.map((row: { name: string }) => row.name);

const snapshot = () =>
  withDatabase(async (db) => {
    const tables: Snapshot = {};
    for (const table of (await tableNames(db)).sort()) tables[table] = (await db(table).select()).map((row) => JSON.stringify(row)).sort();
    return tables;
  });

const rowCounts = (tables: Snapshot) => Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length]));

/** The real npm script, as a user runs it, pointed at the test database and at no cms/.env. */
const npm = (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ENV_PATH: path.join(scratch, 'absent.env') };
  for (const key of Object.keys(env)) if (key.startsWith('DATABASE_')) delete env[key];
  const result = spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT_DIR, env: { ...env, ...database.env }, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const fetchPublicView = async (casebook: Casebook) => {
  const cases = await casebook.http().get('/api/cases?pagination[pageSize]=100&sort=documentId').expect(200);
  const documentIds: string[] = cases.body.data.map((found: { documentId: string }) => found.documentId);
  const counters = await casebook.http().get(`/api/casebook/counters?documentIds=${documentIds.join(',')}`).expect(200);
  return { documentIds, counters: counters.body.data };
};

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-backup-'));
  database = await createTestDatabase();
  const casebook = await bootCasebook({ database, env: ENGAGEMENT });
  try {
    const reports = await casebook.strapi.plugin('casebook').service('importer').seedIfEmpty(SEED_FILES);
    expect(reports.map((report: { status: string }) => report.status)).toEqual(SEED_FILES.map(() => 'created'));
    const { documentIds } = await fetchPublicView(casebook);
    for (const [index, documentId] of documentIds.slice(0, 5).entries()) {
      for (const voter of ['reader-a', 'reader-b', 'reader-c'].slice(0, index + 1)) {
        await casebook.http().post(`/api/casebook/cases/${documentId}/votes`).set('Idempotency-Key', `${voter}-${documentId}`).send({ voter }).expect(200);
        await casebook.http().post(`/api/casebook/cases/${documentId}/views`).send({ voter }).expect(200);
      }
    }
    ({ documentIds: publicCases, counters: publicCounters } = await fetchPublicView(casebook));
  } finally {
    await casebook.stop({ keepDatabase: true });
  }
  before = await snapshot();
  // The seed, the votes and the reads left rows in every plugin table: the round trip below has something to lose.
  expect(PLUGIN_TABLES.filter((table) => !(before[table]?.length > 0))).toEqual([]);
  expect(publicCases).toHaveLength(16);
});

afterAll(async () => {
  await database?.drop();
  if (backupFile) fs.rmSync(backupFile, { force: true });
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe(`npm run backup and npm run restore on ${client}`, () => {
  test('npm run backup writes a timestamped file under backups/ and prints its path, size and the rows of each table', () => {
    const result = npm('backup');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const [, file, size] = /^wrote (.+) \(([\d,]+) bytes\)$/m.exec(result.stdout) ?? [];
    backupFile = file!;
    expect(path.relative(path.join(ROOT_DIR, 'backups'), backupFile)).toMatch(new RegExp(`^casebook-${client}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.(sqlite|dump)$`));
    expect(Number(size!.replaceAll(',', ''))).toBe(fs.statSync(backupFile).size);
    const signature = client === 'sqlite' ? 'SQLite format 3\0' : 'PGDMP';
    expect(fs.readFileSync(backupFile).subarray(0, signature.length).toString('latin1')).toBe(signature);
    for (const [table, rows] of Object.entries(rowCounts(before))) expect(result.stdout).toMatch(new RegExp(`^ +${table} +${rows}$`, 'm'));
  });

  test('npm run restore brings back every row of a damaged database, plugin tables included', async () => {
    await withDatabase(async (db) => {
      await db.schema.dropTable('casebook_ballots');
      await db('casebook_case_counters').update({ votes: 0 });
      await db('casebook_view_marks').delete();
      await db('casebook_source_documents').delete();
      await db('metrics').delete();
    });
    const damaged = await snapshot();
    expect(damaged.casebook_ballots).toBeUndefined();
    expect(rowCounts(damaged).casebook_view_marks).toBe(0);

    const result = npm('restore', '--', backupFile);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`restored ${backupFile} into the ${client === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database`);
    expect(result.stdout).toMatch(new RegExp(`^ +casebook_ballots +${before.casebook_ballots!.length}$`, 'm'));

    const restored = await snapshot();
    expect(rowCounts(restored)).toEqual(rowCounts(before));
    for (const table of Object.keys(before)) expect([table, restored[table]]).toEqual([table, before[table]]);
  });

  describe('while the CMS runs on the restored database', () => {
    let casebook: Casebook;
    beforeAll(async () => {
      casebook = await bootCasebook({ database, env: ENGAGEMENT });
    });
    afterAll(async () => {
      await casebook?.stop({ keepDatabase: true });
    });

    test('it serves the same cases and counters, and the restored ballots still decide what counts', async () => {
      const view = await fetchPublicView(casebook);
      expect(view.documentIds).toEqual(publicCases);
      expect(view.counters).toEqual(publicCounters);
      const again = await casebook.http().post(`/api/casebook/cases/${publicCases[2]}/votes`).send({ voter: 'reader-a' }).expect(200);
      expect(again.body.data).toMatchObject({ counted: false });
    });

    test('npm run backup copies it online, the vote just cast included', async () => {
      const vote = await casebook.http().post(`/api/casebook/cases/${publicCases[0]}/votes`).send({ voter: 'reader-z' }).expect(200);
      expect(vote.body.data).toMatchObject({ counted: true });
      const result = npm('backup', '--', '--out', path.join(scratch, 'online.backup'));
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^ +casebook_ballots +${before.casebook_ballots!.length + 1}$`, 'm'));
      await casebook.http().get('/api/cases').expect(200);
    });

    test('npm run restore is refused, and the CMS keeps serving', async () => {
      const refused = npm('restore', '--', backupFile);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(client === 'sqlite' ? /is open in another process \(is the CMS running\?\): stop the CMS, then restore/ : /other session\(s\) use the PostgreSQL database .*: stop the CMS/);
      expect(refused.stdout).toBe('');
      const view = await fetchPublicView(casebook);
      expect(view.documentIds).toEqual(publicCases);
    });
  });

  describe('refusals: a clear message, a non-zero exit, nothing changed', () => {
    const otherKindFile = () => path.join(scratch, client === 'sqlite' ? 'other.dump' : 'other.sqlite');

    beforeAll(async () => {
      if (client === 'sqlite') {
        // What a pg_dump custom archive starts with: the refusal comes before anything reads further.
        fs.writeFileSync(otherKindFile(), Buffer.concat([Buffer.from('PGDMP', 'latin1'), Buffer.alloc(64)]));
      } else {
        const sqlite = knex({ client: 'better-sqlite3', connection: { filename: otherKindFile() }, useNullAsDefault: true });
        await sqlite.schema.createTable('cases', (table) => table.increments('id'));
        await sqlite.destroy();
      }
    });

    test.each([
      { name: 'restore without a file', args: () => ['restore'], status: 2, message: /No file was given\.\nusage: npm run restore -- FILE/ },
      { name: 'restore of a missing file', args: () => ['restore', '--', path.join(scratch, 'missing.dump')], status: 1, message: /missing\.dump does not exist\. Nothing was changed/ },
      { name: 'restore of a file that is no backup', args: () => ['restore', '--', path.join(ROOT_DIR, 'package.json')], status: 1, message: /package\.json is neither a SQLite database nor a PostgreSQL archive/ },
      {
        name: 'restore of a backup of the other database kind',
        args: () => ['restore', '--', otherKindFile()],
        status: 1,
        message:
          client === 'sqlite'
            ? /is a PostgreSQL archive \(pg_dump --format=custom\), but the CMS uses the SQLite database .* \(DATABASE_CLIENT=sqlite\)/
            : /is a SQLite database, but the CMS uses the PostgreSQL database .* \(DATABASE_CLIENT=postgres\)/,
      },
      { name: 'backup over an existing file', args: () => ['backup', '--', '--out', backupFile], status: 1, message: /already exists: choose another --out/ },
    ])('$name', async ({ args, status, message }) => {
      const [databaseBefore, backupBefore] = [await snapshot(), fs.readFileSync(backupFile)];
      const result = npm(...args());
      expect(result.stderr).toMatch(message);
      expect(result.status).toBe(status);
      expect(result.stdout).toBe('');
      expect(fs.readFileSync(backupFile).equals(backupBefore)).toBe(true);
      expect(await snapshot()).toEqual(databaseBefore);
    });
  });
});
