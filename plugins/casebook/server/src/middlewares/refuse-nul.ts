import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

/** Whether a parsed query or body holds a NUL character in any key or string, at any depth (walked without recursion). */
export const holdsNul = (value: unknown): boolean => {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, nested] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        pending.push(nested);
      }
    }
  }
  return false;
};

/**
 * Refuses REST content-API requests whose query or body holds a NUL character with a 400. No text of
 * Casebook holds one; PostgreSQL refuses it in every statement, so it would otherwise end as a 500.
 * (GraphQL arguments are checked by the GraphQL layer.)
 */
const refuseNul = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = `${strapi.config.get('api.rest.prefix', '/api')}/`;
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith(prefix) && (holdsNul(ctx.query) || holdsNul(ctx.request.body))) {
      throw new errors.ValidationError('Text with a NUL character (U+0000) is not accepted');
    }
    await next();
  };
};

export default refuseNul;
