import { ClientError, GraphQLClient } from 'graphql-request';
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
  type StrapiErrorDetails,
} from './errors.js';
import type { Operation } from './operations.js';

export type ClientOptions = {
  /** The CMS's GraphQL endpoint, e.g. `https://cms.example.org/graphql`. */
  endpoint: string;
  /** A Strapi API token (drafts and non-public content need one); sent as a bearer token. */
  token?: string;
  /** A fetch implementation; the global fetch by default. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
};

type GraphQLErrorLike = { message: string; extensions?: { code?: string; error?: StrapiErrorDetails; [key: string]: unknown } };

const retryAfterOf = (headers: Headers | undefined, strapi: StrapiErrorDetails | undefined): number | undefined => {
  const header = headers?.get('retry-after');
  if (header && Number.isFinite(Number(header))) return Number(header);
  const details = strapi?.details as { retryAfter?: unknown } | undefined;
  return typeof details?.retryAfter === 'number' ? details.retryAfter : undefined;
};

/** One GraphQL error (or an error status without one) as the SDK's error of the same kind. */
const fromGraphQLError = (error: GraphQLErrorLike | undefined, status: number | undefined, headers: Headers | undefined, cause: unknown): CasebookError => {
  const strapi = error?.extensions?.error;
  const code = error?.extensions?.code;
  const message = error?.message ?? `HTTP ${status ?? 'error'}`;
  const options = { cause, strapi, status };
  if (status === 429 || code === 'STRAPI_RATE_LIMIT_ERROR' || strapi?.name === 'RateLimitError') {
    return new RateLimitError(message, { ...options, retryAfter: retryAfterOf(headers, strapi) });
  }
  if (strapi?.name === 'NotFoundError' || code === 'STRAPI_NOT_FOUND_ERROR' || status === 404) return new NotFoundError(message, options);
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || status === 401 || status === 403) return new ForbiddenError(message, options);
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || status === 400) {
    return new ValidationError(message, options);
  }
  if (!error && (status === undefined || status >= 500)) return new NetworkError(message, options);
  return new ServerError(message, options);
};

/** A typed GraphQL caller: every answer is parsed with the operation's schema, every failure becomes a CasebookError. */
export const createTransport = (options: ClientOptions) => {
  const headers = { ...options.headers, ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
  const client = new GraphQLClient(options.endpoint, { headers, ...(options.fetch ? { fetch: options.fetch } : {}) });

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
    const parsed = operation.data.safeParse(data);
    if (!parsed.success) {
      throw new ResponseShapeError(
        operation.name,
        parsed.error.issues.map(describeIssue),
      );
    }
    return parsed.data;
  };
};

export type Transport = ReturnType<typeof createTransport>;
