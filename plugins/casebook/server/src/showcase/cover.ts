import { trimmedText } from '../utils';

/** A case's cover as the public API shows it. */
export type CaseImage = { url: string; alternativeText: string; width: number | null; height: number | null; smallUrl: string };

type Format = { url?: unknown };
/** An upload file as its row reads (url, alternativeText, width, height, formats). */
type UploadFile = Readonly<Record<string, unknown>>;

/** The renditions a list may show, best first: at most 500 pixels wide, else the 245-pixel thumbnail. */
const SMALL_FORMATS = ['small', 'thumbnail'] as const;

const size = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * A stored image's address for a reader on another origin: the upload provider's URL as it is when absolute (a
 * cloud provider's), else (the local provider's /uploads/… path) on `publicUrl`, the CMS's public URL, when known.
 */
export const absoluteUrl = (url: string, publicUrl: string | undefined): string =>
  url.startsWith('/') && !url.startsWith('//') && publicUrl ? `${publicUrl.replace(/\/+$/, '')}${url}` : url;

/**
 * The cover of a case from its upload file: its address, a small rendition for lists, its size, and a text
 * for screen readers (the editor's, else the case's title). Null for a file without an address.
 */
export const caseImageOf = (file: UploadFile, caseTitle: unknown, publicUrl: string | undefined): CaseImage | null => {
  const url = trimmedText(file.url);
  if (!url) return null;
  const formats = (typeof file.formats === 'object' && file.formats !== null ? file.formats : {}) as Record<string, Format | undefined>;
  const small = SMALL_FORMATS.map((name) => trimmedText(formats[name]?.url)).find((candidate) => candidate !== undefined) ?? url;
  return {
    url: absoluteUrl(url, publicUrl),
    alternativeText: trimmedText(file.alternativeText) ?? trimmedText(caseTitle) ?? '',
    width: size(file.width),
    height: size(file.height),
    smallUrl: absoluteUrl(small, publicUrl),
  };
};
