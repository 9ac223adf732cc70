import type { Core } from '@strapi/strapi';
import { SLUGGED } from '../constants';
import { slugsOf } from '../slugs';

/**
 * The Strapi version whose Content Manager this patch was written for and checked against. Another version stops
 * the start: see patches/README.md ("Runtime patches") for what to check before raising it.
 */
export const CONTENT_MANAGER_UID_WRITTEN_FOR = '5.54.0';

type GenerateUIDField = (args: { contentTypeUID: string; field: string; data: Record<string, unknown>; locale?: string }) => Promise<string>;

/**
 * The Content Manager's "regenerate" button on a slug field uses Strapi's slugify, which drops Chinese: route our
 * slugged types through the same pinyin slugs the document middleware makes, by replacing the Content Manager's
 * `uid` service method `generateUIDField`. Refuses to start on another Strapi version, or when the method is gone.
 */
export const patchContentManagerUid = (strapi: Core.Strapi) => {
  const version = strapi.config.get<string | undefined>('info.strapi');
  if (version !== CONTENT_MANAGER_UID_WRITTEN_FOR) {
    throw new Error(
      `Casebook replaces the Content Manager's uid.generateUIDField as written for Strapi ${CONTENT_MANAGER_UID_WRITTEN_FOR}, and this is Strapi ${version}: ` +
        'check that the patch is still needed and still right (patches/README.md, "Runtime patches"), then update CONTENT_MANAGER_UID_WRITTEN_FOR ' +
        'in plugins/casebook/server/src/patches/content-manager-uid.ts',
    );
  }
  const uidService = strapi.plugin('content-manager')?.service('uid') as { generateUIDField?: unknown } | undefined;
  if (!uidService || typeof uidService.generateUIDField !== 'function') {
    throw new Error(`Casebook cannot find the Content Manager's uid.generateUIDField (Strapi ${version}) to give slug fields pinyin slugs`);
  }

  const generateUIDField = (uidService.generateUIDField as GenerateUIDField).bind(uidService);
  const pinyinUIDField: GenerateUIDField = async (args) => {
    const slugs = slugsOf(strapi);
    const source = slugs.isSlugged(args.contentTypeUID) ? args.data[SLUGGED[args.contentTypeUID]] : undefined;
    if (!slugs.isSlugged(args.contentTypeUID) || args.field !== 'slug' || typeof source !== 'string' || !source.trim()) {
      return generateUIDField(args);
    }
    const documentId = typeof args.data.documentId === 'string' ? args.data.documentId : undefined;
    return slugs.uniqueSlug(args.contentTypeUID, source, documentId);
  };
  uidService.generateUIDField = pinyinUIDField;
};
