import type { Core } from '@strapi/strapi';
import { ensureSecrets } from '../src/env/secrets';

// server.ts is the first config file Strapi reads that needs a secret: make them exist (or refuse) here.
ensureSecrets();

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Strapi 5 reads the Koa setting under proxy.koa (a bare boolean is ignored): behind a proxy, the client
  // address (rate limits, voter keys) comes from X-Forwarded-For. Only the last PROXY_MAX_IPS_COUNT addresses
  // of that header are the proxies' own: the client writes whatever it likes to the left of them.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_MAX_IPS_COUNT', 1) },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // No file watchers and no network calls home.
  autoReload: false,
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('LOG_STARTUP', true) },
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
