import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The methods whose bodies Strapi's body middleware parses (koa-body's defaults). */
const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every GraphQL request body gets the GraphQL limit (`apolloServer.bodyParserConfig.jsonLimit`), not the app's
 * 8 MB, and a refusal that names it.
 *
 * Strapi's body middleware (`strapi::body`) parses every request body under the app's limits, except a request whose
 * URL is exactly the GraphQL endpoint: the GraphQL route parses that one itself, under `bodyParserConfig`. The route
 * also answers `/graphql?…`, `/graphql/` and `/GraphQL` (the router ignores case and a trailing slash), whose bodies
 * `strapi::body` read under 8 MB. Placed before `strapi::body`, this gives such a request the endpoint's exact URL
 * (the query string of a POST means nothing to Apollo), so every GraphQL body goes through the route's parser, which
 * refuses an over-long Content-Length before reading and stops a chunked body at the limit.
 */
const graphqlBody: Core.MiddlewareFactory = (_config, { strapi }) => {
  const endpoint = strapi.config.get<string | undefined>('plugin::graphql.endpoint');
  if (!endpoint) return undefined;
  const limit = strapi.config.get<string | number | undefined>('plugin::graphql.apolloServer.bodyParserConfig.jsonLimit') ?? '1mb';
  const route = new RegExp(`^${escapeRegExp(endpoint.replace(/\/$/, ''))}/?$`, 'i');

  return async (ctx, next) => {
    if (!route.test(ctx.path)) return next();
    if (PARSED_METHODS.has(ctx.method) && ctx.url !== endpoint) ctx.url = endpoint;
    try {
      await next();
    } catch (error) {
      // raw-body's refusal, from the route's parser.
      if ((error as { status?: unknown } | null)?.status !== 413) throw error;
      throw new errors.PayloadTooLargeError(`The GraphQL request body is larger than ${limit}, the most a query and its variables may take`, { limit });
    }
  };
};

export default graphqlBody;
