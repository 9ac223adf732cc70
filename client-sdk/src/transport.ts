import { ClientError, GraphQLClient } from 'graphql-request';
import * as z from 'zod/mini';
import {
  CasebookError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  ValidationError,
  describeIssue,
  type CasebookErrorCode,
  type StrapiErrorDetails,
} from './errors.js';
import type { Operation } from './operations.js';

export const ClientOptionsSchema = z.strictObject({
  /**
   * The CMS's GraphQL endpoint, e.g. `https://cms.example.org/graphql`; in a browser a relative one (`/graphql`)
   * is resolved against the page's address.
   */
  endpoint: z.string().check(z.minLength(1)),
  /** A Strapi API token (drafts and non-public content need one); sent as a bearer token. */
  token: z.optional(z.string().check(z.minLength(1))),
  /** A fetch implementation; the global fetch by default. */
  fetch: z.optional(z.custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')),
  /** Extra headers sent with every request. */
  headers: z.optional(z.record(z.string(), z.string())),
  /**
   * How queries are sent. `GET` (the default) sends each as a persisted query: a GET naming the query by its
   * SHA-256 hash, which a CDN and the browser can cache (the query's text goes along only the first time a server
   * meets it). `POST` sends every call as a POST, which nothing caches. Mutations are always POSTed.
   */
  method: z.optional(z.enum(['GET', 'POST'])),
});

export type ClientOptions = z.input<typeof ClientOptionsSchema>;

/** An absolute endpoint as given; a relative one against the page's address, which only a browser has. */
export const resolveEndpoint = (endpoint: string): string => {
  if (URL.canParse?.(endpoint) ?? /^[a-z][a-z\d+.-]*:/i.test(endpoint)) return endpoint;
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (page) return new URL(endpoint, page).href;
  throw new ValidationError(`The endpoint ${endpoint} is relative and there is no page address to resolve it against: outside a browser give an absolute URL, e.g. https://cms.example.org/graphql`);
};

type GraphQLErrorLike = { message: string; extensions?: { code?: string; error?: StrapiErrorDetails; [key: string]: unknown } };

/**
 * Past this, a URL may be cut or refused on its way (8 KiB is a common limit of proxies and CDNs): a query whose
 * persisted-query GET would be longer is POSTed instead.
 */
const MAX_GET_URL = 8000;

/** The hex SHA-256 of `text` through the platform's Web Crypto; undefined where there is none (a page served over plain HTTP). */
const sha256 = async (text: string): Promise<string | undefined> => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/**
 * The refusals a server answers a query named by hash alone with: it does not know the query (yet: the text
 * registers it), or it takes no persisted queries at all (the text has to go every time).
 */
const REFUSALS = ['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED'] as const;
type Refusal = (typeof REFUSALS)[number];
/** A refusal is a short error answer: a longer one holds data, and is not read twice to find out. */
const MAX_REFUSAL_BYTES = 2048;

/** The persisted-query refusal an answer carries, if any. */
const refusalOf = async (response: Response): Promise<Refusal | undefined> => {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  if (Number(response.headers.get('content-length') ?? 0) > MAX_REFUSAL_BYTES) return undefined;
  const body = (await response.clone().json().catch(() => undefined)) as { errors?: GraphQLErrorLike[] } | undefined;
  const codes = body?.errors?.map((error) => error.extensions?.code) ?? [];
  return REFUSALS.find((refusal) => codes.includes(refusal));
};

/** The parameters a GraphQL GET carries its operation in. */
const OPERATION_PARAMS = ['query', 'variables', 'operationName', 'extensions'] as const;

/** The GET as a POST of the same operation (a JSON body), for a URL too long to travel; the endpoint's own parameters stay in its URL. */
const asPost = (url: URL, init: RequestInit | undefined): [URL, RequestInit] => {
  const target = new URL(url);
  const body: Record<string, unknown> = {};
  for (const name of OPERATION_PARAMS) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    body[name] = name === 'variables' || name === 'extensions' ? JSON.parse(value) : value;
    target.searchParams.delete(name);
  }
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json');
  return [target, { ...init, method: 'POST', headers, body: JSON.stringify(body) }];
};

/**
 * Apollo's automatic persisted queries over GET, under graphql-request's GET: the first request names the query by
 * its hash alone, and only when the server answers that it does not know it goes the query's text along, which
 * registers it. Both are plain GETs a CDN can keep, with no header that would need a CORS preflight. A server that
 * takes no persisted queries gets the text from then on.
 */
