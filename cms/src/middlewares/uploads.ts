import path from 'node:path';
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

/**
 * The path a static file is served from, as `strapi::public` reads it: percent-decoded and normalised, so that
 * /%75ploads/x.png and /a/..%2fuploads/x.png are /uploads/x.png too. Koa's ctx.path is still encoded.
 */
const servedPath = (raw: string): string => {
  try {
    return path.posix.normalize(decodeURIComponent(raw));
  } catch {
    return raw;
  }
};

/** The routes that take files: the admin's media library and the content API's upload (a token's). */
const UPLOAD_ROUTE = /^\/(?:api\/)?upload\/?$/i;

/**
 * The uploaded files' safe headers (UPLOAD_HEADERS), and a refusal that names the limit when an upload is larger than
 * CASEBOOK_UPLOAD_MAX_BYTES: Strapi's body middleware (formidable 2, which counts the files of one request together)
 * stops reading it there and answers a bare "FileTooBig". The admin's media library sends one file a request.
 * Placed before `strapi::body`.
 */
const uploads: Core.MiddlewareFactory = (_config, { strapi }) => {
  const limit = strapi.config.get<number | undefined>('plugin::upload.sizeLimit');
  return async (ctx, next) => {
    if (servedPath(ctx.path).startsWith('/uploads/')) {
      await next();
      ctx.set(UPLOAD_HEADERS);
      return;
    }
    await next();
    if (ctx.status === 413 && limit !== undefined && UPLOAD_ROUTE.test(ctx.path) && ctx.is('multipart')) {
      const error = new errors.PayloadTooLargeError(`上传的文件超过 ${humanBytes(limit)} 的上限,请逐个上传 (the upload is larger than the ${humanBytes(limit)} limit, which counts the files of one request together: send one file a request)`, { limit });
      ctx.body = { data: null, error: { status: 413, name: error.name, message: error.message, details: error.details } };
    }
  };
};

export default uploads;
