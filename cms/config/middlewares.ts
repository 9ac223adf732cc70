import type { Core } from '@strapi/strapi';
import { corsConfig } from '../src/env/cors';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Which other origins' pages may call the API (CASEBOOK_CORS_ORIGINS), with the headers the SDK sends.
  { name: 'strapi::cors', config: corsConfig(env) },
  'strapi::poweredBy',
  'strapi::query',
  // GraphQL bodies go to the GraphQL route's own parser and limit (config/plugins.ts), not this 8 MB.
  'global::graphql-body',
  // Room for a 5 MB document sent base64-encoded to the admin's import page.
  { name: 'strapi::body', config: { jsonLimit: '8mb', formLimit: '8mb', textLimit: '8mb' } },
  // After the body parser: REST input that would end as a 500 in the database (NUL, absurd pages) is a 400.
  'plugin::casebook.rest-input',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
