import { createCms } from '@casebook/strapi-plugin/boot';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './database';
import { CMS_DIR } from './paths';

// Fixed secrets for tests: deterministic, strong enough for the suites that boot production, and no cms/.env
// is written by a test run.
export const TEST_SECRETS = {
  APP_KEYS: 'hbat6pXd209XAhJIiAKHHpWyUJ5GzLgu,s4HnPZJ6/xUbVylwlHA6vDjduEMi8joq',
  API_TOKEN_SALT: 'CSjL2KVJBiAHT465qi9FrWL3J4M2oRGO',
  ADMIN_JWT_SECRET: 'kA/J7e3+tszTA7nEb5AFm0/JiMz0vuVS',
  TRANSFER_TOKEN_SALT: 'qmx2nNQ2h83UmfFSUzyAVJz33mngV2pk',
  JWT_SECRET: 'AxGQS5QbbYpZ9zQ/e79RlPkl35LAaAeS',
  ENCRYPTION_KEY: 'WH3hMvdTKL5VCUjWf6/4eK8GMtIRAJpJ',
  CASEBOOK_SECRET: 'Opl/OCTwREOcuDxNzvXXWnGu3uzUIDEw',
};

export type Casebook = {
  strapi: Core.Strapi;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  graphql: <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphqlResponse<T>>;
  /** Stops Strapi; drops the database unless `keepDatabase` (to boot again on it). */
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
};

export type GraphqlResponse<T> = {
  status: number;
  data: T | null | undefined;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
};

/**
 * Boots a real Casebook (the compiled app and plugin, no admin panel) on the suite's own database,
 * with its HTTP server mounted for supertest. `onCreate` sees the instance before it loads (its logger exists).
 */
export const bootCasebook = async (
  options: { database?: TestDatabase; env?: Record<string, string>; onCreate?: (strapi: Core.Strapi) => void } = {},
): Promise<Casebook> => {
  const database = options.database ?? (await createTestDatabase());
  const env = {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'error',
    LOG_STARTUP: 'false',
    ...TEST_SECRETS,
    ...database.env,
    ...options.env,
  };
  const originalEnv = { ...process.env };
  const restoreEnv = () => {
    for (const key of Object.keys(process.env)) if (!(key in originalEnv)) delete process.env[key];
    Object.assign(process.env, originalEnv);
  };
  for (const key of ['DATABASE_URL', 'DATABASE_FILENAME', 'DATABASE_CLIENT']) delete process.env[key];
  Object.assign(process.env, env);

  const instance = createCms({ appDir: CMS_DIR });
  options.onCreate?.(instance);
  let strapi: Core.Strapi;
  try {
    strapi = await instance.load();
  } catch (error) {
    // A half-loaded Strapi keeps process-wide registrations: destroy it so the next boot starts clean.
    await instance.destroy().catch(() => undefined);
    if (!options.database) await database.drop();
    restoreEnv();
    throw error;
  }
  strapi.server.mount();
  const server = strapi.server.httpServer;

  const http = () => request(server);
  const graphql: Casebook['graphql'] = async (query, variables, headers = {}) => {
    const response = await request(server).post('/graphql').set(headers).send({ query, variables });
    return { status: response.status, data: response.body.data, errors: response.body.errors };
  };

  return {
    strapi,
    database,
    http,
    graphql,
    async stop({ keepDatabase = false } = {}) {
      await strapi.destroy();
      restoreEnv();
      if (!keepDatabase) await database.drop();
    },
  };
};
