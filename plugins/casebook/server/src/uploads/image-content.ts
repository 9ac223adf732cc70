import sharp from 'sharp';

/** The MIME type of each image format sharp (libvips) names; AVIF is a HEIF whose compression is AV1. */
const MIME_OF_FORMAT: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  jp2: 'image/jp2',
  jxl: 'image/jxl',
};

/**
 * What the file's bytes are, as the image library that makes the thumbnails reads them (its header, not its
 * name nor the type its sender declared): a MIME type, or undefined for anything it cannot read as an image
 * (text, HTML, a PDF …).
 */
export const imageTypeOf = async (filepath: string): Promise<string | undefined> => {
  try {
    const { format, compression } = await sharp(filepath).metadata();
    if (format === 'heif') return compression === 'av1' ? 'image/avif' : 'image/heif';
    return MIME_OF_FORMAT[format] ?? `image/x-${format}`;
  } catch {
    return undefined;
  }
};
