import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CMS_DIR, PLUGIN_DIR, ROOT_DIR } from '../support/paths';

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  healthcheck?: { test: unknown };
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
};

const compose = parse(fs.readFileSync(path.join(ROOT_DIR, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

/** Every environment variable name Casebook's own code reads: env('X'), env.int('X'), process.env.X … */
const variablesTheConfigReads = (): Set<string> => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '__tests__') walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  [path.join(CMS_DIR, 'config'), path.join(CMS_DIR, 'src'), path.join(PLUGIN_DIR, 'server', 'src')].forEach(walk);
  const names = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/env(?:\.\w+)?\(\s*'([A-Z0-9_]+)'|process\.env\.([A-Z0-9_]+)|env\.([A-Z0-9_]+)\b|^\s+([A-Z0-9_]+): \(\) =>/gm)) {
      names.add(match[1] ?? match[2] ?? match[3] ?? match[4]);
    }
  }
  return names;
};

// Read by Strapi or Node themselves rather than by Casebook's config.
const READ_BY_STRAPI = ['NODE_ENV', 'STRAPI_TELEMETRY_DISABLED'];

describe('docker-compose.yml', () => {
  test('runs PostgreSQL 16, Redis 7 and the CMS built from cms/Dockerfile, each with a healthcheck', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:16/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    expect(compose.services.cms.build).toEqual({ context: '.', dockerfile: 'cms/Dockerfile' });
    expect(fs.existsSync(path.join(ROOT_DIR, 'cms', 'Dockerfile'))).toBe(true);
    for (const name of ['postgres', 'redis', 'cms']) expect(compose.services[name].healthcheck?.test).toBeDefined();
    // The CMS is healthy when Casebook's readiness check says so (database, Redis, search index), not merely when it listens.
    expect(JSON.stringify(compose.services.cms.healthcheck?.test)).toContain('/api/casebook/health');
    expect(compose.services.cms.depends_on?.postgres.condition).toBe('service_healthy');
    expect(compose.services.cms.depends_on?.redis.condition).toBe('service_healthy');
    // Several CMS instances share the vote and view rate limits through Redis.
    expect(compose.services.cms.environment!.REDIS_URL).toBe('redis://redis:6379');
  });

  test('keeps PostgreSQL data in a named volume', () => {
    const [volume] = compose.services.postgres.volumes![0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  test('sets only variables that the CMS config reads, and every secret production needs', () => {
    const read = variablesTheConfigReads();
    const set = Object.keys(compose.services.cms.environment!);
    expect(set.filter((name) => !read.has(name) && !READ_BY_STRAPI.includes(name))).toEqual([]);
    for (const secret of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'CASEBOOK_SECRET']) {
      expect(set).toContain(secret);
    }
    expect(compose.services.cms.environment!.DATABASE_CLIENT).toBe('postgres');
  });
});
