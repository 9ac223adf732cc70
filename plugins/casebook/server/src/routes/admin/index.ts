export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET',
      path: '/overview',
      handler: 'overview.summary',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
