import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MissingSecretsError, SECRET_NAMES, ensureSecrets } from '../secrets';

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

  test('in production, starts when every secret is set', () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
    for (const name of SECRET_NAMES) env[name] = `${name.toLowerCase()}-value-0123456789`;
    expect(() => ensureSecrets(env, tempEnvFile())).not.toThrow();
  });
});
