/** A member's labels: Chinese for editors and readers, English for the English admin and the API's documentation. */
export type Labels = {
  readonly zh: string;
  readonly en: string;
  /** What the key means, where its label does not say enough: the GraphQL enum value's description. */
  readonly description?: string;
};

export type Language = 'zh' | 'en';

/**
 * A closed set, named once as a table of key → labels. Keys are ASCII and GraphQL-safe, as Strapi's
 * enumerations require. Everything else derives from the table, as zod derives a type from a schema:
 * the key list, the key type, the lookups in either direction.
 */
export type ClosedSet<Key extends string, Entry extends Labels = Labels> = {
  /** The keys in their declared order: what content-type schemas, validation and GraphQL enums list. */
  readonly keys: readonly [Key, ...Key[]];
  readonly entries: { readonly [K in Key]: Entry };
  has(value: unknown): value is Key;
  /** The label of `value` in `language` (Chinese unless asked otherwise); undefined for anything outside the set. */
  label(value: string | null | undefined, language?: Language): string | undefined;
  /** The key whose Chinese label is `label` (四川 → sichuan), or undefined. */
  keyOfLabel(label: string): Key | undefined;
};

/** The key type of a closed set: `KeyOf<typeof PROVINCE>` is 'beijing' | 'tianjin' | … */
export type KeyOf<Set extends ClosedSet<string>> = Set['keys'][number];

export const closedSet = <const Table extends Record<string, Labels>>(table: Table): ClosedSet<Extract<keyof Table, string>, Table[keyof Table]> => {
  type Key = Extract<keyof Table, string>;
  const keys = Object.keys(table) as Key[];
  if (keys.length === 0) throw new Error('a closed set needs at least one key');
  // A frozen copy: whoever declared the table cannot change the set afterwards, nor anyone it is given to.
  const entries = Object.freeze(Object.fromEntries(keys.map((key) => [key, Object.freeze({ ...table[key] })]))) as unknown as Table;
  const has = (value: unknown): value is Key => typeof value === 'string' && Object.prototype.hasOwnProperty.call(entries, value);
  return Object.freeze({
    keys: Object.freeze(keys) as unknown as readonly [Key, ...Key[]],
    entries,
    has,
    label: (value: string | null | undefined, language: Language = 'zh') => (has(value) ? entries[value][language] : undefined),
    keyOfLabel: (label: string) => keys.find((key) => entries[key].zh === label),
  });
};
