import type { Core, Data, UID as StrapiUID } from '@strapi/strapi';
import { pinyin } from 'pinyin-pro';
import { SLUGGED, type SluggedUID } from '../constants';
import { serviceAccessor } from '../plugin-services';

export const MAX_SLUG_LENGTH = 80;

type SlugRow = Pick<Data.ContentType<SluggedUID>, 'slug' | 'documentId'>;

/**
 * A readable ASCII slug for a Chinese (or mixed) text: each Han character becomes its toneless pinyin
 * syllable (pinyin-pro picks the reading from context, so 医院 is yi-yuan), Latin letters and digits
 * are kept, everything else separates words. 构建医院党校 提升实干能力 → gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li.
 */
export const toPinyinSlug = (text: string, maxLength = MAX_SLUG_LENGTH): string => {
  const syllables = pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  const words = syllables
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .split('-')
    .filter(Boolean);

  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || words.join('-').slice(0, maxLength);
};

const slugService = ({ strapi }: { strapi: Core.Strapi }) => ({
  isSlugged(uid: string): uid is SluggedUID {
    return Object.prototype.hasOwnProperty.call(SLUGGED, uid);
  },

  /**
   * The first free slug for `text` in `uid`: the pinyin slug itself, or it with -2, -3 … appended.
   * Draft and published rows of one document share a slug, so rows of `documentId` never collide with it.
   */
  async uniqueSlug(uid: SluggedUID, text: string, documentId?: string): Promise<string> {
    const base = toPinyinSlug(text) || strapi.getModel(uid as StrapiUID.ContentType).modelName;
    const rows = (await strapi.db.query(uid).findMany({
      select: ['slug', 'documentId'],
      where: { slug: { $startsWith: base }, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    })) as SlugRow[];
    const taken = new Set(rows.map((row) => row.slug));
    if (!taken.has(base)) return base;
    let suffix = 2;
    while (taken.has(`${base}-${suffix}`)) suffix += 1;
    return `${base}-${suffix}`;
  },
});

export default slugService;

export type SlugService = ReturnType<typeof slugService>;

/** The `slug` service of a running Strapi. */
export const slugsOf = serviceAccessor<SlugService>('slug');
