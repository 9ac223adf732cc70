import { CASE_SORT, HOSPITAL_SORT, SNIPPET_FIELD, VOTE_REFUSAL } from '../closed-sets';
import { enumTypeDef } from './enums';
import { MAX_IDS } from '../utils';
import { labelTypeDefs, type EnumNamer } from './labels';
import { SEO_DESCRIPTION_MAX } from '../showcase';

/** What the type-defs describe as the server is configured (the read window), and how Strapi names enumerations' enums. */
export type TypeDefSettings = { readWindowMinutes: number; enumName: EnumNamer };

const minutes = (count: number) => (count === 1 ? '1 minute' : `${count} minutes`);

/**
 * The showcase API's part of the GraphQL schema; everything else is Strapi's shadow CRUD. Enums list the closed
 * sets' keys; descriptions state the configured read window.
 */
export const typeDefs = ({ readWindowMinutes, enumName }: TypeDefSettings) => /* GraphQL */ `
  "Filters of the showcase's case queries; all given filters apply together."
  input CaseQueryFilter {
    "documentId or slug of the hospital"
    hospital: ID
    province: ENUM_HOSPITAL_PROVINCE
    city: String
    category: ENUM_HOSPITAL_CATEGORY
    "documentId or slug of a theme"
    theme: ID
    "documentId or slug of the campaign"
    campaign: ID
    "first publication date (the source's date, else the day it was published), inclusive"
    publishedFrom: Date
    "last publication date (the source's date, else the day it was published), inclusive"
    publishedTo: Date
    "Chinese text search over title, summary, body and initiative names (simplified or traditional; terms separated by spaces must all occur)"
    search: String
  }

  ${enumTypeDef('CaseSort', CASE_SORT)}

  type CasePage {
    nodes: [Case!]!
    pageInfo: Pagination!
  }

  type TextRange {
    start: Int!
    end: Int!
  }

  ${enumTypeDef('SnippetField', SNIPPET_FIELD, 'Which text of a case a search snippet is cut from.')}

  "The passage of a case around the first match; matches are offsets into text."
  type SearchSnippet {
    field: SnippetField!
    text: String!
    matches: [TextRange!]!
  }

  type CaseHit {
    case: Case!
    score: Float!
    snippet: SearchSnippet
  }

  type CaseSearchPage {
    nodes: [CaseHit!]!
    "the query's terms in the form they were searched (simplified, lower case)"
    terms: [String!]!
    pageInfo: Pagination!
  }

  type FacetBucket {
    value: String!
    label: String!
    count: Int!
  }

  "Case counts for a filter UI: each dimension counted under every filter but its own."
  type CaseFacets {
    total: Int!
    provinces: [FacetBucket!]!
    categories: [FacetBucket!]!
    themes: [FacetBucket!]!
  }

  input HospitalQueryFilter {
    province: ENUM_HOSPITAL_PROVINCE
    city: String
    category: ENUM_HOSPITAL_CATEGORY
    "part of the hospital's name"
    name: String
    "only hospitals with at least one published case"
    withCases: Boolean
  }

  ${enumTypeDef('HospitalSort', HOSPITAL_SORT)}

  type HospitalPage {
    nodes: [Hospital!]!
    pageInfo: Pagination!
  }

  extend type Hospital {
    "how many of its cases are published"
    publishedCaseCount: Int!
  }

  "A case's cover image, as the media library keeps it (JPEG, PNG, WebP, GIF or AVIF)."
  type CaseImage {
    "the image's address: absolute when the upload provider's is (a cloud one) or the CMS knows its public URL (PUBLIC_URL); else a path on the CMS's origin (/uploads/…), which the SDK makes absolute"
    url: String!
    "what the image shows, for screen readers: the editor's text, else the case's title"
    alternativeText: String!
    "in pixels"
    width: Int
    "in pixels"
    height: Int
    "a rendition at most 500 pixels wide for lists and cards (else the 245-pixel thumbnail, else the image itself), addressed like url"
    smallUrl: String!
  }

  "How search engines and link previews show a case."
  type CaseSeo {
    "seoTitle, else the case's title"
    title: String!
    "seoDescription, else the summary on one line, cut at ${SEO_DESCRIPTION_MAX} characters (at the end of a sentence where one is near); null without either"
    description: String
  }

  extend type Case {
    "how many votes (给我点赞 / 投票) the case has"
    votes: Int!
    "how often the case was read (阅读量); one reader's reads within ${minutes(readWindowMinutes)} count once"
    views: Int!
    "the cover image; null when the case has none"
    cover: CaseImage
    "the title and description for search engines and link previews"
    seo: CaseSeo!
  }

  "A case's counters, apart from its content: they move with every vote and read, and no cache keeps them."
  type CaseCounters {
    documentId: ID!
    "how many votes (给我点赞 / 投票) the case has"
    votes: Int!
    "how often the case was read (阅读量)"
    views: Int!
  }

  ${labelTypeDefs(enumName)}

  type VoteResult {
    "whether this vote counted"
    counted: Boolean!
    "the case's votes after this vote"
    votes: Int!
    "why the vote did not count; null when it counted"
    reason: VoteRefusal
  }

  ${enumTypeDef('VoteRefusal', VOTE_REFUSAL, 'Why a vote did not count.')}

  type ViewResult {
    "whether this read counted"
    counted: Boolean!
    "the case's reads after this one"
    views: Int!
  }

  extend type Mutation {
    "A vote for a published case by the visitor the front end calls voter; one vote mutation per request. Send an Idempotency-Key header to make retries safe."
    voteCase(documentId: ID!, voter: String!): VoteResult!
    "A read of a published case; the same voter's reads of it within ${minutes(readWindowMinutes)} count once. One such mutation per request."
    recordCaseView(documentId: ID!, voter: String): ViewResult!
  }

  extend type Query {
    "The voting centre's ranking: published cases (of the campaign, by documentId or slug, when given) by votes, a tie going to the case that reached its count first."
    caseRanking(campaign: ID, limit: Int = 10): [Case!]!
    "The votes and reads of these published cases (at most ${MAX_IDS}), in the order given: a front end reads content from a cacheable query and the counters from this one. A draft or unknown documentId counts 0 and 0."
    caseCounters(documentIds: [ID!]!): [CaseCounters!]!
    "Published cases, newest first unless sorted otherwise."
    caseList(filter: CaseQueryFilter, sort: CaseSort, page: Int = 1, pageSize: Int = 25): CasePage!
    "Published cases holding every term of the query, best match first, with the passage that matched."
    caseSearch(query: String!, filter: CaseQueryFilter, sort: CaseSort, page: Int = 1, pageSize: Int = 25): CaseSearchPage!
    "Case counts per province, hospital category and theme."
    caseFacets(filter: CaseQueryFilter): CaseFacets!
    "A published case by documentId or by slug (give exactly one)."
    caseDetail(documentId: ID, slug: String): Case!
    "Hospitals with their published-case counts, most cases first unless sorted by name."
    hospitalList(filter: HospitalQueryFilter, sort: HospitalSort = MOST_CASES, page: Int = 1, pageSize: Int = 25): HospitalPage!
    "A hospital by documentId or by slug (give exactly one)."
    hospitalDetail(documentId: ID, slug: String): Hospital!
  }
`;
