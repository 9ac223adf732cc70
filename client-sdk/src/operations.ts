import * as z from 'zod/mini';
import {
  CaseFacetsSchema,
  CaseHitSchema,
  CaseSchema,
  CaseSummarySchema,
  HospitalSchema,
  PageInfoSchema,
  ViewResultSchema,
  VoteResultSchema,
} from './schemas.js';

/** A GraphQL document with the zod schema of its `data` and the type of its variables. */
export type Operation<Data, Variables> = {
  readonly name: string;
  readonly document: string;
  readonly data: z.ZodMiniType<Data, unknown>;
  /** Type-level only: the variables the document declares. */
  readonly variables?: Variables;
};

/** Declares an operation: the variables type is given, the data type is inferred from the schema. */
const operation =
  <Variables>() =>
  <Data>(name: string, document: string, data: z.ZodMiniType<Data, unknown>): Operation<Data, Variables> => ({ name, document, data });

// Nested lists are asked for in full: Strapi pages relation fields at 25 items unless told otherwise.
const ALL = '(pagination: { limit: 100 })';

const THEME = 'documentId slug name';
const HOSPITAL_REF = 'documentId slug name province city category level';
const CASE_SUMMARY = `
  documentId slug title summary award publishedAt
  hospital { ${HOSPITAL_REF} }
  themes${ALL} { ${THEME} }
  campaign { documentId slug name organiser year stage }
  source { publication column issue date url }
  initiatives${ALL} { documentId name summary order theme { ${THEME} } }
  metrics${ALL} { documentId label value unit qualifier kind period asOf quote }
  votes views
`;
const CASE = `${CASE_SUMMARY} body people${ALL} { name role unit }`;
const HOSPITAL = `${HOSPITAL_REF} aliases affiliatedUniversity publishedCaseCount`;
const PAGE_INFO = 'pageInfo { page pageSize pageCount total }';

type PageVariables = { page?: number; pageSize?: number };

export const CASE_LIST = operation<PageVariables & { filter?: unknown; sort?: string }>()(
  'caseList',
  `query CaseList($filter: CaseQueryFilter, $sort: CaseSort, $page: Int, $pageSize: Int) {
    caseList(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { nodes { ${CASE_SUMMARY} } ${PAGE_INFO} }
  }`,
  z.object({ caseList: z.object({ nodes: z.array(CaseSummarySchema), pageInfo: PageInfoSchema }) }),
);

export const CASE_SEARCH = operation<PageVariables & { query: string; filter?: unknown; sort?: string }>()(
  'caseSearch',
  `query CaseSearch($query: String!, $filter: CaseQueryFilter, $sort: CaseSort, $page: Int, $pageSize: Int) {
    caseSearch(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
      nodes { score snippet { field text matches { start end } } case { ${CASE_SUMMARY} } }
      terms
      ${PAGE_INFO}
    }
  }`,
  z.object({ caseSearch: z.object({ nodes: z.array(CaseHitSchema), terms: z.array(z.string()), pageInfo: PageInfoSchema }) }),
);

export const CASE_FACETS = operation<{ filter?: unknown }>()(
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

export const CASE_DETAIL = operation<{ documentId?: string; slug?: string }>()(
  'caseDetail',
  `query CaseDetail($documentId: ID, $slug: String) { caseDetail(documentId: $documentId, slug: $slug) { ${CASE} } }`,
  z.object({ caseDetail: CaseSchema }),
);

export const HOSPITAL_LIST = operation<PageVariables & { filter?: unknown; sort?: string }>()(
  'hospitalList',
  `query HospitalList($filter: HospitalQueryFilter, $sort: HospitalSort, $page: Int, $pageSize: Int) {
    hospitalList(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { nodes { ${HOSPITAL} } ${PAGE_INFO} }
  }`,
  z.object({ hospitalList: z.object({ nodes: z.array(HospitalSchema), pageInfo: PageInfoSchema }) }),
);

export const HOSPITAL_DETAIL = operation<{ documentId?: string; slug?: string }>()(
  'hospitalDetail',
  `query HospitalDetail($documentId: ID, $slug: String) { hospitalDetail(documentId: $documentId, slug: $slug) { ${HOSPITAL} } }`,
  z.object({ hospitalDetail: HospitalSchema }),
);

export const CASE_RANKING = operation<{ campaign?: string; limit?: number }>()(
  'caseRanking',
  `query CaseRanking($campaign: ID, $limit: Int) { caseRanking(campaign: $campaign, limit: $limit) { ${CASE_SUMMARY} } }`,
  z.object({ caseRanking: z.array(CaseSummarySchema) }),
);

export const VOTE_CASE = operation<{ documentId: string; voter: string }>()(
  'voteCase',
  `mutation VoteCase($documentId: ID!, $voter: String!) { voteCase(documentId: $documentId, voter: $voter) { counted votes reason } }`,
  z.object({ voteCase: VoteResultSchema }),
);

export const RECORD_CASE_VIEW = operation<{ documentId: string; voter?: string }>()(
  'recordCaseView',
  `mutation RecordCaseView($documentId: ID!, $voter: String) { recordCaseView(documentId: $documentId, voter: $voter) { counted views } }`,
  z.object({ recordCaseView: ViewResultSchema }),
);

/** Every operation the SDK sends: the schema test validates each against the live schema. */
export const OPERATIONS = [CASE_LIST, CASE_SEARCH, CASE_FACETS, CASE_DETAIL, CASE_RANKING, HOSPITAL_LIST, HOSPITAL_DETAIL, VOTE_CASE, RECORD_CASE_VIEW] as const;
