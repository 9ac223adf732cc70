import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { columnOf, columnsWithout, type Dialect, dialectOf, fromRow, joinTableOf, tableOf, targetOf } from '../database';
import { HOSPITAL_CATEGORY, PROVINCE, type CaseSort, type ClosedSet, type HospitalSort, type SnippetField } from '../closed-sets';
import { ftsQuery, needsSubstringTest, parseQuery, snippet, termGrams, type Snippet } from './search-text';
import { COUNTERS_TABLE } from '../engagement';
import { publishedCaseCounts } from './counts';
import { CASE_INDEX_FTS_TABLE, CASE_INDEX_TABLE, CASES_WITH_GRAMS_FUNCTION, positionSql } from './tables';
import { serviceAccessor } from '../plugin-services';

export type CaseFilter = {
  /** documentId or slug */
  hospital?: string | null;
  province?: string | null;
  city?: string | null;
  category?: string | null;
  /** documentId or slug */
  theme?: string | null;
  /** documentId or slug */
  campaign?: string | null;
  /** publication date (the source's, else the day it was published), YYYY-MM-DD, inclusive */
  publishedFrom?: string | null;
  publishedTo?: string | null;
  search?: string | null;
};

export type HospitalFilter = { province?: string | null; city?: string | null; category?: string | null; name?: string | null; withCases?: boolean | null };
export type PageArgs = { page?: number | null; pageSize?: number | null };
export type PageInfo = { page: number; pageSize: number; pageCount: number; total: number };
export type Entity = Record<string, unknown> & { id: number; documentId: string };
export type CaseHit = { case: Entity; score: number; snippet: Snippet | null };
export type FacetBucket = { value: string; label: string; count: number };
export type CaseFacets = { total: number; provinces: FacetBucket[]; categories: FacetBucket[]; themes: FacetBucket[] };

type Facet = 'province' | 'category' | 'theme';
type Search = { terms: string[] };

const DEFAULT_PAGE_SIZE = 25;

/** The filters that name another document by documentId or slug, what they name, and its Chinese name. */
const REFERENCES = [
  { filter: 'hospital', uid: UID.hospital, zh: '医院' },
  { filter: 'theme', uid: UID.theme, zh: '主题' },
  { filter: 'campaign', uid: UID.campaign, zh: '征集活动' },
] as const;

/**
 * The showcase's reads, in SQL written for them: published cases only, every filter in one statement, a page
 * and its total in two. Relations are not loaded here: the GraphQL layer batches them per request.
 */
