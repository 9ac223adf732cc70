import type { ClosedSet } from './closed-set';
import { CAMPAIGN_STAGE } from './campaign-stage';
import { HOSPITAL_CATEGORY } from './hospital-category';
import { HOSPITAL_LEVEL } from './hospital-level';
import { METRIC_KIND } from './metric-kind';
import { METRIC_QUALIFIER } from './metric-qualifier';
import { PROVINCE } from './province';
import { SOURCE_DOCUMENT_STATUS } from './source-document-status';

/** The closed sets content-type enumerations list (a unit test keeps each schema's enum equal to its set's keys). */
const ENUMERATION_SETS: ReadonlyArray<ClosedSet<string>> = [
  CAMPAIGN_STAGE, HOSPITAL_CATEGORY, HOSPITAL_LEVEL, METRIC_KIND, METRIC_QUALIFIER, PROVINCE, SOURCE_DOCUMENT_STATUS,
];

/**
 * The closed set whose keys are exactly `values` (in any order), or undefined. The admin finds an enumeration's
 * labels from the values its attribute lists, so no table of content type and field names is kept beside the sets.
 */
export const closedSetOfEnumeration = (values: readonly string[] | undefined): ClosedSet<string> | undefined => {
  if (!values || values.length === 0) return undefined;
  const wanted = new Set(values);
  return ENUMERATION_SETS.find((set) => set.keys.length === wanted.size && set.keys.every((key) => wanted.has(key)));
};
