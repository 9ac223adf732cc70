import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { MissingSecretsError, SECRET_NAMES, WeakSecretsError, ensureSecrets, weakSecrets } from '../secrets';

/** What an operator should bring: every secret its own random value, APP_KEYS four of them. */
const strongSecrets = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
  for (const name of SECRET_NAMES) env[name] = randomBytes(32).toString('base64');
  env.APP_KEYS = Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(',');
  return env;
};

const tempEnvFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-secrets-')), '.env');

describe('ensureSecrets', () => {
  test('in development, generates the missing secrets once into the .env file and reuses them', () => {
    const file = tempEnvFile();
    const first: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    ensureSecrets(first, file);
    for (const name of SECRET_NAMES) expect(first[name]).toMatch(/\S{16,}/);
    expect(first.APP_KEYS!.split(',')).toHaveLength(4);

    const second: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    ensureSecrets(second, file);
    for (const name of SECRET_NAMES) expect(second[name]).toBe(first[name]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('keeps secrets that the environment already sets', () => {
    const file = tempEnvFile();
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', JWT_SECRET: 'from-the-environment' };
    ensureSecrets(env, file);
    expect(env.JWT_SECRET).toBe('from-the-environment');
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/^JWT_SECRET=/m);
  });

  test('in production, refuses to start and names every missing secret', () => {
    const file = tempEnvFile();
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', APP_KEYS: 'a,b' };
    expect(() => ensureSecrets(env, file)).toThrow(MissingSecretsError);
    expect(() => ensureSecrets(env, file)).toThrow(/API_TOKEN_SALT, ADMIN_JWT_SECRET/);
    expect(fs.existsSync(file)).toBe(false);
  });

  test.each([['/app/node_modules/@strapi/strapi/bin/strapi.js'], ['/app/node_modules/.bin/strapi']])(
    'in production, `strapi build` (%s) needs no secret and writes none: an image is built without them',
    (script) => {
      const file = tempEnvFile();
      const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
      expect(() => ensureSecrets(env, file, ['/usr/bin/node', script, 'build'])).not.toThrow();
      expect(fs.existsSync(file)).toBe(false);
      expect(env.JWT_SECRET).toBeUndefined();
      expect(() => ensureSecrets(env, file, ['/usr/bin/node', script, 'start'])).toThrow(MissingSecretsError);
    },
  );

  test('in production, starts when every secret is a strong value of its own', () => {
    const env = strongSecrets();
    const file = tempEnvFile();
    expect(() => ensureSecrets(env, file)).not.toThrow();
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('production refuses weak or example secrets', () => {
  test.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ["Strapi's example APP_KEYS", { APP_KEYS: 'toBeModified1,toBeModified2' }, /APP_KEYS \(a key is an example or placeholder\)/],
    ["Strapi's example salt", { API_TOKEN_SALT: 'tobemodified' }, /API_TOKEN_SALT \(the value is an example or placeholder\)/],
    ['changeme, however long', { JWT_SECRET: 'please-CHANGE_ME-0123456789abcdef' }, /JWT_SECRET \(the value is an example or placeholder\)/],
    ['a word such as password', { ENCRYPTION_KEY: 'Password1234567890abcdefghij' }, /ENCRYPTION_KEY \(the value is an example or placeholder\)/],
    ['a short value', { ADMIN_JWT_SECRET: 'k3Yq9vL2xR7m' }, /ADMIN_JWT_SECRET \(the value is shorter than 24 characters\)/],
    ['a long value of few characters', { TRANSFER_TOKEN_SALT: 'abababababababababababababababab' }, /TRANSFER_TOKEN_SALT \(the value has fewer than 10 different characters\)/],
    ['a single app key', { APP_KEYS: randomBytes(32).toString('base64') }, /APP_KEYS \(needs at least 2 comma-separated keys\)/],
    ['a short app key among long ones', { APP_KEYS: `${randomBytes(32).toString('base64')},k3Yq9vL2` }, /APP_KEYS \(a key is shorter than 24 characters\)/],
  ])('%s', (_what, override, message) => {
    const env = { ...strongSecrets(), ...override };
    expect(() => ensureSecrets(env, tempEnvFile())).toThrow(WeakSecretsError);
    expect(() => ensureSecrets(env, tempEnvFile())).toThrow(message);
  });

  test('one value in two secrets, or twice in APP_KEYS', () => {
    const env = strongSecrets();
    env.CASEBOOK_SECRET = env.JWT_SECRET;
    const key = randomBytes(16).toString('base64');
    env.APP_KEYS = `${key},${key}`;
    expect(weakSecrets(env, new Set())).toEqual([
      { names: ['APP_KEYS'], reason: 'a key appears twice' },
      { names: ['JWT_SECRET', 'CASEBOOK_SECRET'], reason: 'the same value' },
    ]);
  });

  test('a value from an example env file of the repository', () => {
    const env = strongSecrets();
    const published = env.ENCRYPTION_KEY!;
    expect(weakSecrets(env, new Set([published]))).toEqual([{ names: ['ENCRYPTION_KEY'], reason: 'the value is an example or placeholder' }]);
  });

  test('names every offending variable and never prints a value', () => {
    const env = { ...strongSecrets(), APP_KEYS: 'toBeModified1,toBeModified2', JWT_SECRET: 'short-jwt', API_TOKEN_SALT: 'tobemodified' };
    let message = '';
    try {
      ensureSecrets(env, tempEnvFile());
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Casebook refuses to start in production with weak or example secrets: APP_KEYS .*; API_TOKEN_SALT .*; JWT_SECRET /);
    for (const value of ['toBeModified1', 'short-jwt', 'tobemodified', env.ADMIN_JWT_SECRET!]) expect(message).not.toContain(value);
  });
});
