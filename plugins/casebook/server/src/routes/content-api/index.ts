import { ENGAGEMENT_ACTIONS } from '../../constants';

/**
 * Votes, reads, counters and the ranking belong to the public: the Public role decides them for every caller,
 * and a caller with an API token is just another visitor (a read-only token reads counters like anyone). They
 * skip Strapi's per-request authentication, which costs the writes half their speed (a permissions query and an
 * ability built per request), and ask a cached copy of the Public role's permissions instead.
 */
const anonymous = (action: string) => ({ auth: false as const, policies: [{ name: 'plugin::casebook.public-grant', config: { action } }] });

/**
 * Votes, reads, counters and the ranking over REST, under /api/casebook: the GraphQL mutations' and fields'
 * mirrors. Each handler is a users-permissions action the Public role holds (ENGAGEMENT_ACTIONS). Beside them,
 * the health check.
 */
export default {
  type: 'content-api' as const,
  routes: [
    { method: 'POST', path: '/cases/:documentId/votes', handler: 'engagement.vote', config: anonymous(ENGAGEMENT_ACTIONS.vote) },
    { method: 'POST', path: '/cases/:documentId/views', handler: 'engagement.view', config: anonymous(ENGAGEMENT_ACTIONS.view) },
    { method: 'GET', path: '/counters', handler: 'engagement.counters', config: anonymous(ENGAGEMENT_ACTIONS.counters) },
    { method: 'GET', path: '/ranking', handler: 'engagement.ranking', config: anonymous(ENGAGEMENT_ACTIONS.ranking) },
    // Readiness for load balancers and the compose healthcheck: no credentials, no Public-role permission, no rate limit.
    { method: 'GET', path: '/health', handler: 'health.check', config: { auth: false as const } },
  ],
};
