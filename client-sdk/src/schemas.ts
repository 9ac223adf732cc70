import * as z from 'zod/mini';

/** Closed sets of the content model, keyed in ASCII as the GraphQL enums are. The schema test keeps them equal. */
export const ProvinceSchema = z.enum([
  'beijing', 'tianjin', 'hebei', 'shanxi', 'neimenggu', 'liaoning', 'jilin', 'heilongjiang', 'shanghai', 'jiangsu', 'zhejiang',
  'anhui', 'fujian', 'jiangxi', 'shandong', 'henan', 'hubei', 'hunan', 'guangdong', 'guangxi', 'hainan', 'chongqing',
  'sichuan', 'guizhou', 'yunnan', 'xizang', 'shaanxi', 'gansu', 'qinghai', 'ningxia', 'xinjiang', 'xianggang', 'aomen', 'taiwan',
]);
export const HospitalCategorySchema = z.enum(['general', 'tcm', 'integrated', 'children', 'maternal_child', 'specialty', 'group', 'primary_care']);
export const HospitalLevelSchema = z.enum(['grade3a', 'grade3b', 'grade3', 'grade2a', 'grade2b', 'grade2', 'grade1']);
export const CampaignStageSchema = z.enum(['collecting', 'reviewing', 'voting', 'showcase', 'closed']);
export const MetricQualifierSchema = z.enum(['exact', 'approx', 'more_than', 'less_than']);
export const MetricKindSchema = z.enum(['count', 'percent', 'duration', 'money', 'rate', 'change']);
export const CaseSortSchema = z.enum(['NEWEST', 'OLDEST', 'MOST_VOTED', 'MOST_VIEWED', 'RELEVANCE']);
export const HospitalSortSchema = z.enum(['MOST_CASES', 'NAME']);
/** Why a vote did not count: the voter's vote for the case in this period counted already, or its campaign is not in its voting stage. */
export const VoteRefusalSchema = z.enum(['already_voted', 'voting_closed']);
/** Which text of a case a search snippet is cut from. */
export const SnippetFieldSchema = z.enum(['body', 'summary', 'initiatives', 'title']);

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));

export const ThemeSchema = z.object({
  documentId: z.string(),
  slug: z.nullable(z.string()),
  name: z.string(),
});

export const CampaignSchema = z.object({
  documentId: z.string(),
  slug: z.nullable(z.string()),
  name: z.string(),
  organiser: z.nullable(z.string()),
  year: z.nullable(z.int()),
  stage: z.nullable(CampaignStageSchema),
});

export const HospitalRefSchema = z.object({
  documentId: z.string(),
  slug: z.nullable(z.string()),
  name: z.string(),
  province: z.nullable(ProvinceSchema),
  city: z.nullable(z.string()),
  category: z.nullable(HospitalCategorySchema),
  level: z.nullable(HospitalLevelSchema),
});

export const HospitalSchema = z.extend(HospitalRefSchema, {
  aliases: z.nullable(z.array(z.string())),
  affiliatedUniversity: z.nullable(z.string()),
  publishedCaseCount: z.int(),
});

export const PersonSchema = z.object({
  name: z.string(),
  role: z.nullable(z.string()),
  unit: z.nullable(z.string()),
});

export const SourceSchema = z.object({
  publication: z.nullable(z.string()),
  column: z.nullable(z.string()),
  issue: z.nullable(z.string()),
  date: z.nullable(isoDate),
  url: z.nullable(z.string()),
});

export const MetricSchema = z.object({
  documentId: z.string(),
  label: z.string(),
  value: z.nullable(z.number()),
  unit: z.nullable(z.string()),
  qualifier: z.nullable(MetricQualifierSchema),
  kind: z.nullable(MetricKindSchema),
  period: z.nullable(z.string()),
  asOf: z.nullable(isoDate),
  quote: z.nullable(z.string()),
});

export const InitiativeSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  summary: z.nullable(z.string()),
  order: z.nullable(z.int()),
  theme: z.nullable(ThemeSchema),
});

/**
 * A case's cover image. `url` and `smallUrl` (at most 500 pixels wide, for lists and cards) are absolute in the
 * answers of the SDK's own calls: the client resolves the CMS's /uploads/… paths against its endpoint (`request`
 * gives them as the CMS sent them). `alternativeText` is the editor's text, else
 * the case's title; the size is unknown (null) for AVIF images.
 */
export const CaseImageSchema = z.object({
  url: z.string(),
  smallUrl: z.string(),
  alternativeText: z.string(),
  width: z.nullable(z.int()),
  height: z.nullable(z.int()),
});

/** How search engines and link previews show a case: its SEO title, else its title; its SEO description, else its summary cut at 160 characters (null without either). */
export const CaseSeoSchema = z.object({ title: z.string(), description: z.nullable(z.string()) });

