/** What the public reads: lists, search, facets and rankings of published cases, and the search index behind them. */
export {
  default as showcaseService,
  showcaseOf,
  type CaseFacets,
  type CaseFilter,
  type CaseHit,
  type HospitalFilter,
  type PageArgs,
  type PageInfo,
  type ShowcaseService,
} from './service';
export { default as searchIndexService, searchIndexOf, type SearchIndexService } from './search-index';
export { searchIndexMiddleware } from './document-middleware';
export { countPublishedCases } from './counts';
export { CASE_INDEX_TABLE } from './tables';
export { caseImageOf, type CaseImage } from './cover';
export { SEO_DESCRIPTION_MAX, seoOf } from './seo';
