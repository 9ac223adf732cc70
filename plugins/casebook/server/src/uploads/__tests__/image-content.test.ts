import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { imageTypeOf } from '../image-content';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-image-content-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `content` under a name whose extension says nothing true about it. */
const fileOf = (content: Buffer | string) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.png`);
  fs.writeFileSync(file, content);
  return file;
};

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif' | 'tiff') =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 30, b: 40 } } }).toFormat(format).toBuffer();

describe('imageTypeOf reads what a file is from its bytes, whatever its name', () => {
  test.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
    ['avif', 'image/avif'],
    ['tiff', 'image/tiff'],
  ] as const)('%s is %s', async (format, mime) => {
    expect(await imageTypeOf(fileOf(await image(format)))).toBe(mime);
  });

  test('an SVG is image/svg+xml, not the PNG its name says', async () => {
    expect(await imageTypeOf(fileOf('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>'))).toBe('image/svg+xml');
  });

  test.each([
    ['an HTML page', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
    ['plain text', '会议纪要'],
    ['nothing', ''],
    ['a PNG signature and nothing else', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('%s is no image', async (_name, content) => {
    expect(await imageTypeOf(fileOf(content))).toBeUndefined();
  });

  test('a file that does not exist is no image', async () => {
    expect(await imageTypeOf(path.join(dir, 'missing.png'))).toBeUndefined();
  });
});
