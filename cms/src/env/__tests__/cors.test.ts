import { env } from '@strapi/utils';
import { CORS_HEADERS, corsConfig } from '../cors';

/** corsConfig as Strapi would call it, with exactly `vars` in the environment. */
const configWith = (vars: Record<string, string>) => {
  const saved = { ...process.env };
  for (const key of ['NODE_ENV', 'CASEBOOK_CORS_ORIGINS', 'CASEBOOK_CORS_HEADERS']) delete process.env[key];
  Object.assign(process.env, vars);
  try {
    return corsConfig(env);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
};

describe('corsConfig', () => {
  test('allows the configured origins, the headers the SDK sends, and never credentials', () => {
    const config = configWith({ NODE_ENV: 'production', CASEBOOK_CORS_ORIGINS: ' https://showcase.example.org , http://localhost:5173' });
    expect(config.origin).toEqual(['https://showcase.example.org', 'http://localhost:5173']);
    expect(config.headers).toEqual(expect.arrayContaining(['Idempotency-Key', 'Authorization', 'Content-Type']));
    expect(config.expose).toEqual(expect.arrayContaining(['Retry-After', 'ETag']));
    expect(config.credentials).toBe(false);
  });

  test('without CASEBOOK_CORS_ORIGINS, development allows any origin and production none', () => {
    expect(configWith({ NODE_ENV: 'development' }).origin).toEqual(['*']);
    expect(configWith({}).origin).toEqual(['*']);
    expect(configWith({ NODE_ENV: 'production' }).origin).toEqual(['']);
    expect(configWith({ NODE_ENV: 'production', CASEBOOK_CORS_ORIGINS: '*' }).origin).toEqual(['*']);
  });

  test('adds the front end\'s own headers from CASEBOOK_CORS_HEADERS', () => {
    expect(configWith({ CASEBOOK_CORS_HEADERS: 'X-Front-End, X-Request-Id' }).headers).toEqual([...CORS_HEADERS, 'X-Front-End', 'X-Request-Id']);
  });

  test.each([
    ['a trailing slash', 'https://showcase.example.org/'],
    ['a path', 'https://showcase.example.org/cases'],
    ['no scheme', 'showcase.example.org'],
    ['another scheme', 'ftp://showcase.example.org'],
    ['a space inside', 'https://show case.example.org'],
  ])('refuses an origin with %s, naming it', (_, origin) => {
    expect(() => configWith({ CASEBOOK_CORS_ORIGINS: `https://ok.example.org,${origin}` })).toThrow(`CASEBOOK_CORS_ORIGINS: ${JSON.stringify(origin)} is no origin`);
  });

  test('refuses a header name that is none', () => {
    expect(() => configWith({ CASEBOOK_CORS_HEADERS: 'X-Ok, X Bad' })).toThrow('CASEBOOK_CORS_HEADERS: "X Bad" is no header name');
  });
});
