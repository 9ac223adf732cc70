import { casebook } from './casebook';
import type { PlaceLabels } from './labels';

let placeLabels: Promise<PlaceLabels> | undefined;

/**
 * Province and hospital-category names as the CMS labels them (四川, 中医), from the unfiltered facets: every
 * province and category that has a published case, which is every one a published case can show. Asked once per
 * visit; asked again after a failure.
 */
export const loadPlaceLabels = (): Promise<PlaceLabels> =>
  (placeLabels ??= casebook.cases.facets().then(
    ({ provinces, categories }) => ({
      province: new Map(provinces.map(({ value, label }) => [value, label])),
      category: new Map(categories.map(({ value, label }) => [value, label])),
    }),
    (error: unknown) => {
      placeLabels = undefined;
      throw error;
    },
  ));
