import type { ApolloServerPlugin } from '@apollo/server';
import type { Core } from '@strapi/strapi';
import type { CasebookConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { cachePolicy } from './cache-policy';
import { formatErrorFor } from './errors';
import { nulGuard } from './nul-guard';

const APOLLO_CONFIG = 'plugin::graphql.apolloServer';

/**
 * Adds the plugin's parts to the Apollo server Strapi's graphql plugin builds at its bootstrap, from its
 * `apolloServer` config (the limits themselves are in cms/config/plugins.ts): the NUL guard, each answer's cache
 * policy, and the error formatting that keeps the inside of internal errors in the log.
 */
export const extendApolloServer = (strapi: Core.Strapi) => {
  const apollo = strapi.config.get<{ plugins?: ApolloServerPlugin[] }>(APOLLO_CONFIG, {});
  strapi.config.set(APOLLO_CONFIG, {
    ...apollo,
    plugins: [...(apollo.plugins ?? []), nulGuard, cachePolicy(strapi.plugin(PLUGIN_ID).config('cache') as Required<NonNullable<CasebookConfig['cache']>>)],
    formatError: formatErrorFor(strapi, { suggestions: strapi.config.get('environment') !== 'production' }),
  });
};
