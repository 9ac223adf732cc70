import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import type services from './services';

export type Services = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

/** Typed access to Casebook's services, instead of string look-ups scattered around. */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
