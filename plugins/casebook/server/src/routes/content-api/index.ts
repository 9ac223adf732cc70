import { ENGAGEMENT_ACTIONS } from '../../constants';

/**
 * The anonymous write routes skip Strapi's per-request authentication, which costs them half their speed (a
 * permissions query and an ability built per request), and ask a cached copy of the Public role's permissions
 * instead: the role still decides, and a caller with a token is just another visitor to them.
 */
const anonymous = (action: string) => ({ auth: false as const, policies: [{ name: 'plugin::casebook.public-grant', config: { action } }] });

/**
 * Votes, reads, counters and the ranking over REST, under /api/casebook: the GraphQL mutations' and fields'
 * mirrors. Each handler is a users-permissions action the Public role holds (ENGAGEMENT_ACTIONS).
 */
export default {
  type: 'content-api' as const,
  routes: [
    { method: 'POST', path: '/cases/:documentId/votes', handler: 'engagement.vote', config: anonymous(ENGAGEMENT_ACTIONS.vote) },
    { method: 'POST', path: '/cases/:documentId/views', handler: 'engagement.view', config: anonymous(ENGAGEMENT_ACTIONS.view) },
    { method: 'GET', path: '/counters', handler: 'engagement.counters', config: {} },
    { method: 'GET', path: '/ranking', handler: 'engagement.ranking', config: {} },
  ],
};
