/** Strapi's error payload, as its GraphQL errors carry it in `extensions.error`. */
export type StrapiErrorDetails = { name?: string; message?: string; details?: unknown };

export type CasebookErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'VALIDATION' | 'RATE_LIMITED' | 'NETWORK' | 'RESPONSE_SHAPE' | 'SERVER';

type ErrorOptions = { cause?: unknown; strapi?: StrapiErrorDetails; status?: number };

/**
 * The base of every error the SDK throws; `code` tells them apart without instanceof. Each class names itself
 * with a string literal: minifiers rename classes, so `new.target.name` would log "m" or "u" in production.
 */
export class CasebookError extends Error {
  override readonly name: string = 'CasebookError';
  readonly code: CasebookErrorCode;
  /** Strapi's own error (name, message, details) when the server sent one. */
  readonly strapi: StrapiErrorDetails | undefined;
  /** The HTTP status the server sent when it was an error status, else the code's own (404, 403, 400, 429, 500) for an error the server reported in a GraphQL answer (sent as 200); undefined for errors without an answer. */
  readonly status: number | undefined;

  constructor(code: CasebookErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.strapi = options.strapi;
    this.status = options.status;
  }
}

/** The case or hospital does not exist, or is not published. */
export class NotFoundError extends CasebookError {
  override readonly name = 'NotFoundError';
  constructor(message: string, options?: ErrorOptions) {
    super('NOT_FOUND', message, options);
  }
}

/** The caller may not read this (drafts without an API token, a role without the permission). */
export class ForbiddenError extends CasebookError {
  override readonly name = 'ForbiddenError';
  constructor(message: string, options?: ErrorOptions) {
    super('FORBIDDEN', message, options);
  }
}

/** The request was refused as invalid: bad parameters, or an operation the schema does not accept. */
export class ValidationError extends CasebookError {
  override readonly name = 'ValidationError';
  constructor(message: string, options?: ErrorOptions) {
    super('VALIDATION', message, options);
  }
}

/** Too many requests; `retryAfter` says how many seconds to wait when the server said so. */
export class RateLimitError extends CasebookError {
  override readonly name = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(message: string, options: ErrorOptions & { retryAfter?: number } = {}) {
    super('RATE_LIMITED', message, options);
    this.retryAfter = options.retryAfter;
  }
}

/** The server could not be reached, or answered something that is not a GraphQL response. */
export class NetworkError extends CasebookError {
  override readonly name = 'NetworkError';
  constructor(message: string, options?: ErrorOptions) {
    super('NETWORK', message, options);
  }
}

/** The server failed (an internal error, or a GraphQL error of no other kind). */
export class ServerError extends CasebookError {
  override readonly name = 'ServerError';
  constructor(message: string, options?: ErrorOptions) {
    super('SERVER', message, options);
  }
}

export type ShapeIssue = { path: string; message: string };

type ZodIssueLike = { code: string; path: PropertyKey[]; message: string; expected?: unknown; keys?: string[]; values?: unknown[]; maximum?: unknown; minimum?: unknown; format?: string; pattern?: string };

/** A zod issue in words (zod/mini carries no message catalogue) with its dotted path. */
export const describeIssue = (issue: ZodIssueLike): ShapeIssue => {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return { path, message: `expected ${String(issue.expected)}` };
    case 'invalid_value':
      return { path, message: `expected one of ${(issue.values ?? []).map(String).join(', ')}` };
    case 'unrecognized_keys':
      return { path, message: `unknown ${issue.keys!.length > 1 ? 'keys' : 'key'} ${issue.keys!.join(', ')}` };
    case 'too_big':
      return { path, message: `at most ${String(issue.maximum)}` };
    case 'too_small':
      return { path, message: `at least ${String(issue.minimum)}` };
    case 'invalid_format':
      return { path, message: issue.message !== 'Invalid input' ? issue.message : `expected the format ${issue.pattern ?? issue.format}` };
    default:
      return { path, message: issue.message };
  }
};

/** The response did not have the shape the SDK expects: the server and the SDK disagree about the schema. */
export class ResponseShapeError extends CasebookError {
  override readonly name = 'ResponseShapeError';
  /** Where the first mismatch is, e.g. `caseList.nodes.3.hospital.province`. */
  readonly path: string;
  readonly issues: ShapeIssue[];

  constructor(operation: string, issues: ShapeIssue[]) {
    const first = issues[0] ?? { path: '', message: 'unexpected response' };
    super('RESPONSE_SHAPE', `${operation}: unexpected response at ${first.path || '(root)'}: ${first.message}`);
    this.path = first.path;
    this.issues = issues;
  }
}

/** True for every error the SDK throws. */
export const isCasebookError = (error: unknown): error is CasebookError => error instanceof CasebookError;
