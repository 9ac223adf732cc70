import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { ensureSecrets, APP_DIR } from '../src/env/secrets';

ensureSecrets();

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
        landingPage: !production,
        apolloServer: {
          introspection: !production,
        },
      },
    },
    casebook: {
      enabled: true,
      resolve: path.resolve(APP_DIR, '../plugins/casebook'),
      config: {
        secret: env('CASEBOOK_SECRET'),
      },
    },
  };
};
