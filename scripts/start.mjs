#!/usr/bin/env node
// `npm start`: build what is missing or stale, then serve the CMS (admin at /admin, GraphQL at /graphql).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cmsDir = path.join(root, 'cms');
const pluginDir = path.join(root, 'plugins', 'casebook');
const adminBuildDir = path.join(cmsDir, 'dist', 'build');
const adminStamp = path.join(adminBuildDir, '.casebook-admin-inputs');

process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
process.env.NODE_ENV ??= 'development';

// The first line says which mode this is: development is convenient and unsafe to expose.
if (process.env.NODE_ENV === 'production') {
  console.log('casebook: production mode (NODE_ENV=production): every secret must be set and strong; GraphQL introspection is off');
} else {
  console.log(
    [
      `casebook: ${process.env.NODE_ENV} mode (NODE_ENV=${process.env.NODE_ENV}), for a developer's machine, not for the internet:`,
      '  secrets missing from the environment are generated into cms/.env; GraphQL introspection and the playground are on;',
      '  errors carry details; the first admin may register at /admin from this machine.',
      '  Production: NODE_ENV=production with your own secrets and PostgreSQL (README.md, "Configuration"), or docker compose up.',
    ].join('\n'),
  );
}

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`casebook: "${command} ${args.join(' ')}" failed in ${path.relative(root, cwd) || '.'}`);
    process.exit(result.status ?? 1);
  }
};

/** A hash of every file the admin bundle is built from: when it changes, the bundle is stale. */
const adminInputsHash = () => {
  const hash = createHash('sha256');
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) visit(path.join(entry, name));
    } else {
      hash.update(path.relative(root, entry)).update('\0').update(fs.readFileSync(entry));
    }
  };
  [
    path.join(pluginDir, 'admin', 'src'),
    // The closed sets' labels, which the admin imports from the server's sources.
    path.join(pluginDir, 'server', 'src', 'closed-sets'),
    path.join(pluginDir, 'package.json'),
    path.join(cmsDir, 'src', 'admin'),
    path.join(cmsDir, 'config', 'admin.ts'),
    path.join(cmsDir, 'package.json'),
    path.join(root, 'package-lock.json'),
    // Patches to Strapi's admin (patches/README.md) change the bundle too.
    path.join(root, 'patches'),
  ].forEach(visit);
  return hash.digest('hex');
};

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
run(process.execPath, [tsc, '-p', path.join(pluginDir, 'server', 'tsconfig.json')], root);

// The CMS boots through the plugin's boot helper, compiled just above; resolved as the CMS resolves its plugin.
const { compileCms, startCms } = createRequire(path.join(cmsDir, 'package.json'))('@casebook/strapi-plugin/boot');

const inputs = adminInputsHash();
const adminIsCurrent = fs.existsSync(adminStamp) && fs.readFileSync(adminStamp, 'utf8') === inputs;
if (adminIsCurrent) {
  await compileCms({ appDir: cmsDir });
} else {
  console.log('casebook: building the admin panel (a few minutes, once per change of its sources)');
  run(process.execPath, [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'], cmsDir);
  fs.writeFileSync(adminStamp, inputs);
}

// A newcomer sees real cases at once: an empty database gets the seed documents, published, before the server
// listens (the host's bootstrap imports CASEBOOK_SEED_DIR, under the startup lock that instances share).
if (process.env.CASEBOOK_SEED !== 'false') process.env.CASEBOOK_SEED_DIR ??= path.join(root, 'seeds', 'documents');

process.chdir(cmsDir);
await startCms({ appDir: cmsDir });
