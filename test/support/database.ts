import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export type TestDatabase = {
  client: 'sqlite' | 'postgres';
  /** The environment variables that point the CMS at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
};

/** PostgreSQL when CASEBOOK_TEST_POSTGRES_URL is set (CI sets it), SQLite otherwise. */
export const testDatabaseClient = (): 'sqlite' | 'postgres' => (process.env.CASEBOOK_TEST_POSTGRES_URL ? 'postgres' : 'sqlite');

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** A database of the suite's own: a fresh SQLite file, or a fresh PostgreSQL database dropped afterwards. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `casebook_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

  if (testDatabaseClient() === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-test-'));
    return {
      client: 'sqlite',
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, `${name}.db`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  const adminUrl = process.env.CASEBOOK_TEST_POSTGRES_URL!;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    client: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: withDatabase(adminUrl, name) },
    drop: async () => {
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
};
