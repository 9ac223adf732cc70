/** Pinyin slugs of cases, hospitals, themes and campaigns: made on every write, unique per content type. */
export { default as slugService, slugsOf, MAX_SLUG_LENGTH, toPinyinSlug } from './service';
export { slugMiddleware } from './document-middleware';
