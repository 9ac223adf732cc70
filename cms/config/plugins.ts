import type { ApolloServerPlugin } from '@apollo/server';
import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ensureSecrets, APP_DIR } from '../src/env/secrets';

ensureSecrets();

/**
 * Apollo's cache-control plugin runs a hook on every resolved field to work out a policy that no field of this
 * schema declares, and then answers `cache-control: no-store`. Switched off (about a tenth of a list page's
 * time), it leaves that header unset: say it once per response instead.
 */
const noStore: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV') === 'production';
  return {
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        depthLimit: 10,
        defaultLimit: 25,
        maxLimit: 100,
        // Apollo's "production" landing page still embeds a sandbox: in production there is none at all.
        landingPage: production ? () => ApolloServerPluginLandingPageDisabled() : true,
        apolloServer: {
          introspection: !production,
          // Strapi concatenates these with its own plugins (its merge joins arrays).
          plugins: [ApolloServerPluginCacheControlDisabled(), noStore],
        },
      },
    },
    casebook: {
      enabled: true,
      resolve: path.resolve(APP_DIR, '../plugins/casebook'),
      config: {
        secret: env('CASEBOOK_SECRET'),
        batching: env.bool('CASEBOOK_GRAPHQL_BATCHING', true),
        // Unset, these keep the plugin's defaults (plugins/casebook/server/src/config: DEFAULT_CONFIG).
        votes: {
          rule: env('CASEBOOK_VOTE_RULE'),
          timeZone: env('CASEBOOK_VOTE_TIME_ZONE'),
          ratePerMinute: env.int('CASEBOOK_VOTE_RATE_LIMIT'),
        },
        views: {
          windowMinutes: env.int('CASEBOOK_VIEW_WINDOW_MINUTES'),
          ratePerMinute: env.int('CASEBOOK_VIEW_RATE_LIMIT'),
        },
        redisUrl: env('REDIS_URL'),
      },
    },
  };
};