/** A case as lists show it: everything but its body and people. */
export const CaseSummarySchema = z.object({
  documentId: z.string(),
  slug: z.nullable(z.string()),
  title: z.string(),
  summary: z.nullable(z.string()),
  award: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
  hospital: z.nullable(HospitalRefSchema),
  themes: z.array(ThemeSchema),
  campaign: z.nullable(CampaignSchema),
  source: z.nullable(SourceSchema),
  initiatives: z.array(InitiativeSchema),
  metrics: z.array(MetricSchema),
  /** null when the case has none */
  cover: z.nullable(CaseImageSchema),
  seo: CaseSeoSchema,
  /** votes (给我点赞 / 投票) */
  votes: z.int(),
  /** reads (阅读量) */
  views: z.int(),
});

/** A case as its own page shows it. */
export const CaseSchema = z.extend(CaseSummarySchema, {
  body: z.nullable(z.string()),
  people: z.array(PersonSchema),
});

/** The answer to a vote: whether it counted, the case's votes after it, and why not (`already_voted`, `voting_closed`). */
export const VoteResultSchema = z.object({ counted: z.boolean(), votes: z.int(), reason: z.nullable(VoteRefusalSchema) });

/**
 * The answer to a read: whether it counted and the case's reads after it. One voter's reads of a case count once
 * within the server's configured read window (30 minutes by default).
 */
export const ViewResultSchema = z.object({ counted: z.boolean(), views: z.int() });

export const PageInfoSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
  total: z.int(),
});

export const TextRangeSchema = z.object({ start: z.int(), end: z.int() });

export const SearchSnippetSchema = z.object({
  field: SnippetFieldSchema,
  text: z.string(),
  matches: z.array(TextRangeSchema),
});

export const CaseHitSchema = z.object({
  case: CaseSummarySchema,
  score: z.number(),
  snippet: z.nullable(SearchSnippetSchema),
});

/** A facet's value as the filter of the same name takes it, its label and how many cases it has. */
const facetBucket = <Value extends z.ZodMiniType<string>>(value: Value) => z.object({ value, label: z.string(), count: z.int() });
export const FacetBucketSchema = facetBucket(z.string());

/** Each bucket's `value` can be given back as the filter of its dimension: `{ province }`, `{ category }`, `{ theme }` (a slug). */
export const CaseFacetsSchema = z.object({
  total: z.int(),
  provinces: z.array(facetBucket(ProvinceSchema)),
  categories: z.array(facetBucket(HospitalCategorySchema)),
  themes: z.array(facetBucket(z.string())),
});

/** A key of a closed set and its Chinese label. */
const labelOf = <Key extends z.ZodMiniType<string>>(key: Key) => z.object({ key, label: z.string() });

/** The Chinese label of every key the API answers, per closed set, in the sets' order: `labels.provinces` is `{ key: Province; label: string }[]`. */
export const LabelsSchema = z.object({
  provinces: z.array(labelOf(ProvinceSchema)),
  hospitalCategories: z.array(labelOf(HospitalCategorySchema)),
  hospitalLevels: z.array(labelOf(HospitalLevelSchema)),
  campaignStages: z.array(labelOf(CampaignStageSchema)),
  metricKinds: z.array(labelOf(MetricKindSchema)),
  metricQualifiers: z.array(labelOf(MetricQualifierSchema)),
  voteRefusals: z.array(labelOf(VoteRefusalSchema)),
  snippetFields: z.array(labelOf(SnippetFieldSchema)),
});

/**
 * Filters of case lists, search and facets. Unknown keys are refused, at compile time and at run time; a hospital,
 * theme or campaign that does not exist is refused by the server (a ValidationError naming it).
 */
export const CaseFilterSchema = z.partial(
  z.strictObject({
    /** documentId or slug (`cheng-du-shi-di-liu-ren-min-yi-yuan`) */
    hospital: z.string(),
    province: ProvinceSchema,
    city: z.string(),
    category: HospitalCategorySchema,
    /** documentId or slug (`dang-xiao`) */
    theme: z.string(),
    /** documentId or slug */
    campaign: z.string(),
    /** first publication date, inclusive */
    publishedFrom: isoDate,
    /** last publication date, inclusive */
    publishedTo: isoDate,
    /** Chinese text search (simplified or traditional) */
    search: z.string(),
  }),
);

export const HospitalFilterSchema = z.partial(
  z.strictObject({
    province: ProvinceSchema,
    city: z.string(),
    category: HospitalCategorySchema,
    /** part of the name */
    name: z.string(),
    /** only hospitals with published cases */
    withCases: z.boolean(),
  }),
);

const page = { page: z.int().check(z.minimum(1)), pageSize: z.int().check(z.minimum(1), z.maximum(100)) };