const persistedQueries = (fetchImpl: typeof fetch): typeof fetch => {
  let byHashAccepted = true;
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const query = url.searchParams.get('query');
    if (init?.method !== 'GET' || query === null) return fetchImpl(input, init);
    const send = (target: URL) => (target.href.length > MAX_GET_URL ? fetchImpl(...asPost(target, init)) : fetchImpl(target, init));
    const hash = byHashAccepted ? await sha256(query) : undefined;
    if (hash === undefined) return send(url);
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const registering = new URL(url);
    url.searchParams.delete('query');
    if (url.href.length > MAX_GET_URL) return send(registering);
    const byHash = await fetchImpl(url, init);
    const refusal = await refusalOf(byHash);
    if (refusal === undefined) return byHash;
    if (refusal === 'PERSISTED_QUERY_NOT_SUPPORTED') {
      byHashAccepted = false;
      registering.searchParams.delete('extensions');
    }
    return send(registering);
  };
};

/** What an error's code stands for in HTTP, for errors the server reported inside a 200 GraphQL answer. */
const STATUS_OF_CODE: Partial<Record<CasebookErrorCode, number>> = { NOT_FOUND: 404, FORBIDDEN: 403, VALIDATION: 400, RATE_LIMITED: 429, SERVER: 500 };

const retryAfterOf = (headers: Headers | undefined, strapi: StrapiErrorDetails | undefined): number | undefined => {
  const header = headers?.get('retry-after');
  if (header && Number.isFinite(Number(header))) return Number(header);
  const details = strapi?.details as { retryAfter?: unknown } | undefined;
  return typeof details?.retryAfter === 'number' ? details.retryAfter : undefined;
};

type ErrorClass = new (message: string, options: { cause?: unknown; strapi?: StrapiErrorDetails; status?: number; retryAfter?: number }) => CasebookError;

/** The kind of error a GraphQL error (or an error status without one) stands for, and its code. */
const kindOf = (error: GraphQLErrorLike | undefined, status: number | undefined): [ErrorClass, CasebookErrorCode] => {
  const strapi = error?.extensions?.error;
  const code = error?.extensions?.code;
  if (status === 429 || code === 'STRAPI_RATE_LIMIT_ERROR' || strapi?.name === 'RateLimitError') return [RateLimitError, 'RATE_LIMITED'];
  if (strapi?.name === 'NotFoundError' || code === 'STRAPI_NOT_FOUND_ERROR' || status === 404) return [NotFoundError, 'NOT_FOUND'];
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || status === 401 || status === 403) return [ForbiddenError, 'FORBIDDEN'];
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || status === 400) return [ValidationError, 'VALIDATION'];
  if (!error && (status === undefined || status >= 500)) return [NetworkError, 'NETWORK'];
  return [ServerError, 'SERVER'];
};

/**
 * One GraphQL error (or an error status without one) as the SDK's error of the same kind. Its status is the HTTP
 * status when that was an error status; GraphQL reports errors in 200 answers, and then it is the code's own.
 */
const fromGraphQLError = (error: GraphQLErrorLike | undefined, httpStatus: number | undefined, headers: Headers | undefined, cause: unknown): CasebookError => {
  const [Kind, code] = kindOf(error, httpStatus);
  const strapi = error?.extensions?.error;
  const status = httpStatus !== undefined && httpStatus >= 400 ? httpStatus : STATUS_OF_CODE[code];
  const retryAfter = Kind === RateLimitError ? retryAfterOf(headers, strapi) : undefined;
  return new Kind(error?.message ?? `HTTP ${httpStatus ?? 'error'}`, { cause, strapi, status, ...(retryAfter === undefined ? {} : { retryAfter }) });
};

/** A typed GraphQL caller: every answer is parsed with the operation's schema, every failure becomes a CasebookError. */
export const createTransport = (options: z.output<typeof ClientOptionsSchema>) => {
  const headers = { ...options.headers, ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
  const method = options.method ?? 'GET';
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const client = new GraphQLClient(resolveEndpoint(options.endpoint), { headers, method, fetch: method === 'GET' ? persistedQueries(fetchImpl) : fetchImpl });

  return async <Data, Variables extends object>(operation: Operation<Data, Variables>, variables: Variables, requestHeaders?: Record<string, string>): Promise<Data> => {
    let data: unknown;
    try {
      data = await client.request<unknown>({ document: operation.document, variables: variables as Record<string, unknown>, ...(requestHeaders ? { requestHeaders } : {}) });
    } catch (error) {
      if (error instanceof ClientError) {
        const { errors, status, headers: responseHeaders } = error.response as { errors?: GraphQLErrorLike[]; status: number; headers?: Headers };
        throw fromGraphQLError(errors?.[0], status, responseHeaders, error);
      }
      // fetch rejects on DNS, connection and abort failures; graphql-request rejects a body that is not JSON.
      throw new NetworkError(`${operation.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const parsed = z.safeParse(operation.data, data);
    if (!parsed.success) throw new ResponseShapeError(operation.name, parsed.error.issues.map(describeIssue));
    return parsed.data;
  };
};

export type Transport = ReturnType<typeof createTransport>;
