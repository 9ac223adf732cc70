import type { Core } from '@strapi/strapi';

// The host stays thin: Casebook's behaviour (slugs, public access, the importer, the showcase API)
// lives in plugins/casebook and is loaded through config/plugins.ts.
export default {
  register(_: { strapi: Core.Strapi }) {},
  bootstrap(_: { strapi: Core.Strapi }) {},
};
