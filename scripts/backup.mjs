#!/usr/bin/env node
// `npm run backup [-- --out FILE]`: a consistent copy of the CMS's database, SQLite or PostgreSQL, taken while it runs.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ROOT_DIR, cmsDatabaseConnection, describeConnection } from './backup/cms-database.mjs';
import { BackupError, runCommand } from './backup/errors.mjs';
import { defaultBackupPath, formatCounts, userPath, writeNewFile } from './backup/files.mjs';

const USAGE = 'usage: npm run backup [-- --out FILE]   (default: backups/casebook-<client>-<time>.<sqlite|dump>)';

await runCommand('casebook backup', async () => {
  let options;
  try {
    ({ values: options } = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new BackupError(`${error.message}\n${USAGE}`, { usage: true });
  }
  if (options.help) return console.log(USAGE);

  const connection = await cmsDatabaseConnection();
  const description = describeConnection(connection);
  const out = options.out ? userPath(options.out) : defaultBackupPath(ROOT_DIR, connection.client);
  const counts = await writeNewFile(out, async (partial) => {
    if (connection.client === 'sqlite') {
      const { backupSqlite, sqliteTableCounts } = await import('./backup/sqlite.mjs');
      await backupSqlite(connection.connection.filename, partial);
      return sqliteTableCounts(partial);
    }
    const { backupPostgres } = await import('./backup/postgres.mjs');
    return backupPostgres(connection.connection, description, partial);
  });

  console.log(`casebook backup: backed up the ${description}`);
  console.log(`wrote ${out} (${fs.statSync(out).size.toLocaleString('en')} bytes)`);
  console.log(`rows per table:\n${formatCounts(counts)}`);
});
