import { errors } from '@strapi/utils';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export type EngagementAction = 'vote' | 'view';

export type RateLimitOptions = {
  /** Requests per minute per key, by action; 0 switches an action's limit off. */
  perMinute: Record<EngagementAction, number>;
  /** Shared counts for every CMS instance; each process counts on its own without it. */
  redisUrl?: string;
};

export type RateLimits = {
  /**
   * Takes one request of `action` from each key's allowance (the client address's and the voter's).
   * @throws RateLimitError, with `retryAfter` in seconds, when any key has none left.
   */
  consume(action: EngagementAction, keys: string[]): Promise<void>;
  /** Waits for Redis (when configured) up to `timeoutMs`; false when it could not be reached meanwhile. */
  ready(timeoutMs?: number): Promise<boolean>;
  close(): void;
};

/**
 * Per-minute allowances for votes and views, kept by rate-limiter-flexible: in Redis when REDIS_URL is set,
 * so that every CMS instance draws on the same allowance (with an in-memory limiter standing in while Redis
 * cannot be reached: commands fail fast rather than queue), in this process's memory otherwise.
 */
export const createRateLimits = ({ perMinute, redisUrl }: RateLimitOptions): RateLimits => {
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
  // An unreachable Redis must not take voting down: the insurance limiter answers meanwhile, and ioredis reconnects.
  redis?.on('error', () => undefined);

  const limiterFor = (action: EngagementAction): RateLimiterAbstract | undefined => {
    const points = perMinute[action];
    if (!points) return undefined;
    const options = { keyPrefix: `casebook:${action}`, points, duration: 60 };
    return redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
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
      if (!redis || redis.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const settle = (ready: boolean) => {
          clearTimeout(timer);
          redis.off('ready', onReady);
          resolve(ready);
        };
        const onReady = () => settle(true);
        const timer = setTimeout(() => settle(false), timeoutMs);
        redis.once('ready', onReady);
      });
    },
    close() {
      // Counts in Redis expire on their own: nothing to flush.
      redis?.disconnect();
    },
  };
};
