// PostgreSQL backups with PostgreSQL's own tools: pg_dump's custom format, restored by pg_restore.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requireFromCms } from './cms-database.mjs';
import { BackupError } from './errors.mjs';

const { Client } = requireFromCms('pg');
const run = promisify(execFile);

/** node-pg takes knex's connection settings as they are, but for knex's own `schema`. */
const connect = async (settings, description) => {
  const { schema, ...clientSettings } = settings;
  const client = new Client(clientSettings);
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the ${description}: ${error.message}`);
  }
  return client;
};

/**
 * What pg_dump and pg_restore need to reach the same database: the same URL or fields as libpq sees them,
 * the password in PGPASSWORD (never on a command line, where other users can read it), and the CMS's
 * DATABASE_SSL as PGSSLMODE unless the URL or the environment already choose one.
 */
const libpqTarget = (settings) => {
  const env = { ...process.env };
  let dbname;
  if (settings.connectionString) {
    const url = new URL(settings.connectionString);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    dbname = url.toString();
  } else {
    Object.assign(env, { PGHOST: settings.host, PGPORT: String(settings.port), PGUSER: settings.user });
    if (settings.password) env.PGPASSWORD = settings.password;
    dbname = settings.database;
  }
  if (settings.ssl && !env.PGSSLMODE) env.PGSSLMODE = settings.ssl.rejectUnauthorized ? 'verify-full' : 'require';
  return { env, dbname };
};

/** Runs a PostgreSQL client tool; its failure becomes a message that says what to do. */
const runTool = async (tool, args, env) => {
  try {
    const { stderr } = await run(tool, ['--no-password', ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    if (stderr.trim() !== '') console.error(stderr.trimEnd());
  } catch (error) {
    if (error.code === 'ENOENT') {
      throw new BackupError(`${tool} was not found on PATH: install the PostgreSQL client tools, of the server's major version or newer (README, "Backups")`);
    }
    const output = String(error.stderr ?? '').trim();
    if (/server version mismatch/.test(output)) {
      throw new BackupError(
        `${output}\n${tool} refuses a server newer than itself: put client tools of the server's major version or newer first on PATH ` +
          `(for example PATH=/usr/lib/postgresql/16/bin:$PATH), or run the backup where the server runs (README, "Backups")`,
      );
    }
    if (/unsupported version .* in file header/.test(output)) {
      throw new BackupError(`${output}\nThe archive was written by a newer pg_dump than this ${tool}: restore it with client tools of that version or newer (README, "Backups")`);
    }
    throw new BackupError(`${tool} failed (exit code ${error.code}):\n${output}`);
  }
};

/** Rows per table of the CMS's schema, by table name. */
const postgresTableCounts = async (client, schema) => {
  const { rows } = await client.query('select tablename from pg_tables where schemaname = $1 order by tablename', [schema]);
  const counts = [];
  for (const { tablename } of rows) {
    const { rows: [{ count }] } = await client.query(`select count(*) as count from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(tablename)}`);
    counts.push([tablename, Number(count)]);
  }
  return counts;
};

/**
 * Dumps the whole database into `out`. The row counts and pg_dump read one snapshot, exported by a
 * read-only transaction held open for the dump, so the counts printed are those of the file.
 */
export const backupPostgres = async (settings, description, out) => {
  const client = await connect(settings, description);
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: [{ snapshot }] } = await client.query('select pg_export_snapshot() as snapshot');
    const counts = await postgresTableCounts(client, settings.schema);
    const { env, dbname } = libpqTarget(settings);
    await runTool('pg_dump', ['--format=custom', `--file=${out}`, `--snapshot=${snapshot}`, `--dbname=${dbname}`], env);
    return counts;
  } finally {
    await client.end();
  }
};

/**
 * Refuses while other sessions use the database (a running CMS, a psql). The CMS closes idle connections
 * after 30 seconds, so an idle CMS may go unseen: stopping it first is the rule, this check only a guard.
 */
const refuseWhileConnected = async (client, description) => {
  const { rows } = await client.query(
    `select coalesce(nullif(application_name, ''), 'unnamed') as application, coalesce(host(client_addr), 'local socket') as address
       from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
  );
  if (rows.length > 0) {
    const sessions = rows.map(({ application, address }) => `${application} from ${address}`).join(', ');
    throw new BackupError(`${rows.length} other session(s) use the ${description} (${sessions}): stop the CMS and anything else using it, then restore. Nothing was changed`);
  }
};

/**
 * Restores `file` over the database in one transaction: each object in the archive is dropped when present and
 * recreated with its rows, and pg_restore's first error rolls everything back. Tables created after the backup
 * are left as they are.
 */
export const restorePostgres = async (settings, description, file) => {
  const client = await connect(settings, description);
  try {
    await refuseWhileConnected(client, description);
    const { env, dbname } = libpqTarget(settings);
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${dbname}`, file], env).catch((error) => {
      throw new BackupError(`${error.message}\nNothing was changed (one transaction).`);
    });
    return await postgresTableCounts(client, settings.schema);
  } finally {
    await client.end();
  }
};
