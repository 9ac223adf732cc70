import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Strapi's signing and encryption secrets. Each entry says how to make a fresh value
 * for a development machine; production must bring its own.
 */
const SECRET_GENERATORS = {
  APP_KEYS: () => Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(','),
  API_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  ADMIN_JWT_SECRET: () => randomBytes(32).toString('base64'),
  TRANSFER_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  JWT_SECRET: () => randomBytes(32).toString('base64'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  CASEBOOK_SECRET: () => randomBytes(32).toString('base64'),
} as const;

export type SecretName = keyof typeof SECRET_GENERATORS;
export const SECRET_NAMES = Object.keys(SECRET_GENERATORS) as SecretName[];

/** cms/, wherever the compiled config runs from (cms/dist/src/env or cms/src/env). */
export const APP_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

export class MissingSecretsError extends Error {
  constructor(readonly missing: SecretName[]) {
    super(
      `Casebook refuses to start in production without these secrets: ${missing.join(', ')}. ` +
        'Set them in the environment (see README.md, "Configuration"); they are generated automatically only in development.',
    );
    this.name = 'MissingSecretsError';
  }
}

const parseEnvFile = (text: string): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
};

/**
 * What production accepts as a secret. 24 characters is what 16 random bytes make in base64, the size Strapi
 * itself generates; fewer than 10 different characters is a pattern, not a random value.
 */
export const SECRET_RULES = { minLength: 24, minDistinctCharacters: 10, minAppKeys: 2 } as const;

/** Words of example and placeholder values (Strapi's toBeModified, changeme …), compared without case and punctuation. */
const PLACEHOLDER_WORDS = ['tobemodified', 'changeme', 'changethis', 'replaceme', 'placeholder', 'example', 'secret', 'password', 'insecure'];

/** The example env files of the repository, whose values are public and so never secrets. */
const EXAMPLE_ENV_FILES = ['.env.example', '.env.sample'].flatMap((name) => [path.join(APP_DIR, name), path.join(APP_DIR, '..', name)]);

const readExampleValues = (): Set<string> =>
  new Set(
    EXAMPLE_ENV_FILES.filter((file) => fs.existsSync(file)).flatMap((file) =>
      Object.values(parseEnvFile(fs.readFileSync(file, 'utf8'))).flatMap((value) => value.split(',').map((part) => part.trim())),
    ),
  );

export class WeakSecretsError extends Error {
  constructor(readonly problems: Array<{ names: string[]; reason: string }>) {
    super(
      `Casebook refuses to start in production with weak or example secrets: ${problems
        .map((problem) => `${problem.names.join(' and ')} (${problem.reason})`)
        .join('; ')}. ` +
        `Give each its own random value, for example: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))" ` +
        `(APP_KEYS: ${SECRET_RULES.minAppKeys} or more such values, comma-separated). See README.md, "Configuration".`,
    );
    this.name = 'WeakSecretsError';
  }
}

const normalised = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Every reason a production secret is refused, naming variables and never printing a value. */
export const weakSecrets = (env: NodeJS.ProcessEnv, exampleValues: ReadonlySet<string> = readExampleValues()) => {
  const problems: Array<{ names: string[]; reason: string }> = [];
  const valuesOf = (name: SecretName) => (name === 'APP_KEYS' ? env[name]!.split(',').map((key) => key.trim()) : [env[name]!.trim()]);

  for (const name of SECRET_NAMES) {
    const values = valuesOf(name);
    const what = name === 'APP_KEYS' ? 'a key' : 'the value';
    if (name === 'APP_KEYS' && values.filter(Boolean).length < SECRET_RULES.minAppKeys) {
      problems.push({ names: [name], reason: `needs at least ${SECRET_RULES.minAppKeys} comma-separated keys` });
    }
    if (values.some((value) => exampleValues.has(value) || PLACEHOLDER_WORDS.some((word) => normalised(value).includes(word)))) {
      problems.push({ names: [name], reason: `${what} is an example or placeholder` });
    } else if (values.some((value) => value.length < SECRET_RULES.minLength)) {
      problems.push({ names: [name], reason: `${what} is shorter than ${SECRET_RULES.minLength} characters` });
    } else if (values.some((value) => new Set(value).size < SECRET_RULES.minDistinctCharacters)) {
      problems.push({ names: [name], reason: `${what} has fewer than ${SECRET_RULES.minDistinctCharacters} different characters` });
    }
  }

  // One value in two places: two secrets, or two of the APP_KEYS.
  const holders = new Map<string, SecretName[]>();
  for (const name of SECRET_NAMES) {
    for (const value of valuesOf(name).filter(Boolean)) holders.set(value, [...(holders.get(value) ?? []), name]);
  }
  const reported = new Set<string>();
  for (const names of holders.values()) {
    const distinct = [...new Set(names)];
    const key = distinct.join(' and ');
    if (names.length < 2 || reported.has(key)) continue;
    reported.add(key);
    problems.push({ names: distinct, reason: distinct.length > 1 ? 'the same value' : 'a key appears twice' });
  }
  return problems;
};

/**
 * Whether this process is `strapi build`, which reads the config only for the admin's URLs. An image is built
 * without secrets (it must not hold any) and with NODE_ENV=production, so the production check waits for the start.
 */
const isStrapiBuild = (argv: readonly string[]) => /[\\/]strapi(\.js)?$/.test(argv[1] ?? '') && argv[2] === 'build';

/**
 * Makes sure every secret is in process.env before Strapi reads its config.
 * In development a missing secret is generated once and appended to cms/.env (git-ignored),
 * so restarts keep sessions and tokens valid; in production a missing, weak or example secret is fatal.
 */
export const ensureSecrets = (
  env: NodeJS.ProcessEnv = process.env,
  envFile = path.join(APP_DIR, '.env'),
  argv: readonly string[] = process.argv,
): void => {
  const missing = SECRET_NAMES.filter((name) => !env[name] || env[name]!.trim() === '');
  if (env.NODE_ENV === 'production') {
    if (isStrapiBuild(argv)) return;
    if (missing.length > 0) throw new MissingSecretsError(missing);
    const problems = weakSecrets(env);
    if (problems.length > 0) throw new WeakSecretsError(problems);
    return;
  }
  if (missing.length === 0) return;

  const stored = fs.existsSync(envFile) ? parseEnvFile(fs.readFileSync(envFile, 'utf8')) : {};
  const generated: string[] = [];
  for (const name of missing) {
    if (!stored[name]) {
      stored[name] = SECRET_GENERATORS[name]();
      generated.push(`${name}=${stored[name]}`);
    }
    env[name] = stored[name];
  }
  if (generated.length > 0) {
    fs.appendFileSync(envFile, `# generated by Casebook for development on ${new Date().toISOString()}\n${generated.join('\n')}\n`, {
      mode: 0o600,
    });
  }
};
