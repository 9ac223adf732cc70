import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { holdsNul, NUL_REFUSED } from '../utils';
import { imageTypeOf } from './image-content';

/** A file as the upload plugin's service receives it (formidable's, or one fetched from a URL by the media library). */
type IncomingFile = { filepath?: string; path?: string; originalFilename?: string | null; name?: string };
type Data = { fileInfo?: unknown } | undefined;
type UploadService = {
  upload(input: { data: Data; files: IncomingFile | IncomingFile[] }, options?: unknown): Promise<unknown>;
  replace(id: unknown, input: { data: Data; file: IncomingFile }, options?: unknown): Promise<unknown>;
  updateFileInfo(id: unknown, fileInfo: unknown, options?: unknown): Promise<unknown>;
};

/**
 * A file's texts (name, alternative text, caption) arrive as JSON inside a form field, where the request's own
 * NUL check (middlewares/rest-input) sees only the escape: they are checked once parsed.
 */
const assertNoNul = (fileInfo: unknown) => {
  if (holdsNul(fileInfo)) throw new errors.ValidationError(NUL_REFUSED);
};

/** "JPEG、PNG、WEBP" from the allow list's MIME types. */
const readable = (types: readonly string[]) => types.map((type) => type.replace(/^image\//, '').toUpperCase()).join('、');

/**
 * Refuses, before anything is stored, a file whose content is not an image of the upload plugin's allow list
 * (`plugin::upload.security.allowedTypes`). Strapi's own check trusts a file's name and declared type when it cannot
 * tell the content's type: an HTML page or an SVG named cover.png and sent as image/png passed it.
 */
const assertAllowedImages = async (strapi: Core.Strapi, files: IncomingFile[]) => {
  const allowed = strapi.config.get<unknown>('plugin::upload.security.allowedTypes');
  if (!Array.isArray(allowed) || allowed.length === 0) return;
  for (const file of files) {
    const filepath = file.filepath ?? file.path;
    const type = filepath ? await imageTypeOf(filepath) : undefined;
    if (type !== undefined && allowed.includes(type)) continue;
    const name = file.originalFilename ?? file.name ?? 'file';
    throw new errors.ValidationError(`只接受 ${readable(allowed)} 图片 (only ${readable(allowed).replace(/、/g, ', ')} images are accepted): ${name} is ${type ?? 'no image'}`, {
      fileName: name,
      detectedType: type ?? null,
      allowedTypes: allowed,
    });
  }
};

/**
 * Wraps the upload plugin's service so that every way a file comes in (the admin's media library, its import from a
 * URL, the content API's upload, a replacement) goes through assertAllowedImages first, and no file's text holds a
 * NUL. Called from register.
 */
export const guardUploads = (strapi: Core.Strapi) => {
  if (!strapi.plugin('upload')) return;
  strapi.get('services').extend('plugin::upload.upload', (service: UploadService) => ({
    ...service,
    async upload(input: Parameters<UploadService['upload']>[0], options?: unknown) {
      assertNoNul(input.data?.fileInfo);
      await assertAllowedImages(strapi, Array.isArray(input.files) ? input.files : [input.files]);
      return service.upload(input, options);
    },
    async replace(id: unknown, input: Parameters<UploadService['replace']>[1], options?: unknown) {
      assertNoNul(input.data?.fileInfo);
      await assertAllowedImages(strapi, [input.file]);
      return service.replace(id, input, options);
    },
    async updateFileInfo(id: unknown, fileInfo: unknown, options?: unknown) {
      assertNoNul(fileInfo);
      return service.updateFileInfo(id, fileInfo, options);
    },
  }));
};
