import type { Core } from '@strapi/strapi';

// The host stays thin: Casebook's behaviour (slugs, public access, the importer, the showcase API)
// lives in plugins/casebook and is loaded through config/plugins.ts.
export default {
  register(_: { strapi: Core.Strapi }) {},

  /**
   * The app's bootstrap runs after the admin's, the only point where Strapi's super-admin role exists
   * on a fresh database; plugin bootstraps run before it. So the host completes the plugin's start here:
   * the first admin, the seed (CASEBOOK_SEED_DIR), and the startup lock given up.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('casebook').service('startup').complete();
  },
};
