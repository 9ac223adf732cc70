export const PLUGIN_ID = 'casebook';

/** Every content-type UID Casebook works with, named once. */
export const UID = {
  case: 'api::case.case',
  hospital: 'api::hospital.hospital',
  initiative: 'api::initiative.initiative',
  metric: 'api::metric.metric',
  theme: 'api::theme.theme',
  campaign: 'api::campaign.campaign',
  sourceDocument: 'plugin::casebook.source-document',
  /** The upload plugin's files: what a media attribute (Case.cover) points to. */
  file: 'plugin::upload.file',
} as const;

export type CasebookUID = (typeof UID)[keyof typeof UID];

/**
 * The plugin's custom field for a list of names stored as a JSON array of strings (Hospital.aliases): the admin
 * edits it as a list of text boxes instead of a JSON code editor. Registered by the server and the admin under this name.
 */
export const NAME_LIST_FIELD = 'name-list';

/** Content types with a pinyin slug, and the field each slug is made from. */
export const SLUGGED = {
  [UID.case]: 'title',
  [UID.hospital]: 'name',
  [UID.theme]: 'name',
  [UID.campaign]: 'name',
} as const;

export type SluggedUID = keyof typeof SLUGGED;

/** What the public may read: published cases and what a visitor needs to show them. Nothing else, and never a write. */
export const PUBLIC_READABLE = [UID.case, UID.hospital, UID.initiative, UID.metric, UID.theme, UID.campaign] as const;

export const PUBLIC_READ_ACTIONS = ['find', 'findOne'] as const;

/**
 * The content-API actions of votes and reads (the plugin's `engagement` controller), which the Public role
 * holds and the GraphQL mutations check; the ranking and counters are reads of cases.
 */
export const ENGAGEMENT_ACTIONS = {
  vote: 'plugin::casebook.engagement.vote',
  view: 'plugin::casebook.engagement.view',
  counters: 'plugin::casebook.engagement.counters',
  ranking: 'plugin::casebook.engagement.ranking',
} as const;

/** Parts of a case: a draft and a published version each, published and unpublished with their case (case-parts), public only while it is published. */
export const CASE_PARTS = [UID.initiative, UID.metric] as const;
