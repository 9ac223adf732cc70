import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The images the media library takes (case covers): what browsers show everywhere. Not SVG, which carries script,
 * nor anything that is no image. Strapi's upload plugin checks the declared type, the name's extension and, where
 * it can tell, the content against this list; the casebook plugin (uploads/) also refuses a file whose content it
 * cannot read as one of these images, which Strapi lets through on its name alone.
 */
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;

/** Refused whatever else the list says: script in an image's clothing. */
const DENIED_TYPES = ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/xml', 'text/xml', 'application/javascript', 'text/javascript'];

/** 5 MB: a cover photo with room to spare. */
export const DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The most bytes one uploaded file may have (CASEBOOK_UPLOAD_MAX_BYTES, 5 MB by default). A value that is no
 * whole number of bytes stops the start with its name, instead of leaving uploads unbounded.
 */
export const uploadMaxBytes = (env: Env): number => {
  const configured = env('CASEBOOK_UPLOAD_MAX_BYTES');
  if (configured === undefined || configured.trim() === '') return DEFAULT_UPLOAD_MAX_BYTES;
  const bytes = /^\d+$/.test(configured.trim()) ? Number(configured.trim()) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(`CASEBOOK_UPLOAD_MAX_BYTES: ${JSON.stringify(configured)} is no size; write a whole number of bytes, e.g. 5242880 for 5 MB`);
  }
  return bytes;
};

/** The upload plugin's settings: its size limit and its allow and deny lists. */
export const uploadConfig = (env: Env) => ({
  sizeLimit: uploadMaxBytes(env),
  security: { allowedTypes: [...UPLOAD_IMAGE_TYPES], deniedTypes: DENIED_TYPES },
});

/** A size as people read it: 5 MB, 300 KB, 12 bytes. */
export const humanBytes = (bytes: number): string => {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
};
