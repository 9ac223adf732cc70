import type { StrapiApp } from '@strapi/strapi/admin';
import zhHans from './translations/zh-Hans.json';

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
    // What Strapi 5.54.0 leaves untranslated in zh-Hans, so that English falls through: 283 strings of the admin
    // ("Home", "Hello {name}") and 342 of the Content Manager, whose zh-Hans.json is a copy of the admin's
    // ("Create new entry", "Draft", "Published", "No entry yet", the toasts). A unit test
    // (cms/src/admin/__tests__/translations.test.ts) finds what a Strapi upgrade leaves untranslated.
    translations: { [DEFAULT_LANGUAGE]: zhHans },
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
