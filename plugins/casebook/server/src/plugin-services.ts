import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

/**
 * A typed accessor of one of the services the plugin gives Strapi (services/index.ts names them), for the wing
 * that owns the service to export: callers depend on that wing alone, not on a map of every service.
 */
export const serviceAccessor =
  <Service>(name: string) =>
  (strapi: Core.Strapi): Service =>
    strapi.plugin(PLUGIN_ID).service(name) as Service;
