import type { Core } from '@strapi/strapi';
import { engagementOf, type RedisStatus } from '../engagement';
import { searchIndexOf } from '../showcase';
import { serviceAccessor } from '../plugin-services';

/**
 * The instance as a whole: `ok`; `degraded` when it serves but something is missing (Redis away: votes and
 * reads are rate-limited in this process meanwhile; a search index that is unreadable or does not match the
 * published cases); `down` when it cannot serve (the database does not answer).
 */
export const HEALTH_STATUSES = ['ok', 'degraded', 'down'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** The search index: `stale` when it does not hold exactly the published cases, `unknown` while the database is down. */
export const SEARCH_INDEX_STATUSES = ['ok', 'stale', 'down', 'unknown'] as const;
export type SearchIndexStatus = (typeof SEARCH_INDEX_STATUSES)[number];

/** What GET /api/casebook/health answers: states, counts and times only, never an address or an error's text. */
export type Health = {
  status: HealthStatus;
  checks: {
    database: { status: 'ok'; latencyMs: number } | { status: 'down' };
    /** `since`: when Redis last came or went (ISO 8601); absent when REDIS_URL is not set. */
    redis: { status: RedisStatus; since?: string };
    searchIndex: { status: Extract<SearchIndexStatus, 'ok' | 'stale'>; cases: number } | { status: Exclude<SearchIndexStatus, 'ok' | 'stale'> };
  };
};

/** A check that takes longer than this counts as down: a load balancer's own timeout is a few seconds. */
const CHECK_TIMEOUT_MS = 3000;

class CheckTimeout extends Error {
  constructor() {
    super(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`);
  }
}

const withinTimeout = async <T>(work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Readiness for a load balancer or a container healthcheck (liveness stays Strapi's /_health): one round trip
 * to the database, the search index's size and freshness, and Redis's state as the rate limits last saw it
 * (no Redis command: ioredis's events keep it current). A check that fails is logged when it starts failing
 * and when it recovers, not at every poll.
 */
const healthService = ({ strapi }: { strapi: Core.Strapi }) => {
  const failing = new Set<string>();
  const noteFailure = (check: string, reason: string) => {
    if (failing.has(check)) return;
    failing.add(check);
    strapi.log.error(`[casebook] health: ${check} is failing (${reason})`);
  };
  const noteSuccess = (check: string) => {
    if (failing.delete(check)) strapi.log.info(`[casebook] health: ${check} answers again`);
  };
  const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const database = async (): Promise<Health['checks']['database']> => {
    const started = process.hrtime.bigint();
    try {
      await withinTimeout(strapi.db.connection.raw('select 1'));
    } catch (error) {
      noteFailure('the database', reasonOf(error));
      return { status: 'down' };
    }
    noteSuccess('the database');
    return { status: 'ok', latencyMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10 };
  };

  const searchIndex = async (): Promise<Health['checks']['searchIndex']> => {
    const index = searchIndexOf(strapi);
    try {
      const [cases, fresh] = await withinTimeout(Promise.all([index.size(), index.isFresh()]));
      noteSuccess('the search index');
      return { status: fresh ? 'ok' : 'stale', cases };
    } catch (error) {
      noteFailure('the search index', reasonOf(error));
      return { status: 'down' };
    }
  };

  return {
    async check(): Promise<Health> {
      const redisState = engagementOf(strapi).redis();
      const redis = { status: redisState.status, ...(redisState.since && { since: redisState.since.toISOString() }) };
      const db = await database();
      const index: Health['checks']['searchIndex'] = db.status === 'ok' ? await searchIndex() : { status: 'unknown' };
      const status: HealthStatus = db.status === 'down' ? 'down' : redis.status === 'down' || index.status !== 'ok' ? 'degraded' : 'ok';
      return { status, checks: { database: db, redis, searchIndex: index } };
    },
  };
};

export default healthService;

export type HealthService = ReturnType<typeof healthService>;

/** The `health` service of a running Strapi. */
export const healthOf = serviceAccessor<HealthService>('health');
