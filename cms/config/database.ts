import { databaseConnection } from '../src/env/database';

export default ({ env }) => ({
  connection: {
    ...databaseConnection(env),
    acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
  },
});
