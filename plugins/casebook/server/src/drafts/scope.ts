import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CASE_PARTS, UID } from '../constants';
import { someText } from '../utils';

/**
 * The operator names of a filter: the document service's (`$and`, `$notNull` …, also REST's) or GraphQL's
 * (`and`, `notNull` …). Both spell the same tree; the rule below is written once for both.
 */
export type FilterDialect = {
  and: string;
  or: string;
  not: string;
  notNull: string;
  /** Whether a key of a relation's filter is an operator on the related id (`filters[cases][$null]=true`). */
  isIdOperator(key: string): boolean;
};

const GROUPS = new Set(['$and', '$or', '$not']);

export const DOCUMENT_DIALECT: FilterDialect = {
  and: '$and',
  or: '$or',
  not: '$not',
  notNull: '$notNull',
  isIdOperator: (key) => key.startsWith('$') && !GROUPS.has(key),
};

// GraphQL's filter inputs on a relation hold only the target's fields and and/or/not.
export const GRAPHQL_DIALECT: FilterDialect = { and: 'and', or: 'or', not: 'not', notNull: 'notNull', isIdOperator: () => false };

type Attribute = { type: string; target?: string; component?: string; private?: boolean };
type Filters = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isCasePart = (uid: string) => (CASE_PARTS as readonly string[]).includes(uid);

/** Content whose rows a public reader may see only in part: cases (drafts and published versions share the table) and their parts. */
export const isGuarded = (uid: string | undefined): boolean => uid === UID.case || isCasePart(uid ?? '');

/**
 * What a public reader may see of `uid`, as a filter on it: published case rows, and the parts of published
 * cases (initiatives and metrics are published with their case: this also hides a part left without one). Undefined for everything else.
 */
export const publicRowsOf = (uid: string, dialect: FilterDialect): Filters | undefined => {
  const published = { publishedAt: { [dialect.notNull]: true } };
  if (uid === UID.case) return published;
  if (isCasePart(uid)) return { case: published };
  return undefined;
};

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> =>
  ((strapi.getModel(uid as never) as { attributes?: Record<string, Attribute> } | undefined)?.attributes ?? {});

/** `filters` with `only` added beside them (`only` alone when there were none). */
export const restrictTo = (filters: unknown, only: Filters | undefined, dialect: FilterDialect): unknown => {
  if (!only) return filters;
  if (filters === undefined || filters === null || (isRecord(filters) && Object.keys(filters).length === 0)) return only;
  return { [dialect.and]: [filters, only] };
};

/**
 * `filters` on `uid` as a public reader may run them: every step through a relation into cases or their parts,
 * at any depth and under and/or/not, sees only what publicRowsOf allows. Otherwise a filter on a draft's
 * title (`hospitals?filters[cases][title][$startsWith]=…`) answers yes or no about the draft, one character at a time.
 */
export const scopeFilters = (strapi: Core.Strapi, uid: string, filters: unknown, dialect: FilterDialect): unknown => {
  if (Array.isArray(filters)) return filters.map((item) => scopeFilters(strapi, uid, item, dialect));
  if (!isRecord(filters)) return filters;
  const attributes = attributesOf(strapi, uid);
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => {
      if (key === dialect.and || key === dialect.or || key === dialect.not) return [key, scopeFilters(strapi, uid, value, dialect)];
      // An operator where a field belongs (`filters[][$eq]=x`) would reach SQL as a column name.
      if (dialect.isIdOperator(key)) throw new errors.ValidationError(`Invalid filter: ${key} must follow a field of ${uid}`, { key });
      const attribute = Object.hasOwn(attributes, key) ? attributes[key]! : undefined;
      assertNotPolymorphic(key, attribute);
      const target = attribute?.type === 'media' ? UID.file : attribute?.type === 'relation' ? attribute.target : undefined;
      if (!target) {
        assertFilterText(value);
        return [key, value];
      }
      // `filters[cases]=3` and `filters[cases][$null]=true` are conditions on the related id.
      const onTarget = isRecord(value) && !Object.keys(value).some((name) => dialect.isIdOperator(name)) ? value : { id: value };
      return [key, restrictTo(scopeFilters(strapi, target, onTarget, dialect), publicRowsOf(target, dialect), dialect)];
    }),
  );
};

/**
 * A polymorphic relation (a file's `related`: every entry that uses the file) reaches cases of every version,
 * drafts too, and no target's public rule applies to it: not public, in a filter or a populate.
 */
const assertNotPolymorphic = (name: string, attribute: Attribute | undefined) => {
  if (attribute?.type === 'relation' && !attribute.target) {
    throw new errors.ValidationError(`${name} is not public: it lists entries of any kind and version, unpublished ones too`, { key: name });
  }
};

/** The longest text a public filter may compare with: enough for any title, and far below SQLite's LIKE pattern limit. */
export const MAX_FILTER_TEXT = 1000;

