import { errors, yup, validateYupSchema } from '@strapi/utils';

/** Whether any string of a parsed query, body or filter, key or value at any depth, passes `test` (walked without recursion). */
export const someText = (value: unknown, test: (text: string) => boolean): boolean => {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (test(item)) return true;
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === 'object' && item !== null && !(item instanceof Date)) {
      for (const [key, nested] of Object.entries(item)) {
        if (test(key)) return true;
        pending.push(nested);
      }
    }
  }
  return false;
};

/** Whether any string (or key) of `value` holds a NUL character (U+0000), which PostgreSQL cannot store in text. */
export const holdsNul = (value: unknown): boolean => someText(value, (text) => text.includes('\u0000'));

/** A string's text without surrounding space, or undefined for anything else, an empty or a blank string. */
export const trimmedText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The refusal of such text, wherever it comes in. */
export const NUL_REFUSED = 'Text with a NUL character (U+0000) is not accepted';

/** The most documentIds one request asks counters or columns for: a page of the largest page size. */
export const MAX_IDS = 100;
const documentIdsQuery = yup.object({ documentIds: yup.string().required() });

/** The documentIds of a `documentIds=a,b,c` query (the counters routes, the case list's columns), at most MAX_IDS of them. */
export const documentIdsOf = async (query: unknown): Promise<string[]> => {
  const { documentIds } = await validateYupSchema(documentIdsQuery)(query);
  const ids = documentIds.split(',').map((id: string) => id.trim()).filter(Boolean);
  if (ids.length > MAX_IDS) throw new errors.ValidationError(`At most ${MAX_IDS} documentIds at a time`);
  return ids;
};
