import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Where Strapi keeps the interface language (its reducer's LANGUAGE_LOCAL_STORAGE_KEY, not exported): the admin
 * starts in the language stored there, and in English when none is (StrapiApp.render in @strapi/admin 5.54.0).
 */
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
const DEFAULT_LANGUAGE = 'zh-Hans';

export default {
  config: {
    // Chinese is the editors' language and the default; English stays selectable in the profile and on the login page.
    locales: [DEFAULT_LANGUAGE],
    tutorials: false,
    notifications: { releases: false },
  },
  register(_app: StrapiApp) {
    // Runs before the admin first renders: a first visit, the login page included, is in Chinese. A language
    // chosen later (login page, profile) is stored under the same key and kept.
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) window.localStorage.setItem(LANGUAGE_STORAGE_KEY, DEFAULT_LANGUAGE);
  },
  bootstrap(_app: StrapiApp) {},
};
