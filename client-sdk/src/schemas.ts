import { z } from 'zod';

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ThemeSchema = z.object({
  documentId: z.string(),
  slug: z.string().nullable(),
  name: z.string(),
});

export const CampaignSchema = z.object({
  documentId: z.string(),
  slug: z.string().nullable(),
  name: z.string(),
  organiser: z.string().nullable(),
  year: z.number().int().nullable(),
  stage: CampaignStageSchema.nullable(),
});

export const HospitalRefSchema = z.object({
  documentId: z.string(),
  slug: z.string().nullable(),
  name: z.string(),
  province: ProvinceSchema.nullable(),
  city: z.string().nullable(),
  category: HospitalCategorySchema.nullable(),
  level: HospitalLevelSchema.nullable(),
});

export const HospitalSchema = HospitalRefSchema.extend({
  aliases: z.array(z.string()).nullable(),
  affiliatedUniversity: z.string().nullable(),
  publishedCaseCount: z.number().int(),
});

export const PersonSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  unit: z.string().nullable(),
});

export const SourceSchema = z.object({
  publication: z.string().nullable(),
  column: z.string().nullable(),
  issue: z.string().nullable(),
  date: isoDate.nullable(),
  url: z.string().nullable(),
});

export const MetricSchema = z.object({
  documentId: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  qualifier: MetricQualifierSchema.nullable(),
  kind: MetricKindSchema.nullable(),
  period: z.string().nullable(),
  asOf: isoDate.nullable(),
  quote: z.string().nullable(),
});

export const InitiativeSchema = z.object({
  documentId: z.string(),
  name: z.string(),
  summary: z.string().nullable(),
  order: z.number().int().nullable(),
  theme: ThemeSchema.nullable(),
});

/** A case as lists show it: everything but its body and people. */
export const CaseSummarySchema = z.object({
  documentId: z.string(),
  slug: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  award: z.string().nullable(),
  publishedAt: z.string().nullable(),
  hospital: HospitalRefSchema.nullable(),
  themes: z.array(ThemeSchema),
  campaign: CampaignSchema.nullable(),
  source: SourceSchema.nullable(),
  initiatives: z.array(InitiativeSchema),
  metrics: z.array(MetricSchema),
});

/** A case as its own page shows it. */
export const CaseSchema = CaseSummarySchema.extend({
  body: z.string().nullable(),
  people: z.array(PersonSchema),
});

export const PageInfoSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

export const TextRangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchSnippetSchema = z.object({
  field: z.string(),
  text: z.string(),
  matches: z.array(TextRangeSchema),
});

export const CaseHitSchema = z.object({
  case: CaseSummarySchema,
  score: z.number(),
  snippet: SearchSnippetSchema.nullable(),
});

export const FacetBucketSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const CaseFacetsSchema = z.object({
  total: z.number().int(),
  provinces: z.array(FacetBucketSchema),
  categories: z.array(FacetBucketSchema),
  themes: z.array(FacetBucketSchema),
});

/** Filters of case lists, search and facets. Unknown keys are refused, at compile time and at run time. */
export const CaseFilterSchema = z
  .object({
    /** documentId or slug */
    hospital: z.string(),
    province: ProvinceSchema,
    city: z.string(),
    category: HospitalCategorySchema,
    /** documentId or slug */
    theme: z.string(),
    /** documentId or slug */
    campaign: z.string(),
    /** first publication date, inclusive */
    publishedFrom: isoDate,
    /** last publication date, inclusive */
    publishedTo: isoDate,
    /** Chinese text search (simplified or traditional) */
    search: z.string(),
  })
  .partial()
  .strict();

export const HospitalFilterSchema = z
  .object({
    province: ProvinceSchema,
    city: z.string(),
    category: HospitalCategorySchema,
    /** part of the name */
    name: z.string(),
    /** only hospitals with published cases */
    withCases: z.boolean(),
  })
  .partial()
  .strict();

const page = { page: z.number().int().min(1), pageSize: z.number().int().min(1).max(100) };

export const CaseListParamsSchema = z.object({ filter: CaseFilterSchema, sort: CaseSortSchema, ...page }).partial().strict();
export const CaseSearchParamsSchema = z.object({ filter: CaseFilterSchema.omit({ search: true }), sort: CaseSortSchema, ...page }).partial().strict();
export const CaseFacetsParamsSchema = z.object({ filter: CaseFilterSchema }).partial().strict();
export const HospitalListParamsSchema = z.object({ filter: HospitalFilterSchema, sort: HospitalSortSchema, ...page }).partial().strict();

export type Province = z.infer<typeof ProvinceSchema>;
export type HospitalCategory = z.infer<typeof HospitalCategorySchema>;
export type HospitalLevel = z.infer<typeof HospitalLevelSchema>;
export type CaseSort = z.infer<typeof CaseSortSchema>;
export type HospitalSort = z.infer<typeof HospitalSortSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type HospitalRef = z.infer<typeof HospitalRefSchema>;
export type Hospital = z.infer<typeof HospitalSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Metric = z.infer<typeof MetricSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type Case = z.infer<typeof CaseSchema>;
export type PageInfo = z.infer<typeof PageInfoSchema>;
export type TextRange = z.infer<typeof TextRangeSchema>;
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;
export type CaseHit = z.infer<typeof CaseHitSchema>;
export type FacetBucket = z.infer<typeof FacetBucketSchema>;
export type CaseFacets = z.infer<typeof CaseFacetsSchema>;
export type CaseFilter = z.input<typeof CaseFilterSchema>;
export type HospitalFilter = z.input<typeof HospitalFilterSchema>;
export type CaseListParams = z.input<typeof CaseListParamsSchema>;
export type CaseSearchParams = z.input<typeof CaseSearchParamsSchema>;
export type CaseFacetsParams = z.input<typeof CaseFacetsParamsSchema>;
export type HospitalListParams = z.input<typeof HospitalListParamsSchema>;
