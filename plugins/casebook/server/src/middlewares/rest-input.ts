import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { holdsNul, NUL_REFUSED } from '../utils';

/** Pagination numbers the databases take: SQLite refuses an offset past 64 bits with an error, not an empty page. */
const MAX_PAGINATION = 2 ** 31 - 1;
const PAGINATION_KEYS = ['page', 'pageSize', 'start', 'limit'];

const paginationOf = (query: Record<string, unknown>): Array<[string, unknown]> => {
  const nested = typeof query.pagination === 'object' && query.pagination !== null ? (query.pagination as Record<string, unknown>) : {};
  return PAGINATION_KEYS.flatMap((key): Array<[string, unknown]> => [
    ...(key in query ? [[key, query[key]] as [string, unknown]] : []),
    ...(key in nested ? [[`pagination[${key}]`, nested[key]] as [string, unknown]] : []),
  ]);
};

/**
 * Refuses, with a 400, requests that no Casebook reader or editor sends and that would otherwise end as a 500
 * inside the database: a NUL character (U+0000) in any request body (the admin's edits and uploads too), and in
 * the path or the query of a REST content-API request (PostgreSQL refuses it in every statement; no text of
 * Casebook holds one), and REST pagination numbers that are not whole numbers from 0 to 2,147,483,647. (GraphQL
 * arguments are checked by the GraphQL layer.)
 */
const restInput = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/`;
  return async (ctx: Context, next: Next) => {
    if (holdsNul(ctx.request.body)) throw new errors.ValidationError(NUL_REFUSED);
    if (ctx.path.startsWith(prefix)) {
      // The path is still percent-encoded here; the router decodes its parameters later.
      if (/%00|\u0000/i.test(ctx.path) || holdsNul(ctx.query)) throw new errors.ValidationError(NUL_REFUSED);
      for (const [name, value] of paginationOf(ctx.query)) {
        const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
        if (!(number <= MAX_PAGINATION)) throw new errors.ValidationError(`${name} must be a whole number from 0 to ${MAX_PAGINATION}`, { [name]: String(value).slice(0, 40) });
      }
    }
    await next();
  };
};

export default restInput;
