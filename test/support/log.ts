import type { Core } from '@strapi/strapi';

export type LogEntry = { level: string; message: string };

export type LogCapture = {
  /** Every line the app's transports wrote since it was attached, oldest first. */
  readonly entries: LogEntry[];
  /** Takes over the transports of a Strapi that has not loaded yet (bootCasebook's `onCreate`). */
  attach(strapi: Core.Strapi): void;
  /** The entries of `level` whose message matches `pattern`. */
  find(level: string, pattern: RegExp): LogEntry[];
};

/**
 * Keeps what Strapi's configured log transports would write (cms/config/logger.ts: the console at LOG_LEVEL),
 * instead of writing it: a transport receives only the lines its level and format let through, so a line
 * found here is a line an operator would see at that LOG_LEVEL.
 */
export const captureLog = (): LogCapture => {
  const entries: LogEntry[] = [];
  return {
    entries,
    attach(strapi) {
      const logger = strapi.log as unknown as { transports: Array<{ log(info: Record<string | symbol, unknown>, next: () => void): void }> };
      for (const transport of logger.transports) {
        transport.log = (info, next) => {
          entries.push({ level: String(info[Symbol.for('level')]), message: String(info.message) });
          next();
        };
      }
    },
    find(level, pattern) {
      return entries.filter((entry) => entry.level === level && pattern.test(entry.message));
    },
  };
};
