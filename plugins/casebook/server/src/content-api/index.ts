/** The public REST routes of the plugin: votes, reads, counters and the ranking, and the health check. */
export { default as engagementController } from './engagement';
export { default as healthController } from './health';
