/** Votes, reads, their counters and rate limits: the engagement service, and the tables it owns and creates. */
export { default as engagementService, engagementOf, type Counters, type EngagementService, type ViewResult, type Visitor, type VoteResult } from './service';
export { REDIS_STATUSES, RedisUnreachableError, type RedisState, type RedisStatus } from './redis';
export { BALLOTS_TABLE, COUNTERS_TABLE } from './tables';
export { timeIn } from './keys';
