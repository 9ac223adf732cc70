export const VOTE_RULES = ['per-day', 'per-campaign', 'unlimited'] as const;
/** How often one voter may vote for one case: once a day, once per campaign, or without limit. */
export type VoteRule = (typeof VOTE_RULES)[number];

/**
 * Who may register the first super admin on Strapi's registration page while no admin exists: anyone, only a
 * request from this machine's own address, or nobody (then CASEBOOK_ADMIN_EMAIL/PASSWORD create the admin).
 */
export const ADMIN_REGISTRATION = { open: 'open to anyone', loopback: 'open from this machine only', closed: 'closed' } as const;
export type AdminRegistration = keyof typeof ADMIN_REGISTRATION;
const ADMIN_REGISTRATION_MODES = Object.keys(ADMIN_REGISTRATION) as AdminRegistration[];

export type CasebookConfig = {
  /** Server-side secret (CASEBOOK_SECRET) for hashes the plugin must not be able to reverse, such as voter keys. */
  secret?: string;
  /** Batch GraphQL relation fields per request (one query per field). Off only to measure Strapi's own resolvers. */
  batching?: boolean;
  votes?: {
    rule?: VoteRule;
    /** The time zone whose calendar day the per-day rule counts in (an IANA name). */
    timeZone?: string;
    /** Vote requests per minute per client address and per voter; 0 switches the limit off. */
    ratePerMinute?: number;
  };
  views?: {
    /** Reads of one case by one voter within this many minutes count once. */
    windowMinutes?: number;
    /** View requests per minute per client address and per voter; 0 switches the limit off. */
    ratePerMinute?: number;
  };
  /** Redis shared by every CMS instance for the rate limits; in-process memory when absent. */
  redisUrl?: string;
  /** Unset: closed in production, loopback elsewhere. */
  adminRegistration?: AdminRegistration;
  /** How long CDNs may keep public GraphQL reads of published content (graphql/cache-policy.ts), in seconds. */
  cache?: {
    /** s-maxage: how long a shared cache serves an answer without asking; 0: it asks every time (ETag, 304). */
    sMaxAge?: number;
    /** stale-while-revalidate: how long after that it may still serve it while it fetches a fresh one. */
    staleWhileRevalidate?: number;
  };
};

const DEFAULT_CONFIG = {
  batching: true,
  votes: { rule: 'per-day', timeZone: 'Asia/Shanghai', ratePerMinute: 30 },
  views: { windowMinutes: 30, ratePerMinute: 120 },
  cache: { sMaxAge: 60, staleWhileRevalidate: 300 },
} satisfies CasebookConfig;

const isWholeNumber = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

export default {
  default: (): CasebookConfig => DEFAULT_CONFIG,
  validator(config: CasebookConfig) {
    if (config.batching !== undefined && typeof config.batching !== 'boolean') throw new Error('casebook.batching must be a boolean');
    if (config.secret !== undefined && (typeof config.secret !== 'string' || config.secret.length < 16)) {
      throw new Error('casebook.secret (CASEBOOK_SECRET) must be a string of at least 16 characters');
    }
    const { votes = {}, views = {} } = config;
    if (votes.rule !== undefined && !(VOTE_RULES as readonly string[]).includes(votes.rule)) {
      throw new Error(`casebook.votes.rule (CASEBOOK_VOTE_RULE) must be one of ${VOTE_RULES.join(', ')}, not ${String(votes.rule)}`);
    }
    if (votes.timeZone !== undefined && !isTimeZone(votes.timeZone)) {
      throw new Error(`casebook.votes.timeZone (CASEBOOK_VOTE_TIME_ZONE) is not a time zone: ${votes.timeZone}`);
    }
    if (votes.ratePerMinute !== undefined && !isWholeNumber(votes.ratePerMinute)) {
      throw new Error('casebook.votes.ratePerMinute (CASEBOOK_VOTE_RATE_LIMIT) must be a whole number, 0 for no limit');
    }
    if (views.ratePerMinute !== undefined && !isWholeNumber(views.ratePerMinute)) {
      throw new Error('casebook.views.ratePerMinute (CASEBOOK_VIEW_RATE_LIMIT) must be a whole number, 0 for no limit');
    }
    if (views.windowMinutes !== undefined && (!isWholeNumber(views.windowMinutes) || views.windowMinutes < 1)) {
      throw new Error('casebook.views.windowMinutes (CASEBOOK_VIEW_WINDOW_MINUTES) must be a whole number of minutes, at least 1');
    }
    const { cache = {} } = config;
    if (cache.sMaxAge !== undefined && !isWholeNumber(cache.sMaxAge)) {
      throw new Error('casebook.cache.sMaxAge (CASEBOOK_CACHE_S_MAXAGE) must be a whole number of seconds, 0 to revalidate every time');
    }
    if (cache.staleWhileRevalidate !== undefined && !isWholeNumber(cache.staleWhileRevalidate)) {
      throw new Error('casebook.cache.staleWhileRevalidate (CASEBOOK_CACHE_STALE_WHILE_REVALIDATE) must be a whole number of seconds');
    }
    if (config.adminRegistration !== undefined && !(ADMIN_REGISTRATION_MODES as readonly string[]).includes(config.adminRegistration)) {
      throw new Error(
        `casebook.adminRegistration (CASEBOOK_ADMIN_REGISTRATION) must be one of ${ADMIN_REGISTRATION_MODES.join(', ')}, not ${String(config.adminRegistration)}`,
      );
    }
    if (config.redisUrl !== undefined && config.redisUrl !== '' && !/^rediss?:\/\//.test(config.redisUrl)) {
      // Not the value itself: a URL carries its password.
      const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(config.redisUrl)?.[1];
      throw new Error(`casebook.redisUrl (REDIS_URL) must be a redis:// or rediss:// URL, not ${scheme ? `a ${scheme}:// one` : 'one without a scheme'}`);
    }
  },
};
