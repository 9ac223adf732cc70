import type { Core } from '@strapi/strapi';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import path from 'node:path';

/** Apollo's `formatError`: the error as Apollo formatted it, and the error itself. */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Values echoed back in an error (a search term, a filter) keep this many characters, then "…". */
export const MAX_ECHO = 100;
/** A whole message keeps this many. */
const MAX_MESSAGE = 500;

/**
 * The codes of errors about the request, whose message and details help its sender: GraphQL's and Apollo's,
 * and those Strapi's formatter gives its own client errors (FORBIDDEN, BAD_USER_INPUT, STRAPI_NOT_FOUND_ERROR …).
 */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/**
 * Strapi's formatter (`formatError` of its Apollo server), which the package does not export: it maps Strapi's
 * errors (ValidationError, NotFoundError, ForbiddenError, RateLimitError …) to codes and `extensions.error`.
 */
const strapiFormatError = (): FormatError => {
  const root = path.dirname(require.resolve('@strapi/plugin-graphql/package.json'));
  return (require(path.join(root, 'dist', 'server', 'format-graphql-error.js')) as { formatGraphqlError: FormatError }).formatGraphqlError;
};

/** `text` cut to `max` characters (code points), "…" marking the cut. */
export const clip = (text: string, max = MAX_ECHO): string => {
  if (text.length <= max) return text;
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}…`;
};

/** Every string in `value` clipped, however deep. */
export const clipValues = (value: unknown): unknown => {
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) return value.map(clipValues);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clipValues(item)]));
  return value;
};

/** A message with each long run of non-space characters (a value it quotes) clipped, and clipped as a whole. */
export const clipMessage = (message: string): string => clip(message.replace(/\S{101,}/gu, (run) => clip(run)), MAX_MESSAGE);

/** graphql-js's suggestions: `Did you mean "title"?`, `… "a" or "b"?`, `… the enum value "NEWEST"?`. */
export const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [^?]*\?/g, '');

const isClientError = (formatted: GraphQLFormattedError, error: unknown) => {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string' || !(CLIENT_CODES.has(code) || code.startsWith('STRAPI_'))) return false;
  // Strapi names every http-errors error STRAPI_…, a 5xx too: that one is the server's, but for a 503, which
  // tells the client to send its request again (a vote whose transaction kept meeting deadlocks, busyError).
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const status = (original as { status?: unknown } | null)?.status;
  return !(typeof status === 'number' && status >= 500 && status !== 503);
};

/**
 * Apollo's formatError: Strapi's own, then what may leave the server. A client error keeps its message, code and
 * details, each quoted value clipped to about 100 characters (in production, without suggestions). Any other
 * error is `Internal Server Error`, code INTERNAL_SERVER_ERROR, and where it happened (`path`): the SQL, table and
 * function names, stack and message of what failed stay in the server's log.
 */
export const formatErrorFor = (strapi: Core.Strapi, options: { suggestions: boolean }): FormatError => {
  const strapiFormat = strapiFormatError();
  return (formatted, error) => {
    const strapiFormatted = strapiFormat(formatted, error);
    const result = strapiFormatted instanceof GraphQLError ? strapiFormatted.toJSON() : strapiFormatted;

    if (!isClientError(result, error)) {
      // Strapi logs the errors it turns into its own Internal Server Error (those carry extensions.error); not the rest.
      if (!(result.extensions?.code === 'INTERNAL_SERVER_ERROR' && result.extensions.error)) {
        strapi.log.error(error instanceof GraphQLError && error.originalError ? error.originalError : error);
      }
      return {
        message: 'Internal Server Error',
        ...(formatted.locations && { locations: formatted.locations }),
        ...(formatted.path && { path: formatted.path }),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }

    const message = (text: string) => clipMessage(options.suggestions ? text : withoutSuggestions(text));
    const { error: strapiError, ...extensions } = result.extensions ?? {};
    const details = strapiError as { message?: unknown; details?: unknown } | undefined;
    return {
      ...result,
      message: message(result.message),
      ...(result.extensions && {
        extensions: {
          ...(clipValues(extensions) as Record<string, unknown>),
          ...(details && {
            error: {
              ...details,
              ...(typeof details.message === 'string' && { message: message(details.message) }),
              ...(details.details !== undefined && { details: clipValues(details.details) }),
            },
          }),
        },
      }),
    };
  };
};
