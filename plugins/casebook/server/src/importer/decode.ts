import iconv from 'iconv-lite';
import { htmlToText } from './html';
import { identityText } from './tracked-text';
import { ImportError, type Decoded, type Encoding } from './types';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

const isUtf8 = (bytes: Uint8Array): boolean => {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Share of control bytes (other than tab, newline, carriage return, form feed) that marks binary input. */
const looksBinary = (bytes: Uint8Array): boolean => {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control += 1;
  return control / sample.length > 0.02;
};

/** UTF-16 without a byte-order mark: every other byte of ASCII-heavy text is zero. */
const utf16WithoutBom = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < pairs * 2; index += 2) {
    if (bytes[index] === 0) evenZero += 1;
    if (bytes[index + 1] === 0) oddZero += 1;
  }
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
};

/** Length of a trailing UTF-8 sequence that was cut short, or 0. */
const truncatedUtf8Tail = (bytes: Uint8Array): number => {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? back : 0;
  }
  return 0;
};

const decodeText = (bytes: Uint8Array): { text: string; encoding: Encoding } => {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      throw new ImportError('the file starts with a UTF-8 byte-order mark but is not valid UTF-8', 'encoding');
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16 };
  if (looksBinary(bytes)) throw new ImportError('this is a binary file, not a text or HTML document', 'binary');

  if (isUtf8(bytes)) return { text: utf8.decode(bytes), encoding: 'utf-8' };
  const tail = truncatedUtf8Tail(bytes);
  if (tail > 0 && isUtf8(bytes.subarray(0, bytes.length - tail))) {
    throw new ImportError(`the file is truncated UTF-8: its last character is cut off after byte ${bytes.length - tail}`, 'truncated');
  }

  // Not UTF-8: GB18030, the superset of GBK and GB2312 that Chinese Windows tools write.
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (text.includes('\ufffd') || !/[\u4e00-\u9fff]/.test(text)) {
    throw new ImportError('the text is neither UTF-8, UTF-16 nor GB18030/GBK; save it as UTF-8 and import it again', 'encoding');
  }
  return { text, encoding: 'gb18030' };
};

const isHtml = (text: string) => /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<\/(p|div|body|html)>/i.test(text.slice(0, 20000));

/** Bytes in, text out: the encoding detected, HTML reduced to text (with offsets into the source), bad input refused with a reason. */
export const decode = (bytes: Uint8Array): Decoded => {
  if (bytes.length === 0) throw new ImportError('the file is empty', 'empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new ImportError(`the file has ${bytes.length} bytes; documents over ${MAX_DOCUMENT_BYTES} bytes (5 MB) are refused`, 'too-large');
  }
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ImportError('the file holds only white space', 'empty');
  const html = isHtml(text);
  return { original: text, encoding, byteLength: bytes.length, format: html ? 'html' : 'text', text: html ? htmlToText(text) : identityText(text) };
};
