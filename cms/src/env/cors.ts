import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/**
 * The request headers a browser on another origin may send: Strapi's four, and the one `@casebook/sdk` sends
 * (Idempotency-Key on every vote). Apollo's two CSRF-guard headers are kept for clients that still send them:
 * the guard itself is off (config/plugins.ts), so a GraphQL GET needs none.
 */
export const CORS_HEADERS = ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Idempotency-Key', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'] as const;

/** The response headers a cross-origin page may read: the SDK reads Retry-After of a 429/503, and caches by ETag. */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'ETag'] as const;

/** A browser origin as the Origin header carries it: scheme, host and port, nothing else. */
const ORIGIN = /^https?:\/\/[^/?#\s]+$/i;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

/**
 * Strapi's cors middleware settings from CASEBOOK_CORS_ORIGINS (origins allowed to call the API from a browser,
 * comma-separated, or `*`) and CASEBOOK_CORS_HEADERS (more request headers a front end sends). Without
 * CASEBOOK_CORS_ORIGINS, development allows every origin and production none but its own. Never credentials:
 * the public API takes tokens in Authorization, and no other site needs the admin's cookies. A value that is no
 * origin (a path, a trailing slash, a typo) stops the start with its name, instead of failing every browser call.
 */
export const corsConfig = (env: Env) => {
  const configured = env('CASEBOOK_CORS_ORIGINS');
  const origins = configured === undefined ? (env('NODE_ENV', 'development') === 'production' ? [] : ['*']) : list(configured);
  const invalid = origins.filter((origin) => origin !== '*' && !ORIGIN.test(origin));
  if (invalid.length > 0) {
    throw new Error(
      `CASEBOOK_CORS_ORIGINS: ${invalid.map((origin) => JSON.stringify(origin)).join(', ')} is no origin; write scheme://host[:port] ` +
        'as the browser sends it (https://showcase.example.org, no path, no trailing slash), comma-separated, or * for any origin',
    );
  }
  const extra = list(env('CASEBOOK_CORS_HEADERS'));
  const badHeader = extra.find((header) => !/^[A-Za-z0-9-]+$/.test(header));
  if (badHeader !== undefined) throw new Error(`CASEBOOK_CORS_HEADERS: ${JSON.stringify(badHeader)} is no header name`);
  return {
    // An empty list allows no other origin (Strapi's middleware answers without Access-Control-Allow-Origin).
    origin: origins.length > 0 ? origins : [''],
    credentials: false,
    headers: [...CORS_HEADERS, ...extra],
    expose: [...CORS_EXPOSED_HEADERS],
    // Browsers keep a preflight for at most two hours (Chromium) anyway.
    maxAge: 7200,
  };
};
