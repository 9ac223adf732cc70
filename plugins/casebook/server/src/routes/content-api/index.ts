/**
 * Votes, reads, counters and the ranking over REST, under /api/casebook: the GraphQL mutations' and fields'
 * mirrors. Each handler is a users-permissions action the Public role holds (ENGAGEMENT_ACTIONS).
 */
export default {
  type: 'content-api' as const,
  routes: [
    { method: 'POST', path: '/cases/:documentId/votes', handler: 'engagement.vote', config: {} },
    { method: 'POST', path: '/cases/:documentId/views', handler: 'engagement.view', config: {} },
    { method: 'GET', path: '/counters', handler: 'engagement.counters', config: {} },
    { method: 'GET', path: '/ranking', handler: 'engagement.ranking', config: {} },
  ],
};
