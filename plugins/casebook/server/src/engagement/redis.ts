import Redis from 'ioredis';

/** Where the shared rate-limit counts stand: in Redis, kept in this process while Redis is away, or in this process by design. */
export const REDIS_STATUSES = ['ok', 'down', 'not-configured'] as const;
export type RedisStatus = (typeof REDIS_STATUSES)[number];

/** Redis as the health check shows it: its status and, when REDIS_URL is set, since when. */
export type RedisState = { status: RedisStatus; since?: Date };

/** Where connection changes are reported: Strapi's logger (strapi.log) in the app. */
export type ConnectionLog = { error(message: string): void; info(message: string): void };

export type RedisConnection = {
  client: Redis;
  state(): RedisState;
  /** Waits up to `timeoutMs` for Redis to answer; false (and Redis counts as down, logged once) when it did not. */
  ready(timeoutMs: number): Promise<boolean>;
  close(): void;
};

/** REDIS_URL without its user and password, for messages: `redis://host:port`. */
export const redisLocation = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparsable URL';
  }
};

/** Production's refusal to start with a REDIS_URL it cannot reach (the URL named without its credentials). */
export class RedisUnreachableError extends Error {
  constructor(url: string, timeoutMs: number) {
    super(
      `Casebook refuses to start in production: Redis (REDIS_URL, ${redisLocation(url)}) cannot be reached within ${timeoutMs / 1000} s. ` +
        'Without it every CMS instance would grant a vote and read allowance of its own. Start Redis or correct REDIS_URL; ' +
        'unset REDIS_URL only for a single instance.',
    );
    this.name = 'RedisUnreachableError';
  }
}

const ON_ITS_OWN = 'rate limits count in this process, and every CMS instance grants an allowance of its own';

/**
 * A Redis connection whose state follows ioredis's events: 'ready' is up; 'error', 'close' and 'end' are down.
 * Each change is logged once, however many requests fail or reconnection attempts ioredis makes meanwhile
 * (it keeps trying, a few hundred milliseconds to two seconds apart): an error when Redis cannot be reached or
 * goes away, information when it comes back. Commands fail at once while it is down (no offline queue), so the
 * rate limits' in-memory stand-in answers instead of requests waiting.
 */
export const connectRedis = (url: string, log: ConnectionLog): RedisConnection => {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let phase: 'connecting' | 'up' | 'down' = 'connecting';
  let since = new Date();
  let closing = false;

  const goDown = (reason: string) => {
    if (closing || phase === 'down') return;
    const wasUp = phase === 'up';
    phase = 'down';
    since = new Date();
    log.error(
      wasUp
        ? `[casebook] Redis (REDIS_URL) went away (${reason}): until it is back, ${ON_ITS_OWN}`
        : `[casebook] Redis (REDIS_URL) cannot be reached (${reason}): until it can, ${ON_ITS_OWN}`,
    );
  };

  client.on('ready', () => {
    const downFor = phase === 'down' ? Math.round((Date.now() - since.getTime()) / 1000) : undefined;
    phase = 'up';
    since = new Date();
    log.info(
      downFor === undefined
        ? '[casebook] Redis (REDIS_URL) connected: rate limits are shared by every CMS instance'
        : `[casebook] Redis (REDIS_URL) is back after ${downFor} s: rate limits are shared by every CMS instance again`,
    );
  });
  client.on('error', (error: Error) => goDown(error.message));
  client.on('close', () => goDown('connection closed'));
  client.on('end', () => goDown('connection ended'));

  return {
    client,
    state: () => ({ status: phase === 'up' ? 'ok' : 'down', since }),
    ready(timeoutMs) {
      if (phase === 'up') return Promise.resolve(true);
      return new Promise((resolve) => {
        const settle = (ready: boolean) => {
          clearTimeout(timer);
          client.off('ready', onReady);
          if (!ready) goDown(`no answer within ${timeoutMs / 1000} s`);
          resolve(ready);
        };
        const onReady = () => settle(true);
        const timer = setTimeout(() => settle(false), timeoutMs);
        client.once('ready', onReady);
      });
    },
    close() {
      closing = true;
      client.disconnect();
    },
  };
};
