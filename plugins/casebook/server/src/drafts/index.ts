/** Drafts never leak: the rules that keep unpublished cases (and the parts of them) out of public reads. */
export { DOCUMENT_DIALECT, GRAPHQL_DIALECT, assertPublicSort, isGuarded, publicRowsOf, restrictTo, scopeFilters, scopePopulate, type FilterDialect } from './scope';
export { currentRequestState, isContentApiRequest, mayReadDrafts, type RequestState } from './request-scope';
export { publicVisibilityMiddleware } from './document-middleware';
