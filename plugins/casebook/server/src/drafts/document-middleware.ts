import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DOCUMENT_DIALECT, assertPublicSort, publicRowsOf, restrictTo, scopeFilters, scopePopulate } from './scope';
import { currentRequestState, isContentApiRequest, mayReadDrafts } from './request-scope';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export const DRAFTS_FORBIDDEN = 'Drafts are not public: only published cases can be read without an API token';

type ReadParams = {
  status?: unknown;
  publicationFilter?: unknown;
  hasPublishedVersion?: unknown;
  filters?: unknown;
  sort?: unknown;
  populate?: unknown;
};

/**
 * The draft/publish rule for everything the content API reads through the document service (REST, and
 * GraphQL's root queries), for callers without an API token:
 * - `status` is absent or exactly `published`. Anything else (DRAFT, '', a list …) is refused with a 403, not
 *   read: the document service takes every status but 'published' for drafts.
 * - `publicationFilter` and `hasPublishedVersion` are refused: which cases have unpublished edits is not public.
 * - initiatives and metrics, published and unpublished with their case (case-parts), are read only while their case has
 *   a published version; filters, sorts and populates through relations see only what a public reader may
 *   (see drafts/scope.ts), at every depth.
 */
export const publicVisibilityMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const state = currentRequestState(strapi);
    if (!isContentApiRequest(state) || mayReadDrafts(state)) return next();

    const params = context.params as ReadParams;
    if (params.status !== undefined && params.status !== 'published') {
      // A PolicyError is the ForbiddenError whose message Strapi passes on to the client.
      throw new errors.PolicyError(DRAFTS_FORBIDDEN);
    }
    if (params.publicationFilter !== undefined || params.hasPublishedVersion !== undefined) {
      throw new errors.PolicyError('Which cases have unpublished versions is not public: publicationFilter and hasPublishedVersion need an API token');
    }
    if (params.sort !== undefined) assertPublicSort(strapi, context.uid, params.sort);
    const filters = params.filters === undefined ? undefined : scopeFilters(strapi, context.uid, params.filters, DOCUMENT_DIALECT);
    const scoped = restrictTo(filters, publicRowsOf(context.uid, DOCUMENT_DIALECT), DOCUMENT_DIALECT);
    if (scoped !== undefined) params.filters = scoped;
    if (params.populate !== undefined) params.populate = scopePopulate(strapi, context.uid, params.populate);
    return next();
  };
