import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CASE_PARTS } from '../constants';
import { currentRequestState, isContentApiRequest, mayReadDrafts } from '../services/request-scope';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export const DRAFTS_FORBIDDEN = 'Drafts are not public: only published cases can be read without an API token';

const isCasePart = (uid: string) => (CASE_PARTS as readonly string[]).includes(uid);

/**
 * The draft/publish rule for everything the content API reads through the document service:
 * - asking for drafts (status=draft, or status: DRAFT in GraphQL) needs an API token; anyone else gets a 403,
 *   not a silent fallback. (GraphQL relation fields take no status argument: they follow their root query.)
 * - initiatives and metrics have no publication state of their own, so they are read only while
 *   their case has a published version.
 */
export const publicVisibilityMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const state = currentRequestState(strapi);
    if (!isContentApiRequest(state) || mayReadDrafts(state)) return next();

    const params = context.params as { status?: string; filters?: Record<string, unknown> };
    if (params.status === 'draft') {
      // A PolicyError is the ForbiddenError whose message Strapi passes on to the client.
      throw new errors.PolicyError(DRAFTS_FORBIDDEN);
    }
    if (isCasePart(context.uid)) {
      const published = { case: { publishedAt: { $notNull: true } } };
      params.filters = params.filters ? { $and: [params.filters, published] } : published;
    }
    return next();
  };
