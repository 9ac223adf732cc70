import type { Core } from '@strapi/strapi';
import path from 'node:path';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ensureSecrets, APP_DIR } from '../src/env/secrets';
import { uploadConfig } from '../src/env/uploads';

ensureSecrets();

/**
 * What one GraphQL request may ask for (README, "GraphQL limits"). The SDK's largest operation, caseSearch, has
 * 183 tokens, no alias or directive, and costs 375; a request over a limit is refused before anything runs.
 */
const GRAPHQL_LIMITS = {
  /** Strapi's own depth limit (graphql-depth-limit). */
  depth: 10,
  /** graphql-armor's field cost: 1 a scalar, 2 an object, × 1.5 a level down (depth is what makes a query costly). */
  cost: 2000,
  aliases: 10,
  directives: 10,
  /** graphql-js's own parser limit: parsing stops at the first token over it. */
  tokens: 1000,
  /** The JSON body of a GraphQL request: its query and variables (the app's 8 MB is for the admin's imports). */
  body: '100kb',
};

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectHandler = NonNullable<NonNullable<ArmorConfig['maxAliases']>['onReject']>[number];

/** graphql-armor calls every refusal a "Syntax Error" of the document; it reports it here as what it is. */
const reportLimit: RejectHandler = (context, error) => {
  error.message = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(error);
};
const refusedAsValidation = { propagateOnRejection: false, onReject: [reportLimit] };

/**
 * Aliases, cost and directives as validation rules (a 400, GRAPHQL_VALIDATION_FAILED). Not armor's depth (Strapi
 * has one), nor its token limit, whose Apollo plugin throws from a parsing hook and so answers 500: graphql-js's
 * `maxTokens` answers 400. Not its suggestion masking either, which misses enum values: the casebook plugin's
 * error formatting drops every "Did you mean" in production.
 */
const armor = new ApolloArmor({
  maxDepth: { enabled: false },
  maxTokens: { enabled: false },
  blockFieldSuggestion: { enabled: false },
  costLimit: { maxCost: GRAPHQL_LIMITS.cost, ...refusedAsValidation },
  maxAliases: { n: GRAPHQL_LIMITS.aliases, ...refusedAsValidation },
  maxDirectives: { n: GRAPHQL_LIMITS.directives, ...refusedAsValidation },
}).protect();

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const production = env('NODE_ENV') === 'production';
  return {
    // Images only (no SVG), at most CASEBOOK_UPLOAD_MAX_BYTES each (src/env/uploads.ts); served with safe headers (src/middlewares/uploads.ts).
    upload: {
      config: uploadConfig(env),
    },
    'users-permissions': {
      config: {
        jwtSecret: env('JWT_SECRET'),
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        depthLimit: GRAPHQL_LIMITS.depth,
        defaultLimit: 25,
        maxLimit: 100,
        // Apollo's "production" landing page still embeds a sandbox: in production there is none at all.
        landingPage: production ? () => ApolloServerPluginLandingPageDisabled() : true,
        apolloServer: {
          introspection: !production,
          // Strapi concatenates these with its own plugins and rules (its merge joins arrays).
          // Apollo's cache-control plugin runs a hook on every resolved field for a policy no field declares (about a
          // tenth of a list page's time): off. The casebook plugin says each answer's cache policy once instead.
          plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins],
          validationRules: armor.validationRules,
          parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens },
          // The GraphQL route's own body parser; src/middlewares/graphql-body.ts sends every GraphQL request to it.
          bodyParserConfig: { enableTypes: ['json'], jsonLimit: GRAPHQL_LIMITS.body },
          allowBatchedHttpRequests: false,
          // Apollo's CSRF guard refuses a GET without a non-simple header, which would cost every cross-origin read a
          // preflight (browsers cache preflights per URL) and keep a plain GET out of reach of links, prefetches
          // and CDNs. It guards cookie-authenticated servers; this one reads only bearer tokens (API tokens and
          // users-permissions JWTs), which a cross-site form cannot send. Mutations still need a POST, and the
          // route's parser takes JSON bodies only, so a cross-site form (text/plain, urlencoded, multipart) runs
          // nothing: test/integration/graphql-cache.test.ts holds both.
          csrfPrevention: false,
          // The route would add its own CORS layer allowing every origin: config/middlewares.ts decides for GraphQL too.
          cors: false,
          includeStacktraceInErrorResponses: false,
        },
      },
    },
    casebook: {
      enabled: true,
      resolve: path.resolve(APP_DIR, '../plugins/casebook'),
      config: {
        secret: env('CASEBOOK_SECRET'),
        batching: env.bool('CASEBOOK_GRAPHQL_BATCHING', true),
        // Unset, these keep the plugin's defaults (plugins/casebook/server/src/config: DEFAULT_CONFIG).
        votes: {
          rule: env('CASEBOOK_VOTE_RULE'),
          timeZone: env('CASEBOOK_VOTE_TIME_ZONE'),
          ratePerMinute: env.int('CASEBOOK_VOTE_RATE_LIMIT'),
        },
        views: {
          windowMinutes: env.int('CASEBOOK_VIEW_WINDOW_MINUTES'),
          ratePerMinute: env.int('CASEBOOK_VIEW_RATE_LIMIT'),
        },
        redisUrl: env('REDIS_URL'),
        adminRegistration: env('CASEBOOK_ADMIN_REGISTRATION') || undefined,
        cache: {
          sMaxAge: env.int('CASEBOOK_CACHE_S_MAXAGE'),
          staleWhileRevalidate: env.int('CASEBOOK_CACHE_STALE_WHILE_REVALIDATE'),
        },
      },
    },
  };
};
