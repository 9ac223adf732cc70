import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Principal } from './admin';
import { ROOT_DIR } from './paths';

/** A real image of `width` × `height` (a gradient, so it compresses like a photo), in `format`. */
export const imageOf = async (format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif', width = 800, height = 600): Promise<Buffer> => {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) pixels.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer();
};

/** A PNG of random pixels (nothing to compress): at least `bytes` long. */
export const noisePngOf = async (bytes: number): Promise<Buffer> => {
  const side = Math.ceil(Math.sqrt(bytes / 3)) + 8;
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
};

/** A file of test/fixtures/uploads (text that must never pass for an image). */
export const uploadFixture = (name: string): Buffer => fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'uploads', name));

export type Upload = { content: Buffer; filename: string; contentType: string; fileInfo?: Record<string, unknown> };

/**
 * Sends one file to the admin's media library (`POST /upload`, an admin session) or the content API's upload
 * (`POST /api/upload`, an API token), as a browser's multipart form.
 */
export const upload = (principal: Principal, route: '/upload' | '/api/upload', file: Upload) => {
  const request = principal.request('POST', route).attach('files', file.content, { filename: file.filename, contentType: file.contentType });
  return file.fileInfo ? request.field('fileInfo', JSON.stringify(file.fileInfo)) : request;
};
