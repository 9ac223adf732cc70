import type { Core, Modules } from '@strapi/strapi';
import { SLUGGED } from '../constants';
import { slugsOf } from './service';

type Data = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Gives every new hospital, case, theme and campaign a unique pinyin slug when none is supplied,
 * and refills a slug that an edit blanks out. A slug that exists is never rewritten: links stay stable.
 */
export const slugMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const slugs = slugsOf(strapi);
    if (!slugs.isSlugged(context.uid) || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as { data?: Data; documentId?: string };
    const data = params.data;
    if (!data) return next();

    const creating = context.action === 'create';
    if (creating ? !isBlank(data.slug) : !('slug' in data) || !isBlank(data.slug)) return next();

    const field = SLUGGED[context.uid];
    let source = data[field];
    if (isBlank(source) && !creating && params.documentId) {
      const current = await strapi.db.query(context.uid).findOne({ select: [field], where: { documentId: params.documentId } });
      source = current?.[field];
    }
    if (typeof source === 'string' && !isBlank(source)) {
      data.slug = await slugs.uniqueSlug(context.uid, source, params.documentId);
    }
    return next();
  };
