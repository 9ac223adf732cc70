import type { Core } from '@strapi/strapi';

export type RequestState = {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
};

/** The state of the HTTP request being served, if any (imports and bootstrap run outside requests). */
export const currentRequestState = (strapi: Core.Strapi): RequestState | undefined =>
  (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;

/** True while serving Strapi's content API (REST /api/* and /graphql), never the admin panel. */
export const isContentApiRequest = (state: RequestState | undefined): boolean => state?.route?.info?.type === 'content-api';

/**
 * Who may read drafts through the content API: API tokens, for front-end previews.
 * The public and end users (users-permissions) only ever see published content.
 */
export const mayReadDrafts = (state: RequestState | undefined): boolean => state?.auth?.strategy?.name === 'content-api-token';
