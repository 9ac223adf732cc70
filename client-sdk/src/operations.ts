import type { DocumentNode } from 'graphql';
import * as z from 'zod/mini';
import {
  CaseCountersSchema,
  CaseCountersVariablesSchema,
  CaseFacetsParamsSchema,
  CaseFacetsSchema,
  CaseDetailVariablesSchema,
  CaseHitSchema,
  CaseListParamsSchema,
  CaseSchema,
  CaseSearchVariablesSchema,
  CaseSlugSchema,
  CaseSlugsVariablesSchema,
  CaseSummarySchema,
  HospitalListParamsSchema,
  HospitalSchema,
  LabelsSchema,
  PageInfoSchema,
  RankingParamsSchema,
  ReferenceSchema,
  ViewResultSchema,
  ViewVariablesSchema,
  VoteResultSchema,
  VoteVariablesSchema,
} from './schemas.js';

/** A GraphQL document with the zod schema of its `data` and the type of its variables (the output of their zod schema). */
export type Operation<Data, Variables> = {
  readonly name: string;
  readonly document: string | DocumentNode;
  readonly data: z.core.$ZodType<Data>;
  /** Type-level only: the variables the document declares. */
  readonly variables?: Variables;
};

/** Declares an operation: the variables type is given by the schema its calls check them with, the data type by the data's schema. */
const operation =
  <VariablesSchema extends z.core.$ZodType>(_variables: VariablesSchema) =>
  <Data>(name: string, document: string, data: z.ZodMiniType<Data, unknown>): Operation<Data, z.output<VariablesSchema>> & { readonly document: string } => ({ name, document, data });

// Nested lists are asked for in full: Strapi pages relation fields at 25 items unless told otherwise.
const ALL = '(pagination: { limit: 100 })';

const THEME = 'documentId slug name';
const HOSPITAL_REF = 'documentId slug name province city category level';
/** A case's content as lists show it: everything but its body, its people and its counters. */
const CASE_CONTENT = `
  documentId slug title summary award publishedAt
  hospital { ${HOSPITAL_REF} }
  themes${ALL} { ${THEME} }
  campaign { documentId slug name organiser year stage }
  source { publication column issue date url }
  initiatives${ALL} { documentId name summary order theme { ${THEME} } }
  metrics${ALL} { documentId label value unit qualifier kind period asOf quote }
  cover { url smallUrl alternativeText width height }
  seo { title description }
`;
const CASE_SUMMARY = `${CASE_CONTENT} votes views`;
const CASE_DETAIL_CONTENT = `${CASE_CONTENT} body people${ALL} { name role unit }`;
const CASE = `${CASE_DETAIL_CONTENT} votes views`;

/**
 * A case as the cacheable reads carry it: without votes and views, which move with every vote and read (an answer
 * holding them is never shared). The client adds them from CASE_COUNTERS.
 */
const NO_COUNTERS = { votes: true, views: true } as const;
const CaseContentSchema = z.omit(CaseSummarySchema, NO_COUNTERS);
const CaseDetailContentSchema = z.omit(CaseSchema, NO_COUNTERS);
export type CaseContent = z.infer<typeof CaseContentSchema>;
const HOSPITAL = `${HOSPITAL_REF} aliases affiliatedUniversity publishedCaseCount`;
const PAGE_INFO = 'pageInfo { page pageSize pageCount total }';

export const CASE_LIST = operation(CaseListParamsSchema)(
  'caseList',
  `query CaseList($filter: CaseQueryFilter, $sort: CaseSort, $page: Int, $pageSize: Int) {
    caseList(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { nodes { ${CASE_CONTENT} } ${PAGE_INFO} }
  }`,
  z.object({ caseList: z.object({ nodes: z.array(CaseContentSchema), pageInfo: PageInfoSchema }) }),
);

export const CASE_SEARCH = operation(CaseSearchVariablesSchema)(
  'caseSearch',
  `query CaseSearch($query: String!, $filter: CaseQueryFilter, $sort: CaseSort, $page: Int, $pageSize: Int) {
    caseSearch(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
      nodes { score snippet { field text matches { start end } } case { ${CASE_CONTENT} } }
      terms
      ${PAGE_INFO}
    }
  }`,
  z.object({ caseSearch: z.object({ nodes: z.array(z.extend(CaseHitSchema, { case: CaseContentSchema })), terms: z.array(z.string()), pageInfo: PageInfoSchema }) }),
);

export const CASE_FACETS = operation(CaseFacetsParamsSchema)(
  'caseFacets',
  `query CaseFacets($filter: CaseQueryFilter) {
    caseFacets(filter: $filter) {
      total
      provinces { value label count }
      categories { value label count }
      themes { value label count }
    }
  }`,
  z.object({ caseFacets: CaseFacetsSchema }),
);

