import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors can switch the whole admin UI to Chinese from their profile page.
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
