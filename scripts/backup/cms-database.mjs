// The database the CMS uses, read by the CMS's own configuration (cms/config/database.ts), so that a backup
// and the CMS never disagree about where the data lives.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupError } from './errors.mjs';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CMS_DIR = path.join(ROOT_DIR, 'cms');
const CMS_DIST_DIR = path.join(CMS_DIR, 'dist');

/** The CMS's own dependencies, resolved as the CMS resolves them. */
export const requireFromCms = createRequire(path.join(CMS_DIR, 'package.json'));
const requireFromStrapi = createRequire(requireFromCms.resolve('@strapi/strapi'));

/** The folders cms/config/database.ts is compiled from (with its siblings). */
const CONFIG_SOURCE_DIRS = ['config', path.join('src', 'env')];

/**
 * True when a compiled configuration file is missing or older than its TypeScript source. A deployment that
 * ships only cms/dist (or a read-only one, as in the Docker image) is never recompiled.
 */
const configIsStale = () =>
  CONFIG_SOURCE_DIRS.some((dir) => {
    const sourceDir = path.join(CMS_DIR, dir);
    if (!fs.existsSync(sourceDir)) return false;
    return fs
      .readdirSync(sourceDir)
      .filter((name) => name.endsWith('.ts'))
      .some((name) => {
        const compiled = path.join(CMS_DIST_DIR, dir, name.replace(/\.ts$/, '.js'));
        return !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(path.join(sourceDir, name)).mtimeMs;
      });
  });

/** The plugin's boot helper (@casebook/strapi-plugin/boot), compiled first on a checkout that never built the plugin. */
const bootHelper = () => {
  const pluginDir = path.join(ROOT_DIR, 'plugins', 'casebook');
  if (!fs.existsSync(path.join(pluginDir, 'dist', 'server', 'cli', 'boot.js'))) {
    execFileSync(process.execPath, [path.join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(pluginDir, 'server', 'tsconfig.json')], { stdio: 'inherit' });
  }
  return requireFromCms('@casebook/strapi-plugin/boot');
};

/**
 * The knex connection settings Strapi would use: the same environment (cms/.env, or ENV_PATH, as Strapi loads it;
 * variables already set win), the same compiled cms/config/database.js, the same `env` helper.
 */
export const cmsDatabaseConnection = async () => {
  requireFromStrapi('dotenv').config({ path: process.env.ENV_PATH ?? path.join(CMS_DIR, '.env') });
  if (configIsStale()) {
    console.error('casebook: compiling the CMS configuration (cms/config, cms/src) into cms/dist');
    await bootHelper().compileCms({ appDir: CMS_DIR });
  }
  const compiled = requireFromCms(path.join(CMS_DIST_DIR, 'config', 'database.js'));
  const databaseConfig = compiled.default ?? compiled;
  try {
    return databaseConfig({ env: requireFromStrapi('@strapi/utils').env }).connection;
  } catch (error) {
    throw new BackupError(`the database configuration (cms/config/database.ts) is invalid: ${error.message}`);
  }
};

/** Where a connection points, for messages: the SQLite file, or user@host:port/database without the password. */
export const describeConnection = (connection) => {
  if (connection.client === 'sqlite') return `SQLite database ${connection.connection.filename}`;
  const settings = connection.connection;
  if (settings.connectionString) {
    const url = new URL(settings.connectionString);
    url.password = '';
    return `PostgreSQL database ${url.toString()}`;
  }
  return `PostgreSQL database postgres://${settings.user}@${settings.host}:${settings.port}/${settings.database}`;
};
