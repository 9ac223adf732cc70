const adminOnly = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/overview', handler: 'overview.summary', config: adminOnly },
    { method: 'POST', path: '/import/preview', handler: 'import.preview', config: adminOnly },
    { method: 'POST', path: '/import', handler: 'import.confirm', config: adminOnly },
    { method: 'GET', path: '/source-documents', handler: 'import.list', config: adminOnly },
    // The case list's votes and views columns: the same answer as the public counters route.
    { method: 'GET', path: '/counters', handler: 'engagement.counters', config: adminOnly },
    { method: 'GET', path: '/campaigns', handler: 'voting.campaigns', config: adminOnly },
    { method: 'GET', path: '/campaigns/:campaign/ranking', handler: 'voting.ranking', config: adminOnly },
    { method: 'GET', path: '/campaigns/:campaign/ranking.csv', handler: 'voting.rankingCsv', config: adminOnly },
    { method: 'GET', path: '/campaigns/:campaign/ballots.csv', handler: 'voting.ballotsCsv', config: adminOnly },
  ],
};
