import iconv from 'iconv-lite';
import { decode, MAX_DOCUMENT_BYTES } from '../decode';
import { ImportError } from '../types';

const TEXT = '成都市第六人民医院\n\n构建医院党校 提升实干能力\n\n党校共开展线下培训学习15次。';

const refusal = (bytes: Uint8Array) => {
  try {
    decode(bytes);
  } catch (error) {
    if (error instanceof ImportError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('decode accepted the input');
};

describe('decode', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8-bom'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(TEXT, 'gbk'), 'gb18030'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode('Report 2021: ' + TEXT, 'utf-16le'), 'utf-16le'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.original).toContain('构建医院党校 提升实干能力');
    expect(decoded.text.text).toBe(decoded.original.replace(/^\ufeff/, ''));
  });

  test.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['white space', Buffer.from(' \n\t\n'), 'empty'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6, 7, 8]), 'binary'],
    ['truncated UTF-8', Buffer.from(TEXT, 'utf8').subarray(0, Buffer.byteLength(TEXT) - 1), 'truncated'],
    ['just over 5 MB', Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x41), 'too-large'],
    ['50 MB', Buffer.alloc(50 * 1024 * 1024, 0x41), 'too-large'],
  ])('refuses %s with a clear message', (_name, bytes, code) => {
    const { code: actual, message } = refusal(bytes);
    expect(actual).toBe(code);
    expect(message.length).toBeGreaterThan(10);
  });

  test('reduces HTML to text, each character pointing at its place in the source', () => {
    const html = '<html><head><title>案例</title><script>var x = 1;</script></head><body><p>党员近1000人&amp;员工<b>近3000人</b></p><div>第二段</div></body></html>';
    const decoded = decode(Buffer.from(html));
    expect(decoded.format).toBe('html');
    expect(decoded.text.text).not.toContain('var x');
    expect(decoded.text.text).toContain('党员近1000人&员工近3000人');
    const at = decoded.text.text.indexOf('近3000人');
    expect(html.slice(decoded.text.offsets[at], decoded.text.offsets[at + '近3000人'.length - 1] + 1)).toBe('近3000人');
  });
});
