import { winston } from '@strapi/logger';
import loggerConfig from '../../config/logger';

/** The env helper Strapi hands config files, reading from `values`. */
const envOf = (values: Record<string, string>) =>
  Object.assign((key: string, fallback?: unknown) => values[key] ?? fallback, {}) as never;

const LEVELS = winston.config.npm.levels as Record<string, number>;

/** The levels the configured console transport writes: winston's own level gate, then the transport's format. */
const writtenLevels = (values: Record<string, string>) => {
  const [transport] = (loggerConfig as (params: { env: never }) => { transports: winston.transport[] })({ env: envOf(values) }).transports;
  return Object.keys(LEVELS).filter((level) => {
    if (LEVELS[level]! > LEVELS[transport!.level!]!) return false;
    const info = { level, message: 'x', [Symbol.for('level')]: level };
    return transport!.format!.transform(info, (transport!.format as { options?: object }).options) !== false;
  });
};

test.each([
  ['http (the default)', {}, ['error', 'warn', 'info', 'http']],
  ['warn', { LOG_LEVEL: 'warn' }, ['error', 'warn']],
  ['debug', { LOG_LEVEL: 'debug' }, ['error', 'warn', 'info', 'http', 'verbose', 'debug']],
])('LOG_LEVEL %s writes that level and every level above it', (_name, values, expected) => {
  expect(writtenLevels(values)).toEqual(expected);
});
