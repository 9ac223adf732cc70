import { env } from '@strapi/utils';
import { DEFAULT_UPLOAD_MAX_BYTES, humanBytes, uploadConfig, uploadMaxBytes } from '../uploads';

/** `read` as Strapi would call it, with CASEBOOK_UPLOAD_MAX_BYTES set to `value` (unset when undefined). */
const withLimit = <T>(value: string | undefined, read: () => T): T => {
  const saved = process.env.CASEBOOK_UPLOAD_MAX_BYTES;
  if (value === undefined) delete process.env.CASEBOOK_UPLOAD_MAX_BYTES;
  else process.env.CASEBOOK_UPLOAD_MAX_BYTES = value;
  try {
    return read();
  } finally {
    if (saved === undefined) delete process.env.CASEBOOK_UPLOAD_MAX_BYTES;
    else process.env.CASEBOOK_UPLOAD_MAX_BYTES = saved;
  }
};

describe('uploadMaxBytes', () => {
  test.each([
    [undefined, DEFAULT_UPLOAD_MAX_BYTES],
    ['', DEFAULT_UPLOAD_MAX_BYTES],
    ['1048576', 1048576],
    [' 2000 ', 2000],
  ])('CASEBOOK_UPLOAD_MAX_BYTES=%p is %p bytes', (value, bytes) => {
    expect(withLimit(value, () => uploadMaxBytes(env))).toBe(bytes);
  });

  test.each(['5MB', '-1', '0', '1.5', 'lots', '99999999999999999999'])('CASEBOOK_UPLOAD_MAX_BYTES=%p stops the start with its name', (value) => {
    expect(() => withLimit(value, () => uploadMaxBytes(env))).toThrow(/CASEBOOK_UPLOAD_MAX_BYTES/);
  });

  test('the default is 5 MB', () => {
    expect(humanBytes(DEFAULT_UPLOAD_MAX_BYTES)).toBe('5 MB');
  });
});

describe('uploadConfig', () => {
  test('allows the images browsers show, never SVG, and limits each file', () => {
    const config = withLimit('1000', () => uploadConfig(env));
    expect(config.sizeLimit).toBe(1000);
    expect(config.security.allowedTypes.sort()).toEqual(['image/avif', 'image/gif', 'image/jpeg', 'image/png', 'image/webp']);
    expect(config.security.deniedTypes).toContain('image/svg+xml');
  });
});

describe('humanBytes', () => {
  test.each([
    [12, '12 bytes'],
    [2048, '2 KB'],
    [1536 * 1024, '1.5 MB'],
  ])('%p is %p', (bytes, text) => {
    expect(humanBytes(bytes)).toBe(text);
  });
});
