import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * How Casebook boots its CMS outside Strapi's own command line: `npm start`, the `casebook` command, the schema
 * printer, the benchmarks, backups and the tests all go through here (`@casebook/strapi-plugin/boot`), so that the
 * sequence (compile the app's TypeScript, then create Strapi from the compiled app) is written once.
 */
export type CmsOptions = {
  /** The Strapi app: its package.json, config/ and src/; it is compiled into appDir/dist. */
  appDir: string;
};

/** `@strapi/strapi` as the app at appDir resolves it, wherever the caller itself lives. */
const strapiFor = (appDir: string) => createRequire(path.join(appDir, 'package.json'))('@strapi/strapi') as typeof import('@strapi/strapi');

/** Where the app's compiled code is read from. */
export const distDirOf = (appDir: string) => path.join(appDir, 'dist');

/**
 * Compiles the app's TypeScript (config/, src/) into appDir/dist. A type error fails the compile: Strapi reports
 * it and ends the process with exit code 1.
 */
export const compileCms = async ({ appDir }: CmsOptions): Promise<void> => {
  await strapiFor(appDir).compileStrapi({ appDir, ignoreDiagnostics: false });
};

/** A Strapi of the compiled app, not loaded yet (its logger exists), with telemetry off unless the environment says otherwise. */
export const createCms = ({ appDir }: CmsOptions): Core.Strapi => {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  return strapiFor(appDir).createStrapi({ appDir, distDir: distDirOf(appDir) });
};

/** The compiled app loaded (database, plugins, bootstrap), without listening: the caller mounts or destroys it. */
export const loadCms = (options: CmsOptions): Promise<Core.Strapi> => createCms(options).load();

/** The compiled app loaded and listening on its configured host and port, as `strapi start` does. */
export const startCms = (options: CmsOptions): Promise<Core.Strapi> => createCms(options).start();
