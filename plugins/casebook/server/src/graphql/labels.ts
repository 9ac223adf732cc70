import { CAMPAIGN_STAGE, HOSPITAL_CATEGORY, HOSPITAL_LEVEL, METRIC_KIND, METRIC_QUALIFIER, PROVINCE, SNIPPET_FIELD, VOTE_REFUSAL, type ClosedSet } from '../closed-sets';
import { UID } from '../constants';

/** Where a closed set's GraphQL enum comes from: a content type's enumeration (Strapi names it), or one of the showcase's own. */
type EnumSource = { uid: string; attribute: string } | { name: string };

/**
 * Every closed set whose keys the public API answers, as the `labels` query answers it: the field, the GraphQL type
 * of its entries, the set and its enum. Labels come from the sets themselves; no second table.
 */
export const LABELLED_SETS = [
  { field: 'provinces', type: 'ProvinceLabel', set: PROVINCE, enum: { uid: UID.hospital, attribute: 'province' } },
  { field: 'hospitalCategories', type: 'HospitalCategoryLabel', set: HOSPITAL_CATEGORY, enum: { uid: UID.hospital, attribute: 'category' } },
  { field: 'hospitalLevels', type: 'HospitalLevelLabel', set: HOSPITAL_LEVEL, enum: { uid: UID.hospital, attribute: 'level' } },
  { field: 'campaignStages', type: 'CampaignStageLabel', set: CAMPAIGN_STAGE, enum: { uid: UID.campaign, attribute: 'stage' } },
  { field: 'metricKinds', type: 'MetricKindLabel', set: METRIC_KIND, enum: { uid: UID.metric, attribute: 'kind' } },
  { field: 'metricQualifiers', type: 'MetricQualifierLabel', set: METRIC_QUALIFIER, enum: { uid: UID.metric, attribute: 'qualifier' } },
  { field: 'voteRefusals', type: 'VoteRefusalLabel', set: VOTE_REFUSAL, enum: { name: 'VoteRefusal' } },
  { field: 'snippetFields', type: 'SnippetFieldLabel', set: SNIPPET_FIELD, enum: { name: 'SnippetField' } },
] as const satisfies ReadonlyArray<{ field: string; type: string; set: ClosedSet<string>; enum: EnumSource }>;

/** How Strapi's GraphQL plugin names the enum of a content type's enumeration (its naming service's getEnumName). */
export type EnumNamer = (uid: string, attribute: string) => string;

const enumNameOf = (source: EnumSource, enumName: EnumNamer) => ('name' in source ? source.name : enumName(source.uid, source.attribute));

/** The SDL of the `labels` query: one entry type per set, its key typed by the set's enum. */
export const labelTypeDefs = (enumName: EnumNamer) => /* GraphQL */ `
  ${LABELLED_SETS.map(
    (entry) => `"A key of ${enumNameOf(entry.enum, enumName)} and its Chinese label."
  type ${entry.type} {
    key: ${enumNameOf(entry.enum, enumName)}!
    label: String!
  }`,
  ).join('\n\n  ')}

  "The Chinese label of every key the API answers, per closed set, in the order the sets declare them: show these, not keys."
  type Labels {
    ${LABELLED_SETS.map((entry) => `${entry.field}: [${entry.type}!]!`).join('\n    ')}
  }

  extend type Query {
    "Chinese labels of provinces, hospital categories and levels, campaign stages, metric kinds and qualifiers, vote refusals and snippet fields."
    labels: Labels!
  }
`;

/** The `labels` query's answer, from the closed sets. */
export const labelsOf = () =>
  Object.fromEntries(LABELLED_SETS.map(({ field, set }) => [field, set.keys.map((key) => ({ key, label: set.label(key)! }))]));
