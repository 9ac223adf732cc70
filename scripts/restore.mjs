#!/usr/bin/env node
// `npm run restore -- FILE`: puts a backup made by `npm run backup` back in place of the CMS's database. The CMS must be stopped.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { cmsDatabaseConnection, describeConnection } from './backup/cms-database.mjs';
import { BackupError, runCommand } from './backup/errors.mjs';
import { BACKUP_KINDS, backupKindOf, formatCounts, userPath } from './backup/files.mjs';

const USAGE = 'usage: npm run restore -- FILE   (a file written by npm run backup; stop the CMS first)';

await runCommand('casebook restore', async () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new BackupError(`${error.message}\n${USAGE}`, { usage: true });
  }
  if (parsed.values.help) return console.log(USAGE);
  if (parsed.positionals.length !== 1) {
    throw new BackupError(`${parsed.positionals.length === 0 ? 'which backup? No file was given' : 'one backup file at a time'}.\n${USAGE}`, { usage: true });
  }

  const file = userPath(parsed.positionals[0]);
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist. Nothing was changed`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file. Nothing was changed`);
  const kind = backupKindOf(file);
  if (!kind) throw new BackupError(`${file} is neither ${BACKUP_KINDS.sqlite.label} nor ${BACKUP_KINDS.postgres.label}. Nothing was changed`);

  const connection = await cmsDatabaseConnection();
  const description = describeConnection(connection);
  if (kind !== connection.client) {
    throw new BackupError(
      `${file} is ${BACKUP_KINDS[kind].label}, but the CMS uses the ${description} (DATABASE_CLIENT=${connection.client}): ` +
        `restore it with DATABASE_CLIENT=${kind} and that database's settings, or pick a ${connection.client} backup. Nothing was changed`,
    );
  }

  let counts;
  if (connection.client === 'sqlite') {
    const { restoreSqlite, sqliteTableCounts } = await import('./backup/sqlite.mjs');
    await restoreSqlite(file, connection.connection.filename);
    counts = sqliteTableCounts(connection.connection.filename);
  } else {
    const { restorePostgres } = await import('./backup/postgres.mjs');
    counts = await restorePostgres(connection.connection, description, file);
  }

  console.log(`casebook restore: restored ${file} into the ${description}`);
  console.log(`rows per table:\n${formatCounts(counts)}`);
  console.log('Start the CMS again (npm start) to serve the restored data.');
});
