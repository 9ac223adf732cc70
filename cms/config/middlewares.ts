import type { Core } from '@strapi/strapi';
import { corsConfig } from '../src/env/cors';
import { uploadMaxBytes } from '../src/env/uploads';

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
  // Uploaded files' safe headers, and a refusal of a file over CASEBOOK_UPLOAD_MAX_BYTES that names the limit.
  'global::uploads',
  // Room for a 5 MB document sent base64-encoded to the admin's import page; an uploaded file stops being read at
  // CASEBOOK_UPLOAD_MAX_BYTES (the upload plugin's own sizeLimit, config/plugins.ts, checks it again once stored).
  {
    name: 'strapi::body',
    config: { jsonLimit: '8mb', formLimit: '8mb', textLimit: '8mb', formidable: { maxFileSize: uploadMaxBytes(env) } },
  },
  // After the body parser: input that would end as a 500 in the database (a NUL in any body or REST query, absurd REST pages) is a 400.
  'plugin::casebook.rest-input',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
