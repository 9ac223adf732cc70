/** Running the CMS: its health check, its first start (first admin, seed documents) and admin registration. */
export { default as adminUserService, adminUserOf, isLoopback, type AdminSeedResult } from './admin-user';
export { default as healthService, healthOf, HEALTH_STATUSES, SEARCH_INDEX_STATUSES, type Health } from './health';
export { default as startupService, startupOf } from './startup';