export const CASE_DETAIL = operation(CaseDetailVariablesSchema)(
  'caseDetail',
  `query CaseDetail($documentId: ID, $slug: String) { caseDetail(documentId: $documentId, slug: $slug) { ${CASE_DETAIL_CONTENT} } }`,
  z.object({ caseDetail: CaseDetailContentSchema }),
);

export const HOSPITAL_LIST = operation(HospitalListParamsSchema)(
  'hospitalList',
  `query HospitalList($filter: HospitalQueryFilter, $sort: HospitalSort, $page: Int, $pageSize: Int) {
    hospitalList(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { nodes { ${HOSPITAL} } ${PAGE_INFO} }
  }`,
  z.object({ hospitalList: z.object({ nodes: z.array(HospitalSchema), pageInfo: PageInfoSchema }) }),
);

export const HOSPITAL_DETAIL = operation(CaseDetailVariablesSchema)(
  'hospitalDetail',
  `query HospitalDetail($documentId: ID, $slug: String) { hospitalDetail(documentId: $documentId, slug: $slug) { ${HOSPITAL} } }`,
  z.object({ hospitalDetail: HospitalSchema }),
);

export const CASE_RANKING = operation(RankingParamsSchema)(
  'caseRanking',
  `query CaseRanking($campaign: ID, $limit: Int) { caseRanking(campaign: $campaign, limit: $limit) { ${CASE_SUMMARY} } }`,
  z.object({ caseRanking: z.array(CaseSummarySchema) }),
);

export const VOTE_CASE = operation(VoteVariablesSchema)(
  'voteCase',
  `mutation VoteCase($documentId: ID!, $voter: String!) { voteCase(documentId: $documentId, voter: $voter) { counted votes reason } }`,
  z.object({ voteCase: VoteResultSchema }),
);

export const RECORD_CASE_VIEW = operation(ViewVariablesSchema)(
  'recordCaseView',
  `mutation RecordCaseView($documentId: ID!, $voter: String) { recordCaseView(documentId: $documentId, voter: $voter) { counted views } }`,
  z.object({ recordCaseView: ViewResultSchema }),
);

/** A case as it stands, draft included (a token with the permission to read drafts needed), by documentId or slug. */
export const CASE_PREVIEW = operation(z.strictObject({ documentId: ReferenceSchema, slug: ReferenceSchema }))(
  'casePreview',
  `query CasePreview($documentId: ID!, $slug: String!) {
    cases(filters: { or: [{ documentId: { eq: $documentId } }, { slug: { eq: $slug } }] }, status: DRAFT, pagination: { limit: 1 }) { ${CASE} }
  }`,
  z.object({ cases: z.array(CaseSchema) }),
);

/** Slugs and update times only: a sitemap's few bytes per case. */
export const CASE_SLUGS = operation(CaseSlugsVariablesSchema)(
  'caseSlugs',
  `query CaseSlugs($filter: CaseQueryFilter, $page: Int) {
    caseList(filter: $filter, sort: OLDEST, page: $page, pageSize: 100) { nodes { slug updatedAt } ${PAGE_INFO} }
  }`,
  z.object({ caseList: z.object({ nodes: z.array(CaseSlugSchema), pageInfo: PageInfoSchema }) }),
);

/** The counters of the cases a cacheable read carried, in one small answer no cache keeps. */
export const CASE_COUNTERS = operation(CaseCountersVariablesSchema)(
  'caseCounters',
  `query CaseCounters($documentIds: [ID!]!) { caseCounters(documentIds: $documentIds) { documentId votes views } }`,
  z.object({ caseCounters: z.array(CaseCountersSchema) }),
);

const LABEL = '{ key label }';

/** The Chinese labels of every closed set's keys. */
export const LABELS = operation(z.strictObject({}))(
  'labels',
  `query Labels {
    labels {
      provinces ${LABEL} hospitalCategories ${LABEL} hospitalLevels ${LABEL} campaignStages ${LABEL}
      metricKinds ${LABEL} metricQualifiers ${LABEL} voteRefusals ${LABEL} snippetFields ${LABEL}
    }
  }`,
  z.object({ labels: LabelsSchema }),
);

/** Every operation the SDK sends: the schema test validates each against the live schema. */
export const OPERATIONS = [CASE_LIST, CASE_SEARCH, CASE_FACETS, CASE_DETAIL, CASE_PREVIEW, CASE_SLUGS, CASE_RANKING, HOSPITAL_LIST, HOSPITAL_DETAIL, LABELS, VOTE_CASE, RECORD_CASE_VIEW, CASE_COUNTERS] as const;
