import { ADMIN_PERMISSIONS, CASE_PERMISSIONS, type AdminPermission } from '../../admin-permissions';

/**
 * An admin session (or admin token) whose role holds every one of `permissions` (Settings → Roles); anyone
 * else is refused with 401 (no session) or 403. Strapi's own admin routes guard themselves the same way.
 */
const allowed = (...permissions: AdminPermission[]) => ({
  policies: [
    'admin::isAuthenticatedAdmin',
    { name: 'admin::hasPermissions', config: { actions: permissions.map(({ action, subject }) => (subject ? { action, subject } : action)) } },
  ],
});

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/overview', handler: 'overview.summary', config: allowed(ADMIN_PERMISSIONS.readOverview) },
    { method: 'POST', path: '/import/preview', handler: 'import.preview', config: allowed(ADMIN_PERMISSIONS.import) },
    // Writes cases: the Content Manager's create on cases too; with `publish: true` also its publish (the
    // controller checks that one, as it depends on the body).
    { method: 'POST', path: '/import', handler: 'import.confirm', config: allowed(ADMIN_PERMISSIONS.import, CASE_PERMISSIONS.create) },
    { method: 'GET', path: '/source-documents', handler: 'import.list', config: allowed(ADMIN_PERMISSIONS.import) },
    // The case list's votes and views columns (the same answer as the public counters route): whoever reads the list.
    { method: 'GET', path: '/counters', handler: 'engagement.counters', config: allowed(CASE_PERMISSIONS.read) },
    // The case list's province and review-state columns: whoever reads the list.
    { method: 'GET', path: '/case-list', handler: 'case-list.facts', config: allowed(CASE_PERMISSIONS.read) },
    { method: 'GET', path: '/voting', handler: 'voting.switchState', config: allowed(ADMIN_PERMISSIONS.readVoting) },
    { method: 'PUT', path: '/voting', handler: 'voting.switch', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.switchVoting) },
    { method: 'GET', path: '/review/queue', handler: 'review.queue', config: allowed(ADMIN_PERMISSIONS.review) },
    { method: 'GET', path: '/review/cases/:documentId/source', handler: 'review.source', config: allowed(ADMIN_PERMISSIONS.review) },
    { method: 'POST', path: '/review/cases/:documentId/rejections', handler: 'review.reject', config: allowed(ADMIN_PERMISSIONS.review) },
    { method: 'POST', path: '/review/cases/:documentId/reviewed', handler: 'review.markReviewed', config: allowed(ADMIN_PERMISSIONS.review) },
    // Publishing from the queue is publishing in the Content Manager: its publish permission on cases too.
    { method: 'POST', path: '/review/publish', handler: 'review.publish', config: allowed(ADMIN_PERMISSIONS.review, CASE_PERMISSIONS.publish) },
    { method: 'GET', path: '/campaigns', handler: 'voting.campaigns', config: allowed(ADMIN_PERMISSIONS.readVoting) },
    { method: 'GET', path: '/campaigns/:campaign/ranking', handler: 'voting.ranking', config: allowed(ADMIN_PERMISSIONS.readVoting) },
    { method: 'POST', path: '/campaigns', handler: 'campaigns.create', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.campaigns) },
    { method: 'PUT', path: '/campaigns/:campaign', handler: 'campaigns.update', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.campaigns) },
    { method: 'PUT', path: '/campaigns/:campaign/stage', handler: 'campaigns.stage', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.campaigns) },
    { method: 'GET', path: '/campaigns/:campaign/cases', handler: 'campaigns.cases', config: allowed(ADMIN_PERMISSIONS.readVoting) },
    { method: 'POST', path: '/campaigns/:campaign/cases', handler: 'campaigns.addCases', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.campaigns) },
    { method: 'DELETE', path: '/campaigns/:campaign/cases/:case', handler: 'campaigns.removeCase', config: allowed(ADMIN_PERMISSIONS.readVoting, ADMIN_PERMISSIONS.campaigns) },
    // Finding cases to add by their title: the campaign's permission and the Content Manager's read on cases.
    { method: 'GET', path: '/campaign-cases', handler: 'campaigns.searchCases', config: allowed(ADMIN_PERMISSIONS.campaigns, CASE_PERMISSIONS.read) },
    { method: 'GET', path: '/campaigns/:campaign/ranking.csv', handler: 'voting.rankingCsv', config: allowed(ADMIN_PERMISSIONS.exportRanking) },
    { method: 'GET', path: '/campaigns/:campaign/ballots.csv', handler: 'voting.ballotsCsv', config: allowed(ADMIN_PERMISSIONS.exportBallots) },
  ],
};
