import { closedSet, type KeyOf } from './closed-set';

/** The orders of the showcase's hospital list (GraphQL enum HospitalSort). */
export const HOSPITAL_SORT = closedSet({
  MOST_CASES: { zh: '案例最多', en: 'Most cases first' },
  NAME: { zh: '按名称', en: 'By name' },
});

export type HospitalSort = KeyOf<typeof HOSPITAL_SORT>;