const assertFilterText = (value: unknown) => {
  if (someText(value, (text) => text.length > MAX_FILTER_TEXT)) throw new errors.ValidationError(`Filter values are at most ${MAX_FILTER_TEXT} characters long`);
};

/** The attribute paths a sort names, in any of its spellings: 'a.b:desc,c', ['a'], { a: { b: 'asc' } }, [{ a: 'asc' }]. */
const sortPaths = (sort: unknown): string[][] => {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0]!.trim())
      .filter(Boolean)
      .map((path) => path.split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (isRecord(sort)) {
    return Object.entries(sort).flatMap(([key, value]) => (isRecord(value) || Array.isArray(value) ? sortPaths(value).map((path) => [key, ...path]) : [[key]]));
  }
  return [];
};

/**
 * Refuses a sort that steps through a relation into cases or their parts: an order by a draft's title would
 * tell the draft apart from the published version. Sorting by a case's own fields is fine at its root.
 */
export const assertPublicSort = (strapi: Core.Strapi, uid: string, sort: unknown) => {
  for (const path of sortPaths(sort)) {
    let model = uid;
    for (const [index, key] of path.entries()) {
      const attributes = attributesOf(strapi, model);
      const attribute = Object.hasOwn(attributes, key) ? attributes[key]! : undefined;
      if (attribute?.type !== 'relation' || !attribute.target) break;
      if (isGuarded(attribute.target)) {
        throw new errors.ValidationError(`Sorting by ${path.join('.')} is not available: it steps through ${path.slice(0, index + 1).join('.')}, whose unpublished versions are not public`, {
          sort: path.join('.'),
        });
      }
      model = attribute.target;
    }
  }
};

/** Names of a populate list ('a,b.c', ['a', 'b.c']) in object form: { a: true, b: { populate: { c: true } } }. */
const populateObjectOf = (names: string[]): Record<string, unknown> => {
  const nested = new Map<string, string[]>();
  for (const name of names) {
    const [head, ...rest] = name.trim().split('.');
    if (!head) continue;
    const tails = nested.get(head) ?? [];
    if (rest.length > 0) tails.push(rest.join('.'));
    nested.set(head, tails);
  }
  return Object.fromEntries([...nested].map(([head, tails]) => [head, tails.length > 0 ? { populate: populateObjectOf(tails) } : true]));
};

/** The populate of `uid` in object form: '*' names every relation and component (private ones are never shown anyway). */
const populateEntries = (strapi: Core.Strapi, uid: string, populate: unknown): Array<[string, unknown]> => {
  const attributes = attributesOf(strapi, uid);
  // Not a polymorphic relation (see assertNotPolymorphic): '*' on a file populates what it is, not who uses it.
  const populatable = (name: string) =>
    ['relation', 'component', 'media', 'dynamiczone'].includes(attributes[name]?.type ?? '') && !(attributes[name]?.type === 'relation' && !attributes[name]?.target);
  if (populate === '*' || populate === true) return Object.keys(attributes).filter((name) => populatable(name) && !attributes[name]!.private).map((name) => [name, true]);
  if (typeof populate === 'string') return Object.entries(populateObjectOf(populate.split(',')));
  if (Array.isArray(populate) && populate.every((item) => typeof item === 'string')) return Object.entries(populateObjectOf(populate.flatMap((item: string) => item.split(','))));
  if (Array.isArray(populate)) return populate.flatMap((item) => populateEntries(strapi, uid, item));
  if (isRecord(populate)) return Object.entries(populate);
  return [];
};

/**
 * `populate` of `uid` as a public reader may run it: what it populates of cases and their parts is limited
 * by publicRowsOf, and the filters and sorts inside it follow the rules above, at every depth.
 */
export const scopePopulate = (strapi: Core.Strapi, uid: string, populate: unknown): unknown => {
  const attributes = attributesOf(strapi, uid);
  const entries = populateEntries(strapi, uid, populate).map(([name, value]): [string, unknown] => {
    const attribute = Object.hasOwn(attributes, name) ? attributes[name]! : undefined;
    if (value === false || value === 'false') return [name, value];
    assertNotPolymorphic(name, attribute);
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : attribute?.type === 'media' ? UID.file : undefined;
    if (!target) return [name, value];
    const options: Record<string, unknown> = isRecord(value) ? { ...value } : {};
    if (options.sort !== undefined) assertPublicSort(strapi, target, options.sort);
    if (options.populate !== undefined) options.populate = scopePopulate(strapi, target, options.populate);
    const filters = options.filters === undefined ? undefined : scopeFilters(strapi, target, options.filters, DOCUMENT_DIALECT);
    const scoped = restrictTo(filters, publicRowsOf(target, DOCUMENT_DIALECT), DOCUMENT_DIALECT);
    if (scoped !== undefined) options.filters = scoped;
    return [name, Object.keys(options).length === 0 ? value : options];
  });
  return Object.fromEntries(entries);
};
