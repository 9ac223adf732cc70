export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Room for a 5 MB document sent base64-encoded to the admin's import page.
  { name: 'strapi::body', config: { jsonLimit: '8mb', formLimit: '8mb', textLimit: '8mb' } },
  // After the body parser: REST queries and bodies with a NUL character are refused (400).
  'plugin::casebook.refuse-nul',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
