import type { Core, Modules } from '@strapi/strapi';
import { UID } from '../constants';
import { searchIndexOf } from './search-index';

// What changes a case's published version. create and update write the draft only, unless asked to publish.
const PUBLISHED_CHANGES = new Set(['delete', 'publish', 'unpublish']);
const publishes = (action: string, params: { status?: string }) =>
  PUBLISHED_CHANGES.has(action) || ((action === 'create' || action === 'update') && params.status === 'published');

type Result = { documentId?: string; entries?: Array<{ documentId?: string }> } | null | undefined;

const documentIdOf = (params: { documentId?: string }, result: Result) =>
  params.documentId ?? result?.documentId ?? result?.entries?.[0]?.documentId;

/**
 * Keeps the search index in step with what is published: after a write that changes a case's published
 * version, the case is indexed again, with the initiative names its published version holds (an initiative
 * edited in the admin is a draft, published with its case). Inside an import the index moves in the import's
 * own transaction.
 */
export const searchIndexMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const params = context.params as { documentId?: string; status?: string };
    const index = () => searchIndexOf(strapi);

    if (context.uid === UID.case && publishes(context.action, params)) {
      const result = await next();
      const documentId = documentIdOf(params, result as Result);
      if (documentId) await index().reindex([documentId]);
      return result;
    }

    return next();
  };
