import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { humanBytes } from '../env/uploads';

/**
 * What every answer under /uploads carries: the browser never sniffs a type other than the one sent, a file
 * opened on its own runs nothing (no script, no form, no plugin: `sandbox`), and pages of other origins (the
 * showcase) may show it. Strapi's security middleware sends no Cross-Origin-Resource-Policy at all; a page that
 * isolates itself (Cross-Origin-Embedder-Policy: require-corp) would refuse such an image.
 */
export const UPLOAD_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const;

/** The routes that take files: the admin's media library and the content API's upload (a token's). */
const UPLOAD_ROUTE = /^\/(?:api\/)?upload\/?$/i;

/**
 * The uploaded files' safe headers (UPLOAD_HEADERS), and a refusal that names the limit when a file is larger than
 * CASEBOOK_UPLOAD_MAX_BYTES: Strapi's body middleware stops reading it there and answers a bare "FileTooBig".
 * Placed before `strapi::body`.
 */
const uploads: Core.MiddlewareFactory = (_config, { strapi }) => {
  const limit = strapi.config.get<number | undefined>('plugin::upload.sizeLimit');
  return async (ctx, next) => {
    if (ctx.path.startsWith('/uploads/')) {
      await next();
      ctx.set(UPLOAD_HEADERS);
      return;
    }
    await next();
    if (ctx.status === 413 && limit !== undefined && UPLOAD_ROUTE.test(ctx.path) && ctx.is('multipart')) {
      const error = new errors.PayloadTooLargeError(`文件超过 ${humanBytes(limit)} 的上限 (the file is larger than the ${humanBytes(limit)} upload limit)`, { limit });
      ctx.body = { data: null, error: { status: 413, name: error.name, message: error.message, details: error.details } };
    }
  };
};

export default uploads;