const showcaseService = ({ strapi }: { strapi: Core.Strapi }) => {
  const maxPageSize = (): number => Number(strapi.config.get('plugin::graphql.maxLimit', 100)) || 100;
  const knex = (): Knex => strapi.db.connection;
  const dialect = (): Dialect => dialectOf(strapi);

  const caseColumn = (attribute: string) => `c.${columnOf(strapi, UID.case, attribute)}`;
  const hospitalColumn = (attribute: string) => `h.${columnOf(strapi, UID.hospital, attribute)}`;

  const pageOf = ({ page, pageSize }: PageArgs) => {
    const size = pageSize ?? DEFAULT_PAGE_SIZE;
    const number = page ?? 1;
    if (!Number.isInteger(number) || number < 1) throw new errors.ValidationError('page must be a whole number from 1', { page });
    if (!Number.isInteger(size) || size < 1 || size > maxPageSize()) {
      throw new errors.ValidationError(`pageSize must be a whole number from 1 to ${maxPageSize()}`, { pageSize });
    }
    return { page: number, pageSize: size, offset: (number - 1) * size };
  };

  const pageInfo = (page: { page: number; pageSize: number }, total: number): PageInfo => ({
    ...page,
    total,
    pageCount: Math.ceil(total / page.pageSize),
  });

  /**
   * The published cases matching `filter` (without `omit`'s dimension): the case index `s`, one row per published
   * case, joined to what the filter needs. Counting needs nothing else; a page joins `cases as c` for its rows.
   */
  const caseQuery = (filter: CaseFilter, search: Search | undefined, omit?: Facet, join: { hospital?: boolean } = {}) => {
    const db = knex();
    const query = db(`${CASE_INDEX_TABLE} as s`);

    const byHospital = join.hospital || filter.hospital || filter.city || (filter.province && omit !== 'province') || (filter.category && omit !== 'category');
    if (byHospital) {
      const link = joinTableOf(strapi, UID.case, 'hospital');
      query
        .leftJoin(`${link.name} as hl`, `hl.${link.joinColumn.name}`, 's.case_id')
        .leftJoin(`${tableOf(strapi, UID.hospital)} as h`, 'h.id', `hl.${link.inverseJoinColumn.name}`);
      if (filter.hospital) query.where((where) => where.where(hospitalColumn('documentId'), filter.hospital!).orWhere(hospitalColumn('slug'), filter.hospital!));
      if (filter.city) query.where(hospitalColumn('city'), filter.city);
      if (filter.province && omit !== 'province') query.where(hospitalColumn('province'), filter.province);
      if (filter.category && omit !== 'category') query.where(hospitalColumn('category'), filter.category);
    }

    const related = (attribute: 'themes' | 'campaign', reference: string) => {
      const link = joinTableOf(strapi, UID.case, attribute);
      const target = targetOf(strapi, UID.case, attribute);
      query.whereExists(
        db(`${link.name} as rl`)
          .join(`${tableOf(strapi, target)} as r`, 'r.id', `rl.${link.inverseJoinColumn.name}`)
          .whereRaw(`rl.${link.joinColumn.name} = s.case_id`)
          .where((where) => where.where(`r.${columnOf(strapi, target, 'documentId')}`, reference).orWhere(`r.${columnOf(strapi, target, 'slug')}`, reference))
          .select(db.raw('1')),
      );
    };
    if (filter.theme && omit !== 'theme') related('themes', filter.theme);
    if (filter.campaign) related('campaign', filter.campaign);

    if (filter.publishedFrom) query.where('s.published_on', '>=', filter.publishedFrom);
    if (filter.publishedTo) query.where('s.published_on', '<=', filter.publishedTo);

    if (search) {
      if (dialect() === 'sqlite') {
        const match = ftsQuery(search.terms);
        if (match) query.whereIn('s.case_id', db(CASE_INDEX_FTS_TABLE).select('rowid').whereRaw(`${CASE_INDEX_FTS_TABLE} match ?`, [match]));
      } else {
        // One row per case: a plain join. The function reads the grams through their index (see store.ts).
        query.join(db.raw(`${CASES_WITH_GRAMS_FUNCTION}(?::text[]) as sg(case_id)`, [search.terms.flatMap(termGrams)]), 'sg.case_id', 's.case_id');
      }
      for (const term of search.terms.filter((candidate) => needsSubstringTest(candidate, dialect()))) {
        query.whereRaw(
          `(${['s.title', 's.summary', 's.initiatives', 's.body'].map((column) => `${positionSql(dialect(), column)} > 0`).join(' or ')})`,
          [term, term, term, term],
        );
      }
    }
    return query;
  };

  /** Per term: 10 for the title, 5 for the summary, 5 for an initiative name (a match in the body alone scores 0). */
  const scoreSql = (terms: string[]) => {
    const position = (column: string) => positionSql(dialect(), column);
    const parts = terms.map(
      () =>
        `(case when ${position('s.title')} > 0 then 10 else 0 end + case when ${position('s.summary')} > 0 then 5 else 0 end` +
        ` + case when ${position('s.initiatives')} > 0 then 5 else 0 end)`,
    );
    return knex().raw(parts.join(' + '), terms.flatMap((term) => [term, term, term]));
  };

  type SortKey = { key: string; value: string | Knex.Raw; direction: 'asc' | 'desc' };

  /** The keys a sort orders by, newest first as the last resort; joins the counters when it needs them. */
  const sortKeys = (query: Knex.QueryBuilder, sort: CaseSort, search: Search | undefined): SortKey[] => {
    const newest: SortKey[] = [
      { key: 'published_on', value: 's.published_on', direction: 'desc' },
      { key: 'case_id', value: 's.case_id', direction: 'desc' },
    ];
    switch (sort) {
      case 'RELEVANCE':
        if (!search) throw new errors.ValidationError('RELEVANCE sorts search results: give a search query or another sort', { sort });
        return [{ key: 'score', value: scoreSql(search.terms), direction: 'desc' }, ...newest];
      case 'OLDEST':
        return newest.map((key) => ({ ...key, direction: 'asc' }));
      case 'MOST_VOTED':
        // Ties go to the case that reached its count first (a case without votes has no time, and ties at 0).
        query.leftJoin(`${COUNTERS_TABLE} as k`, 'k.document_id', 's.document_id');
        return [
          { key: 'counter', value: knex().raw('coalesce(k.votes, 0)'), direction: 'desc' },
          { key: 'reached', value: knex().raw('coalesce(k.voted_at, 0)'), direction: 'asc' },
          ...newest,
        ];
      case 'MOST_VIEWED':
        query.leftJoin(`${COUNTERS_TABLE} as k`, 'k.document_id', 's.document_id');
        return [{ key: 'counter', value: knex().raw('coalesce(k.views, 0)'), direction: 'desc' }, ...newest];
      default:
        return newest;
    }
  };

  const searchOf = (filter: CaseFilter): Search | undefined => {
    if (filter.search === undefined || filter.search === null) return undefined;
    return { terms: parseQuery(filter.search) };
  };

  const countOf = async (query: Knex.QueryBuilder): Promise<number> => {
    const [row] = await query.clearSelect().clearOrder().count({ total: '*' });
    return Number(row?.total ?? 0);
  };

  /**
   * Refuses a filter naming a hospital, theme or campaign that does not exist: a typo ('dangxiao' for the slug
   * 'dang-xiao') would otherwise look like a theme without cases. Suggests the slug that differs only in its
   * hyphens, when one does.
   */
  const assertReferences = async (filter: CaseFilter) => {
    const named = REFERENCES.filter((reference) => typeof filter[reference.filter] === 'string');
    await Promise.all(
      named.map(async ({ filter: key, uid, zh }) => {
        const value = filter[key]!;
        const table = tableOf(strapi, uid);
        const slug = columnOf(strapi, uid, 'slug');
        const found = await knex()(table).where(columnOf(strapi, uid, 'documentId'), value).orWhere(slug, value).first(knex().raw('1 as found'));
        if (found) return;
        const loose = value.toLowerCase().replace(/[\s_-]+/g, '');
        const near = loose === '' ? undefined : ((await knex()(table).whereRaw(`replace(??, '-', '') = ?`, [slug, loose]).first({ slug })) as { slug: string } | undefined);
        const hint = near ? `; its slug is '${near.slug}'` : '';
        throw new errors.ValidationError(`没有这个${zh} (no ${key} with slug or documentId '${value}'${hint})`, { [key]: value, ...(near && { suggestion: near.slug }) });
      }),
    );
  };

  /**
   * A page in one statement, in two steps: the inner query orders and cuts the page on the case index alone (light
   * rows, an index for dates), the outer one reads the page's case rows, so nothing large goes through a sort.
   */
  const findCases = async (filter: CaseFilter, sort: CaseSort | null | undefined, pageArgs: PageArgs, withBody: boolean) => {
    const search = searchOf(filter);
    const page = pageOf(pageArgs);
    await assertReferences(filter);
    const inner = caseQuery(filter, search);
    const keys = sortKeys(inner, sort ?? (search ? 'RELEVANCE' : 'NEWEST'), search);
    inner.select(Object.fromEntries(keys.map((key) => [key.key, key.value])));
    for (const key of keys) inner.orderBy(key.key, key.direction);
    inner.limit(page.pageSize).offset(page.offset);

    const db = knex();
    const query = db
      .from(inner.as('p'))
      .join(`${tableOf(strapi, UID.case)} as c`, 'c.id', 'p.case_id')
      .select(withBody ? 'c.*' : columnsWithout(strapi, UID.case, ['body'], 'c'));
    if (search) {
      query
        .join(`${CASE_INDEX_TABLE} as s`, 's.case_id', 'p.case_id')
        .select({ score: 'p.score', formTitle: 's.title', formSummary: 's.summary', formInitiatives: 's.initiatives', formBody: 's.body' });
    }
    for (const key of keys) query.orderBy(`p.${key.key}`, key.direction);
    const [rows, total] = await Promise.all([query as Promise<Array<Record<string, unknown>>>, countOf(caseQuery(filter, search))]);
    return { rows, total, page, search };
  };

  const asCase = (row: Record<string, unknown>) => fromRow(strapi, UID.case, row) as Entity;

  return {
    /**
     * A page of published cases matching `filter`, in `sort` order (newest first, or by relevance when searching).
     * @throws ValidationError for a filter naming a hospital, theme or campaign that does not exist (so do search, facets and the ranking)
     */
    async listCases(filter: CaseFilter = {}, sort?: CaseSort | null, pageArgs: PageArgs = {}, options: { withBody?: boolean } = {}) {
      const { rows, total, page } = await findCases(filter, sort, pageArgs, options.withBody ?? true);
      return { nodes: rows.map(asCase), pageInfo: pageInfo(page, total) };
    },

    /** Published cases holding every term of `query`, best first, each with the passage that matched. */
    async searchCases(query: string, filter: CaseFilter = {}, pageArgs: PageArgs = {}, sort?: CaseSort | null) {
      // The snippet is cut from the body, so search always reads it.
      const { rows, total, page, search } = await findCases({ ...filter, search: query }, sort, pageArgs, true);
      const terms = search!.terms;
      const nodes: CaseHit[] = rows.map((row) => {
        const found = asCase(row);
        const form = (key: string) => row[key] as string | null;
        const fields = [
          { field: 'body', text: found.body as string | null, form: form('formBody') },
          { field: 'summary', text: found.summary as string | null, form: form('formSummary') },
          { field: 'initiatives', text: form('formInitiatives'), form: form('formInitiatives') },
          { field: 'title', text: found.title as string | null, form: form('formTitle') },
        ] satisfies Array<{ field: SnippetField; text: string | null; form: string | null }>;
        return { case: found, score: Number(row.score ?? 0), snippet: snippet(fields, terms) ?? null };
      });
      return { nodes, terms, pageInfo: pageInfo(page, total) };
    },

    /**
     * The voting centre's ranking: published cases (of `campaign`, by documentId or slug, when given) by votes,
     * a tie going to the case that reached its count first.
     */
    async ranking({ campaign, limit }: { campaign?: string | null; limit?: number | null }, options: { withBody?: boolean } = {}) {
      const size = limit ?? 10;
      if (!Number.isInteger(size) || size < 1 || size > maxPageSize()) {
        throw new errors.ValidationError(`limit must be a whole number from 1 to ${maxPageSize()}`, { limit });
      }
      const { rows } = await findCases({ campaign: campaign ?? null }, 'MOST_VOTED', { page: 1, pageSize: size }, options.withBody ?? true);
      return rows.map(asCase);
    },

    /**
     * Case counts per province, hospital category and theme for a filter UI. Each dimension is counted under
     * every filter but its own, so a chosen province still lists its neighbours.
     */
    async facets(filter: CaseFilter = {}): Promise<CaseFacets> {
      const search = searchOf(filter);
      await assertReferences(filter);
      const byHospital = async (facet: 'province' | 'category', set: ClosedSet<string>) => {
        const column = hospitalColumn(facet);
        const rows: Array<{ value: string | null; count: number | string }> = await caseQuery(filter, search, facet, { hospital: true })
          .whereNotNull(column)
          .select({ value: column })
          .count({ count: '*' })
          .groupBy(column);
        return rows.map((row) => ({ value: row.value!, label: set.label(row.value) ?? row.value!, count: Number(row.count) }));
      };
      const themes = async () => {
        const link = joinTableOf(strapi, UID.case, 'themes');
        const slug = `t.${columnOf(strapi, UID.theme, 'slug')}`;
        const name = `t.${columnOf(strapi, UID.theme, 'name')}`;
        const rows: Array<{ value: string; label: string; count: number | string }> = await caseQuery(filter, search, 'theme')
          .join(`${link.name} as tl`, `tl.${link.joinColumn.name}`, 's.case_id')
          .join(`${tableOf(strapi, UID.theme)} as t`, 't.id', `tl.${link.inverseJoinColumn.name}`)
          .select({ value: slug, label: name })
          .count({ count: '*' })
          .groupBy(slug, name);
        return rows.map((row) => ({ value: row.value, label: row.label, count: Number(row.count) }));
      };
      const byCount = (a: FacetBucket, b: FacetBucket) => b.count - a.count || a.value.localeCompare(b.value);
      const [total, provinces, categories, themeBuckets] = await Promise.all([
        countOf(caseQuery(filter, search)),
        byHospital('province', PROVINCE),
        byHospital('category', HOSPITAL_CATEGORY),
        themes(),
      ]);
      return { total, provinces: provinces.sort(byCount), categories: categories.sort(byCount), themes: themeBuckets.sort(byCount) };
    },

    /**
     * The published case with this documentId or slug.
     * @throws NotFoundError when there is none (drafts included: they are not public).
     */
    async findCase(reference: { documentId?: string | null; slug?: string | null }): Promise<Entity> {
      const key = exactlyOne(reference);
      const row = await knex()(`${tableOf(strapi, UID.case)} as c`)
        .whereNotNull(caseColumn('publishedAt'))
        .where(caseColumn(key.field), key.value)
        .first('c.*');
      if (!row) throw new errors.NotFoundError(`No published case with ${key.field} ${key.value}`, { [key.field]: key.value });
      return asCase(row);
    },

    /** A page of hospitals with their published-case counts, most cases first (or by name). */
    async listHospitals(filter: HospitalFilter = {}, sort: HospitalSort | null = 'MOST_CASES', pageArgs: PageArgs = {}) {
      const page = pageOf(pageArgs);
      const db = knex();
      const query = db(`${tableOf(strapi, UID.hospital)} as h`).leftJoin(publishedCaseCounts(strapi).as('pc'), 'pc.hospitalId', 'h.id');
      if (filter.province) query.where(hospitalColumn('province'), filter.province);
      if (filter.city) query.where(hospitalColumn('city'), filter.city);
      if (filter.category) query.where(hospitalColumn('category'), filter.category);
      if (filter.name) query.whereRaw(`${positionSql(dialect(), hospitalColumn('name'))} > 0`, [filter.name.trim()]);
      if (filter.withCases) query.where('pc.cases', '>', 0);
      const counted = query.clone();
      query.select('h.*', { publishedCaseCount: db.raw('coalesce(pc.cases, 0)') });
      if (sort === 'NAME') query.orderBy(hospitalColumn('name'), 'asc');
      else query.orderByRaw('coalesce(pc.cases, 0) desc').orderBy(hospitalColumn('name'), 'asc');
      // Awaited together: a count started alone and awaited later rejects unhandled when the page fails first.
      const [rows, total] = await Promise.all([
        query.orderBy('h.id', 'asc').limit(page.pageSize).offset(page.offset) as Promise<Array<Record<string, unknown>>>,
        countOf(counted),
      ]);
      return {
        nodes: rows.map((row) => ({ ...(fromRow(strapi, UID.hospital, row) as Entity), publishedCaseCount: Number(row.publishedCaseCount) })),
        pageInfo: pageInfo(page, total),
      };
    },

    /**
     * The hospital with this documentId or slug.
     * @throws NotFoundError when there is none.
     */
    async findHospital(reference: { documentId?: string | null; slug?: string | null }): Promise<Entity> {
      const key = exactlyOne(reference);
      const row = await knex()(`${tableOf(strapi, UID.hospital)} as h`).where(hospitalColumn(key.field), key.value).first('h.*');
      if (!row) throw new errors.NotFoundError(`No hospital with ${key.field} ${key.value}`, { [key.field]: key.value });
      return fromRow(strapi, UID.hospital, row) as Entity;
    },
  };
};

const exactlyOne = (reference: { documentId?: string | null; slug?: string | null }) => {
  const given = (['documentId', 'slug'] as const).filter((field) => typeof reference[field] === 'string' && reference[field] !== '');
  if (given.length !== 1) throw new errors.ValidationError('Give exactly one of documentId and slug', reference);
  return { field: given[0]!, value: reference[given[0]!]! };
};

export default showcaseService;

export type ShowcaseService = ReturnType<typeof showcaseService>;

/** The `showcase` service of a running Strapi. */
export const showcaseOf = serviceAccessor<ShowcaseService>('showcase');
