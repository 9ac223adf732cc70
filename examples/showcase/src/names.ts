import { casebook } from './casebook';
import type { Names } from './labels';

let names: Promise<Names> | undefined;

/**
 * The Chinese names of the CMS's closed sets (provinces, hospital categories, campaign stages, snippet fields) as
 * lookups, from its `labels` query: one small answer a CDN may keep, asked once per visit and again after a failure.
 */
export const loadNames = (): Promise<Names> =>
  (names ??= casebook.labels().then(
    (labels) => ({
      province: new Map(labels.provinces.map(({ key, label }) => [key, label])),
      category: new Map(labels.hospitalCategories.map(({ key, label }) => [key, label])),
      stage: new Map(labels.campaignStages.map(({ key, label }) => [key, label])),
      snippetField: new Map(labels.snippetFields.map(({ key, label }) => [key, label])),
    }),
    (error: unknown) => {
      names = undefined;
      throw error;
    },
  ));
