import type { DocumentNode } from 'graphql';
import * as z from 'zod/mini';
import { NetworkError, NotFoundError, ValidationError, describeIssue } from './errors.js';
import {
  CASE_COUNTERS,
  CASE_DETAIL,
  CASE_FACETS,
  CASE_LIST,
  CASE_PREVIEW,
  CASE_RANKING,
  CASE_SEARCH,
  CASE_SLUGS,
  HOSPITAL_DETAIL,
  HOSPITAL_LIST,
  LABELS,
  RECORD_CASE_VIEW,
  VOTE_CASE,
} from './operations.js';
import {
  CaseFacetsParamsSchema,
  CaseListParamsSchema,
  CaseSearchParamsSchema,
  CaseSearchVariablesSchema,
  CaseSlugsParamsSchema,
  HospitalListParamsSchema,
  ReferenceSchema,
  RankingParamsSchema,
  VoteOptionsSchema,
  VoterSchema,
  type Case,
  type CaseFacets,
  type CaseFacetsParams,
  type CaseHit,
  type CaseListParams,
  type CaseSearchParams,
  type CaseSlug,
  type CaseSlugsParams,
  type CaseSummary,
  type Hospital,
  type HospitalListParams,
  type Labels,
  type PageInfo,
  type RankingParams,
  type ViewResult,
  type VoteOptions,
  type VoteResult,
} from './schemas.js';
import { ClientOptionsSchema, createTransport, resolveEndpoint, type ClientOptions } from './transport.js';

export type Page<Item> = { items: Item[]; pageInfo: PageInfo };
export type SearchPage = Page<CaseHit> & { terms: string[] };

/** Parameters are checked before anything is sent: a bad filter is a ValidationError, not a server round trip. */
const checked = <Schema extends z.core.$ZodType>(schema: Schema, params: unknown, what: string): z.output<Schema> => {
  const result = z.safeParse(schema, params ?? {});
  if (!result.success) {
    const issues = result.error.issues.map(describeIssue);
    const [first] = issues;
    throw new ValidationError(`${what}: ${first!.path || 'params'}: ${first!.message}`, { strapi: { name: 'ValidationError', message: first!.message, details: { issues } } });
  }
  return result.data;
};

/** A fresh Idempotency-Key: a UUID where the platform has one (browsers, Node 19+), else 128 random bits. */
const newIdempotencyKey = (): string =>
  globalThis.crypto?.randomUUID?.() ?? Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0')).join('-');

