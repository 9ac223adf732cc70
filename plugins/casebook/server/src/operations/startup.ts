import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { unlockStartup } from '../database';
import { collectPaths } from '../cli';
import { importerOf } from '../importer';
import { adminUserOf } from './admin-user';
import { serviceAccessor } from '../plugin-services';

/**
 * The end of a start, called from the host's bootstrap (the last one Strapi runs, when its admin roles exist):
 * the first admin (CASEBOOK_ADMIN_*), the seed documents when CASEBOOK_SEED_DIR names them and the database has
 * no case, then the startup lock taken in the plugin's register is given up (database/startup-lock.ts), so that
 * instances started together create one admin and import the seed once.
 */
const startupService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async complete(env: NodeJS.ProcessEnv = process.env): Promise<void> {
    try {
      const adminUsers = adminUserOf(strapi);
      const admin = await adminUsers.ensureFirstAdmin(env);
      if (admin === 'created') strapi.log.info(`[casebook] created the first admin ${env.CASEBOOK_ADMIN_EMAIL}`);
      if (admin === 'not-configured') strapi.log.warn(`[casebook] ${adminUsers.registrationNotice()}`);
      const seedDirectory = env.CASEBOOK_SEED_DIR?.trim();
      if (seedDirectory) {
        const reports = await importerOf(strapi).seedIfEmpty(collectPaths([path.resolve(seedDirectory)]));
        if (reports) {
          const failed = reports.filter((report) => report.status === 'failed');
          const cases = reports.reduce((sum, report) => sum + report.cases.created, 0);
          strapi.log.info(`[casebook] seeded ${cases} cases from ${reports.length - failed.length} documents`);
          for (const report of failed) strapi.log.error(`[casebook] seed ${report.file} failed: ${report.error}`);
          for (const report of reports) {
            for (const owner of report.unresolvedOwners) {
              strapi.log.warn(`[casebook] seed ${path.basename(report.file)}: 《${owner.title}》 names its owner hospital only as ${owner.hint ?? '(nothing)'}: kept as a draft, not published`);
            }
          }
        }
      }
    } finally {
      await unlockStartup(strapi);
    }
  },
});

export default startupService;

export type StartupService = ReturnType<typeof startupService>;

/** The `startup` service of a running Strapi. */
export const startupOf = serviceAccessor<StartupService>('startup');
