// SQLite backups through SQLite's online backup API (better-sqlite3's db.backup): a page-for-page copy taken
// in one read transaction, consistent while the CMS keeps writing, and written back the same way.
import fs from 'node:fs';
import path from 'node:path';
import { requireFromCms } from './cms-database.mjs';
import { BackupError } from './errors.mjs';

const Database = requireFromCms('better-sqlite3');

/**
 * Pages per backup step: all of them. One step is one read transaction on the source, so the copy is a single
 * snapshot; in steps, every write the CMS commits in between would restart the copy. Under WAL a reader
 * blocks no writer, so the CMS is not held up meanwhile.
 */
const ALL_PAGES = 2 ** 31 - 1;
const copyDatabase = (source, destination) => source.backup(destination, { progress: () => ALL_PAGES });

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

/** Rows per table (SQLite's own tables aside), by table name. */
export const sqliteTableCounts = (filename) => {
  // Read-write, though it only reads: a read-only connection to a WAL database leaves its -wal and -shm files behind.
  const db = new Database(filename, { fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name").pluck().all();
    return tables.map((table) => [table, db.prepare(`select count(*) from ${quoteIdentifier(table)}`).pluck().get()]);
  } finally {
    db.close();
  }
};

/** Copies the live database into `out`, a single self-contained file (rollback-journal mode: no -wal or -shm beside it). */
export const backupSqlite = async (filename, out) => {
  if (!fs.existsSync(filename)) throw new BackupError(`there is no SQLite database at ${filename} (DATABASE_FILENAME): nothing to back up`);
  const source = new Database(filename, { fileMustExist: true, timeout: 5000 });
  try {
    await copyDatabase(source, out);
  } finally {
    source.close();
  }
  const copy = new Database(out, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
};

/**
 * Refuses when another process has the database open. The CMS keeps its SQLite connection open in WAL mode
 * (cms/src/env/database.ts), and every WAL connection holds a shared lock on the shared-memory index: while
 * one is open, an exclusive-mode connection cannot take its lock, even when the CMS is idle.
 */
const refuseWhileOpen = (filename) => {
  const probe = new Database(filename, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; ROLLBACK');
  } catch (error) {
    if (error.code === 'SQLITE_BUSY') {
      throw new BackupError(`${filename} is open in another process (is the CMS running?): stop the CMS, then restore. Nothing was changed`);
    }
    throw error;
  } finally {
    probe.close();
  }
};

/**
 * Writes the backup over the live database through the backup API rather than by copying the file: the
 * destination is written in one transaction by a SQLite connection, so a stale -wal file beside it is
 * recovered or replaced, never replayed over the restored pages, and an interrupted restore rolls back.
 */
export const restoreSqlite = async (file, filename) => {
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    assertIntact(backup, file);
    if (fs.existsSync(filename)) refuseWhileOpen(filename);
    else fs.mkdirSync(path.dirname(filename), { recursive: true });
    await copyDatabase(backup, filename);
  } finally {
    backup.close();
  }
};

/** A backup is checked before it replaces anything. */
const assertIntact = (db, file) => {
  let check;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be read as a SQLite database (${error.message}). Nothing was changed`);
  }
  if (check !== 'ok') throw new BackupError(`${file} is a damaged SQLite database (quick_check: ${check}). Nothing was changed`);
};