/** A zod schema (zod or zod/mini) of what a query answers. */
const ResultSchemaSchema = z.custom<z.core.$ZodType>((value) => typeof value === 'object' && value !== null && '_zod' in value, 'expected a zod schema');
const DocumentSchema = z.union([z.string().check(z.minLength(1)), z.custom<DocumentNode>((value) => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document', 'expected a GraphQL document')]);
const VariablesSchema = z.optional(z.record(z.string(), z.unknown()));

/** The operation's name, for error messages: `query Name` in the document, else "request". */
const nameOf = (document: string | DocumentNode): string => {
  const text = typeof document === 'string' ? document : (document.loc?.source.body ?? '');
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? 'request';
};

/**
 * A client of the Casebook GraphQL API.
 * @throws ValidationError for bad options, and for a relative endpoint outside a browser
 * @example
 * const casebook = createCasebookClient({ endpoint: 'https://cms.example.org/graphql' });
 * const { items } = await casebook.cases.list({ filter: { province: 'sichuan' }, pageSize: 10 });
 */
export const createCasebookClient = (options: ClientOptions) => {
  const checkedOptions = checked(ClientOptionsSchema, options, 'createCasebookClient');
  const request = createTransport(checkedOptions);

  // The CMS answers covers stored on itself as /uploads/… paths: on the showcase's origin they would point nowhere.
  const endpoint = resolveEndpoint(checkedOptions.endpoint);
  const located = <Found extends Pick<CaseSummary, 'cover'>>(found: Found): Found =>
    found.cover ? { ...found, cover: { ...found.cover, url: new URL(found.cover.url, endpoint).href, smallUrl: new URL(found.cover.smallUrl, endpoint).href } } : found;

  /**
   * The items with their votes and views, asked for in one request: the reads that carry content are kept by caches,
   * and counters must be live.
   */
  const withCounters = async <Item extends { documentId: string }>(items: Item[]): Promise<Array<Item & { votes: number; views: number }>> => {
    if (items.length === 0) return [];
    const { caseCounters } = await request(CASE_COUNTERS, { documentIds: [...new Set(items.map((item) => item.documentId))] });
    const byId = new Map(caseCounters.map(({ documentId, votes, views }) => [documentId, { votes, views }]));
    return items.map((item) => ({ ...item, ...(byId.get(item.documentId) ?? { votes: 0, views: 0 }) }));
  };

  const cases = {
    /**
     * A page of published cases, newest first unless `sort` says otherwise.
     * A hospital, theme or campaign is named by its documentId or slug; one that does not exist is a ValidationError, not an empty page.
     * @throws ValidationError for bad parameters or an unknown hospital, theme or campaign; NetworkError, ForbiddenError, RateLimitError, ResponseShapeError
     * @example await casebook.cases.list({ filter: { province: 'sichuan', theme: 'dang-xiao' }, sort: 'MOST_VOTED', page: 2 })
     */
    async list(params: CaseListParams = {}): Promise<Page<CaseSummary>> {
      const data = await request(CASE_LIST, checked(CaseListParamsSchema, params, 'cases.list'));
      return { items: await withCounters(data.caseList.nodes.map(located)), pageInfo: data.caseList.pageInfo };
    },

    /**
     * The published case with this documentId.
     * @throws NotFoundError when there is none (or it is a draft)
     * @example const shown = await casebook.cases.get('k2x9…');
     */
    async get(documentId: string): Promise<Case> {
      const [found] = await withCounters([located((await request(CASE_DETAIL, { documentId: checked(ReferenceSchema, documentId, 'cases.get: documentId') })).caseDetail)]);
      return found!;
    },

    /**
     * The published case with this slug.
     * @throws NotFoundError when there is none
     * @example await casebook.cases.bySlug('gou-jian-yi-yuan-dang-xiao-ti-sheng-shi-gan-neng-li')
     */
    async bySlug(slug: string): Promise<Case> {
      const [found] = await withCounters([located((await request(CASE_DETAIL, { slug: checked(ReferenceSchema, slug, 'cases.bySlug: slug') })).caseDetail)]);
      return found!;
    },

    /**
     * The case with this documentId or slug as it stands now, draft included, in the shape `get` answers: an
     * editor's preview. Needs a client made with an API token that may read drafts.
     * @throws NotFoundError when there is none; ForbiddenError without a token that may read drafts
     * @example const draft = await createCasebookClient({ endpoint, token }).cases.preview('gou-jian-yi-yuan-dang-xiao');
     */
    async preview(documentIdOrSlug: string): Promise<Case> {
      const reference = checked(ReferenceSchema, documentIdOrSlug, 'cases.preview: documentIdOrSlug');
      const [found] = (await request(CASE_PREVIEW, { documentId: reference, slug: reference })).cases;
      if (!found) throw new NotFoundError(`No case with documentId or slug ${reference}`, { status: 404 });
      return located(found);
    },

    /**
     * The slug and last update (ISO 8601) of every published case matching `params`, oldest first, for a
     * sitemap: a few dozen bytes per case, a hundred cases per request. Cases without a slug are left out.
     * @throws ValidationError for bad parameters
     * @example const entries = await casebook.cases.slugs(); entries.map(({ slug, updatedAt }) => `<url><loc>/cases/${slug}</loc><lastmod>${updatedAt}</lastmod></url>`)
     */
    async slugs(params: CaseSlugsParams = {}): Promise<CaseSlug[]> {
      const { filter } = checked(CaseSlugsParamsSchema, params, 'cases.slugs');
      const entries: CaseSlug[] = [];
      for (let page = 1; ; page += 1) {
        const { nodes, pageInfo } = (await request(CASE_SLUGS, { ...(filter ? { filter } : {}), page })).caseList;
        for (const { slug, updatedAt } of nodes) if (slug) entries.push({ slug, updatedAt });
        if (page >= pageInfo.pageCount) return entries;
      }
    },

    /**
     * Cases holding every term of `query` (simplified or traditional Chinese), best match first, with the passage that matched.
     * @throws ValidationError for an empty query, bad parameters or an unknown hospital, theme or campaign
     * @example const { items } = await casebook.cases.search('党校'); items[0].snippet?.text
     */
    async search(query: string, params: CaseSearchParams = {}): Promise<SearchPage> {
      const data = await request(CASE_SEARCH, checked(CaseSearchVariablesSchema, { ...checked(CaseSearchParamsSchema, params, 'cases.search'), query }, 'cases.search'));
      const counted = new Map((await withCounters(data.caseSearch.nodes.map((hit) => located(hit.case)))).map((item) => [item.documentId, item]));
      const items = data.caseSearch.nodes.map((hit) => ({ ...hit, case: counted.get(hit.case.documentId)! }));
      return { items, terms: data.caseSearch.terms, pageInfo: data.caseSearch.pageInfo };
    },

    /**
     * Case counts per province, hospital category and theme for a filter UI; each dimension counted under the other filters.
     * @throws ValidationError for bad parameters or an unknown hospital, theme or campaign
     * @example const { provinces } = await casebook.cases.facets({ filter: { theme: 'dang-xiao' } });
     */
    async facets(params: CaseFacetsParams = {}): Promise<CaseFacets> {
      return (await request(CASE_FACETS, checked(CaseFacetsParamsSchema, params, 'cases.facets'))).caseFacets;
    },

    /**
     * Every case matching `params`, page after page (of `pageSize`, 100 by default), as one async iterator.
     * @example for await (const shown of casebook.cases.iterate({ filter: { province: 'sichuan' } })) console.log(shown.title);
     */
    async *iterate(params: Omit<CaseListParams, 'page'> = {}): AsyncGenerator<CaseSummary, void, undefined> {
      for (let page = 1; ; page += 1) {
        const { items, pageInfo } = await cases.list({ pageSize: 100, ...params, page });
        yield* items;
        if (page >= pageInfo.pageCount) return;
      }
    },

    /**
     * The voting centre's ranking: published cases (of `campaign`, by documentId or slug) by votes, a tie going
     * to the case that reached its count first.
     * @throws ValidationError for bad parameters or an unknown campaign
     * @example const top = await casebook.cases.ranking({ campaign: '2022-dang-jian-an-li', limit: 10 });
     */
    async ranking(params: RankingParams = {}): Promise<CaseSummary[]> {
      return (await request(CASE_RANKING, checked(RankingParamsSchema, params, 'cases.ranking'))).caseRanking.map(located);
    },

    /**
     * A vote (给我点赞 / 投票) for a published case by `voter`, the anonymous id the front end keeps for its
     * visitor. It is sent with an Idempotency-Key (made here unless given) and resent with the same key after a
     * network failure, so a lost answer never counts twice.
     * @returns whether it counted (`reason` says why not: `already_voted`, `voting_closed`) and the case's votes
     * @throws NotFoundError for a draft or unknown case, RateLimitError (with `retryAfter`) when voting too fast
     * @example const { counted, votes } = await casebook.cases.vote(shown.documentId, visitorId);
     */
    async vote(documentId: string, voter: string, options: VoteOptions = {}): Promise<VoteResult> {
      const variables = { documentId: checked(ReferenceSchema, documentId, 'cases.vote: documentId'), voter: checked(VoterSchema, voter, 'cases.vote: voter') };
      const { idempotencyKey = newIdempotencyKey(), retries = 1 } = checked(VoteOptionsSchema, options, 'cases.vote');
      for (let attempt = 0; ; attempt += 1) {
        try {
          return (await request(VOTE_CASE, variables, { 'Idempotency-Key': idempotencyKey })).voteCase;
        } catch (error) {
          if (!(error instanceof NetworkError) || attempt >= retries) throw error;
        }
      }
    },

    /**
     * A read (阅读量) of a published case; one voter's reads of it count once within the server's configured read
     * window (30 minutes by default). Without `voter` the client address stands for the reader.
     * @example const { views } = await casebook.cases.recordView(shown.documentId, visitorId);
     */
    async recordView(documentId: string, voter?: string): Promise<ViewResult> {
      const reference = checked(ReferenceSchema, documentId, 'cases.recordView: documentId');
      const variables = voter === undefined ? { documentId: reference } : { documentId: reference, voter: checked(VoterSchema, voter, 'cases.recordView: voter') };
      return (await request(RECORD_CASE_VIEW, variables)).recordCaseView;
    },
  };

  const hospitals = {
    /**
     * A page of hospitals with their published-case counts, most cases first unless sorted by name.
     * @example await casebook.hospitals.list({ filter: { province: 'sichuan', withCases: true } })
     */
    async list(params: HospitalListParams = {}): Promise<Page<Hospital>> {
      const data = await request(HOSPITAL_LIST, checked(HospitalListParamsSchema, params, 'hospitals.list'));
      return { items: data.hospitalList.nodes, pageInfo: data.hospitalList.pageInfo };
    },

    /**
     * The hospital with this documentId.
     * @throws NotFoundError when there is none
     */
    async get(documentId: string): Promise<Hospital> {
      return (await request(HOSPITAL_DETAIL, { documentId: checked(ReferenceSchema, documentId, 'hospitals.get: documentId') })).hospitalDetail;
    },

    /**
     * The hospital with this slug.
     * @throws NotFoundError when there is none
     */
    async bySlug(slug: string): Promise<Hospital> {
      return (await request(HOSPITAL_DETAIL, { slug: checked(ReferenceSchema, slug, 'hospitals.bySlug: slug') })).hospitalDetail;
    },
  };

  const raw = async <Schema extends z.core.$ZodType>(document: string | DocumentNode, variables: Record<string, unknown> | undefined, schema: Schema): Promise<z.output<Schema>> => {
    const checkedDocument = checked(DocumentSchema, document, 'request: document');
    const checkedVariables = checked(VariablesSchema, variables, 'request: variables') ?? {};
    const data = checked(ResultSchemaSchema, schema, 'request: schema') as z.core.$ZodType<z.output<Schema>>;
    return request({ name: nameOf(checkedDocument), document: checkedDocument, data }, checkedVariables);
  };

  /**
   * The Chinese label of every key the API answers (provinces, hospital categories and levels, campaign stages,
   * metric kinds and qualifiers, vote refusals, snippet fields), in the server's order: fetch once and show labels,
   * not keys. A public read a CDN may keep.
   * @example const { provinces } = await casebook.labels(); const names = new Map(provinces.map(({ key, label }) => [key, label])); names.get('sichuan') // '四川'
   */
  const labels = async (): Promise<Labels> => (await request(LABELS, {})).labels;

  return {
    cases,
    hospitals,
    labels,
    /**
     * Any query the SDK does not wrap, sent with the client's endpoint, token and headers; the answer's `data` is
     * parsed with `schema` (zod or zod/mini) and typed by it, and failures are the SDK's errors like every call's.
     * @throws ValidationError for a bad document, variables or schema; ResponseShapeError when the answer does not match `schema`
     * @example
     * const { themes } = await casebook.request('query Themes { themes { slug name } }', {}, z.object({ themes: z.array(z.object({ slug: z.string(), name: z.string() })) }));
     */
    request: raw,
  };
};

export type CasebookClient = ReturnType<typeof createCasebookClient>;
