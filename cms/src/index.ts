import type { Core } from '@strapi/strapi';

// The host stays thin: Casebook's behaviour (slugs, public access, the importer, the showcase API)
// lives in plugins/casebook and is loaded through config/plugins.ts.
export default {
  register(_: { strapi: Core.Strapi }) {},

  /**
   * The app's bootstrap runs after the admin's, the only point where Strapi's super-admin role exists
   * on a fresh database; plugin bootstraps run before it. So the host triggers the plugin's first-admin step.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const adminUsers = strapi.plugin('casebook').service('admin-user');
    const result = await adminUsers.ensureFirstAdmin();
    if (result === 'created') strapi.log.info(`[casebook] created the first admin ${process.env.CASEBOOK_ADMIN_EMAIL}`);
    if (result === 'not-configured') strapi.log.warn(`[casebook] ${adminUsers.registrationNotice()}`);
  },
};
