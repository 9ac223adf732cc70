import { createCasebookClient } from '@casebook/sdk';

/** The one client of the CMS: every page reads and writes through it. */
export const casebook = createCasebookClient({ endpoint: import.meta.env.VITE_CASEBOOK_ENDPOINT });

const VISITOR_KEY = 'casebook.visitor';
let unsaved: string | undefined;

/** A v4 UUID: crypto.randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere. */
const newUuid = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The anonymous id of this browser's visitor, sent with votes and reads (the CMS hashes it with the client
 * address; it never learns who the visitor is). Kept in localStorage; where storage is refused (private modes,
 * blocked cookies) it lasts as long as the page.
 */
export const visitorId = (): string => {
  try {
    const saved = localStorage.getItem(VISITOR_KEY);
    if (saved) return saved;
    const created = newUuid();
    localStorage.setItem(VISITOR_KEY, created);
    return created;
  } catch {
    return (unsaved ??= newUuid());
  }
};
