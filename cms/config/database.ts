import type { Core } from '@strapi/strapi';
import { databaseConnection } from '../src/env/database';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  connection: {
    ...databaseConnection(env),
    acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
  },
});