export const CaseListParamsSchema = z.partial(z.strictObject({ filter: CaseFilterSchema, sort: CaseSortSchema, ...page }));
export const CaseSearchParamsSchema = z.partial(z.strictObject({ filter: z.omit(CaseFilterSchema, { search: true }), sort: CaseSortSchema, ...page }));
export const CaseFacetsParamsSchema = z.partial(z.strictObject({ filter: CaseFilterSchema }));
export const HospitalListParamsSchema = z.partial(z.strictObject({ filter: HospitalFilterSchema, sort: HospitalSortSchema, ...page }));
/** A documentId or a slug, as the calls naming one case or hospital take it. */
export const ReferenceSchema = z.string().check(z.minLength(1), z.maxLength(255));
/** A search query: terms separated by spaces, in simplified or traditional Chinese. */
export const SearchQuerySchema = z.string().check(z.minLength(1));
export const CaseSlugsParamsSchema = z.partial(z.strictObject({ filter: CaseFilterSchema }));
/** A published case's slug and when it last changed: a sitemap's entry. */
export const CaseSlugSchema = z.object({ slug: z.nullable(z.string()), updatedAt: z.string() });
/** The votes and reads of cases, apart from their content (which caches may keep, and counters they may not). */
export const CaseCountersSchema = z.object({ documentId: z.string(), votes: z.int(), views: z.int() });
export const CaseCountersVariablesSchema = z.strictObject({ documentIds: z.array(ReferenceSchema).check(z.maxLength(100)) });
/** The front end's anonymous id for its visitor. */
export const VoterSchema = z.string().check(z.minLength(1), z.maxLength(128));
export const VoteOptionsSchema = z.partial(
  z.strictObject({
    /** Sent as the Idempotency-Key header: a retry with the same key gets the first answer. One is made when absent. */
    idempotencyKey: z.string().check(z.minLength(1), z.maxLength(255)),
    /** How often to resend after a network failure (with the same key); 1 by default. */
    retries: z.int().check(z.minimum(0), z.maximum(5)),
  }),
);
export const RankingParamsSchema = z.partial(
  z.strictObject({
    /** documentId or slug of the campaign; every published case when absent */
    campaign: z.string(),
    limit: z.int().check(z.minimum(1), z.maximum(100)),
  }),
);

/** The variables of the SDK's operations: what its calls' parameters are once checked. */
export const CaseSearchVariablesSchema = z.extend(CaseSearchParamsSchema, { query: SearchQuerySchema });
export const CaseDetailVariablesSchema = z.union([z.strictObject({ documentId: ReferenceSchema }), z.strictObject({ slug: ReferenceSchema })]);
export const CaseSlugsVariablesSchema = z.extend(CaseSlugsParamsSchema, { page: page.page });
export const VoteVariablesSchema = z.strictObject({ documentId: ReferenceSchema, voter: VoterSchema });
export const ViewVariablesSchema = z.strictObject({ documentId: ReferenceSchema, voter: z.optional(VoterSchema) });

export type Province = z.infer<typeof ProvinceSchema>;
export type HospitalCategory = z.infer<typeof HospitalCategorySchema>;
export type HospitalLevel = z.infer<typeof HospitalLevelSchema>;
export type CaseSort = z.infer<typeof CaseSortSchema>;
export type HospitalSort = z.infer<typeof HospitalSortSchema>;
export type VoteRefusal = z.infer<typeof VoteRefusalSchema>;
export type SnippetField = z.infer<typeof SnippetFieldSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type HospitalRef = z.infer<typeof HospitalRefSchema>;
export type Hospital = z.infer<typeof HospitalSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type CaseImage = z.infer<typeof CaseImageSchema>;
export type CaseSeo = z.infer<typeof CaseSeoSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type Labels = z.infer<typeof LabelsSchema>;
/** One entry of `Labels`: `Label<Province>` is `{ key: Province; label: string }`. */
export type Label<Key extends string = string> = { key: Key; label: string };
export type Case = z.infer<typeof CaseSchema>;
export type PageInfo = z.infer<typeof PageInfoSchema>;
export type TextRange = z.infer<typeof TextRangeSchema>;
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;
export type CaseHit = z.infer<typeof CaseHitSchema>;
/** A facet bucket; its `value` is of the filter it belongs to (`CaseFacets['provinces'][number]['value']` is a Province). */
export type FacetBucket<Value extends string = string> = { value: Value; label: string; count: number };
export type CaseFacets = z.infer<typeof CaseFacetsSchema>;
export type CaseFilter = z.input<typeof CaseFilterSchema>;
export type HospitalFilter = z.input<typeof HospitalFilterSchema>;
export type CaseListParams = z.input<typeof CaseListParamsSchema>;
export type CaseSearchParams = z.input<typeof CaseSearchParamsSchema>;
export type CaseFacetsParams = z.input<typeof CaseFacetsParamsSchema>;
export type HospitalListParams = z.input<typeof HospitalListParamsSchema>;
export type VoteResult = z.infer<typeof VoteResultSchema>;
export type ViewResult = z.infer<typeof ViewResultSchema>;
export type VoteOptions = z.input<typeof VoteOptionsSchema>;
export type RankingParams = z.input<typeof RankingParamsSchema>;
export type CaseSlugsParams = z.input<typeof CaseSlugsParamsSchema>;
/** A sitemap's entry: a published case's slug and when it last changed (ISO 8601). */
export type CaseSlug = { slug: string; updatedAt: string };
