import { errors } from '@strapi/utils';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectRedis, type ConnectionLog, type RedisState } from './redis';

export type EngagementAction = 'vote' | 'view';

export type RateLimitOptions = {
  /** Requests per minute per key, by action; 0 switches an action's limit off. */
  perMinute: Record<EngagementAction, number>;
  /** Shared counts for every CMS instance; each process counts on its own without it. */
  redisUrl?: string;
  /** Where Redis's comings and goings are logged (an error when it cannot be reached or goes away). */
  log: ConnectionLog;
};

export type RateLimits = {
  /**
   * Takes one request of `action` from each key's allowance (the client address's and the voter's).
   * @throws RateLimitError, with `retryAfter` in seconds, when any key has none left.
   */
  consume(action: EngagementAction, keys: string[]): Promise<void>;
  /** Waits for Redis (when configured) up to `timeoutMs`; false when it could not be reached meanwhile. */
  ready(timeoutMs?: number): Promise<boolean>;
  /** Whether the counts are in Redis right now (`ok`), kept in this process while it is away (`down`), or by design. */
  redis(): RedisState;
  close(): void;
};

/**
 * Per-minute allowances for votes and views, kept by rate-limiter-flexible: in Redis when REDIS_URL is set,
 * so that every CMS instance draws on the same allowance (with an in-memory limiter standing in while Redis
 * cannot be reached: commands fail fast rather than queue), in this process's memory otherwise.
 */
export const createRateLimits = ({ perMinute, redisUrl, log }: RateLimitOptions): RateLimits => {
  // An unreachable Redis must not take voting down: the insurance limiter answers meanwhile, and ioredis reconnects.
  const redis = redisUrl ? connectRedis(redisUrl, log) : undefined;

  const limiterFor = (action: EngagementAction): RateLimiterAbstract | undefined => {
    const points = perMinute[action];
    if (!points) return undefined;
    const options = { keyPrefix: `casebook:${action}`, points, duration: 60 };
    return redis
      ? new RateLimiterRedis({ ...options, storeClient: redis.client, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  };
  const limiters: Record<EngagementAction, RateLimiterAbstract | undefined> = { vote: limiterFor('vote'), view: limiterFor('view') };

  return {
    async consume(action, keys) {
      const limiter = limiters[action];
      if (!limiter) return;
      const results = await Promise.allSettled(keys.map((key) => limiter.consume(key)));
      const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      if (refused.length === 0) return;
      const waits = refused.map((reason) => {
        if (reason instanceof RateLimiterRes) return reason.msBeforeNext;
        throw reason;
      });
      const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      throw new errors.RateLimitError(`Too many ${action} requests: at most ${perMinute[action]} a minute. Try again in ${retryAfter} s.`, {
        retryAfter,
        limit: perMinute[action],
      });
    },
    ready(timeoutMs = 2000) {
      return redis ? redis.ready(timeoutMs) : Promise.resolve(true);
    },
    redis() {
      return redis ? redis.state() : { status: 'not-configured' };
    },
    close() {
      // Counts in Redis expire on their own: nothing to flush.
      redis?.close();
    },
  };
};
