import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './errors.mjs';

/** The two kinds of backup, one per database client, told apart by the first bytes of the file. */
export const BACKUP_KINDS = {
  sqlite: { label: 'a SQLite database', signature: Buffer.from('SQLite format 3\0', 'latin1'), extension: 'sqlite' },
  postgres: { label: 'a PostgreSQL archive (pg_dump --format=custom)', signature: Buffer.from('PGDMP', 'latin1'), extension: 'dump' },
};

/** 'sqlite', 'postgres', or null for a file that is neither. */
export const backupKindOf = (file) => {
  const head = Buffer.alloc(16);
  const descriptor = fs.openSync(file, 'r');
  try {
    const length = fs.readSync(descriptor, head, 0, head.length, 0);
    const kind = Object.entries(BACKUP_KINDS).find(([, { signature }]) => length >= signature.length && head.subarray(0, signature.length).equals(signature));
    return kind ? kind[0] : null;
  } finally {
    fs.closeSync(descriptor);
  }
};

/** A path as the user typed it: npm runs scripts from the repository root and keeps the user's directory in INIT_CWD. */
export const userPath = (file) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** backups/casebook-<client>-<UTC time>.<sqlite|dump>, in the repository root. */
export const defaultBackupPath = (rootDir, client, now = new Date()) =>
  path.join(rootDir, 'backups', `casebook-${client}-${now.toISOString().replace(/[:.]/g, '-')}.${BACKUP_KINDS[client].extension}`);

/** Writes through `write(partialPath)`, then renames into place, so a failed backup never leaves a file that looks whole. */
export const writeNewFile = async (file, write) => {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another --out, or move that file away first`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    const result = await write(partial);
    fs.renameSync(partial, file);
    return result;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
};

/** The per-table row counts as an aligned two-column listing. */
export const formatCounts = (counts) => {
  const width = Math.max(5, ...counts.map(([table]) => table.length));
  return [`  ${'table'.padEnd(width)}  rows`, ...counts.map(([table, rows]) => `  ${table.padEnd(width)}  ${rows}`)].join('\n');
};
