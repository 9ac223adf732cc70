import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { CasebookConfig } from '../config';
import { ENGAGEMENT_ACTIONS, PUBLIC_READABLE, UID } from '../constants';
import type { CaseSort, HospitalSort } from '../closed-sets';
import { assertPublicSort, GRAPHQL_DIALECT, isGuarded, mayReadDrafts, publicRowsOf, restrictTo, scopeFilters, type RequestState } from '../drafts';
import type { EngagementService } from '../engagement';
import { caseImageOf, seoOf, type CaseFilter, type HospitalFilter, type PageArgs, type ShowcaseService } from '../showcase';
import { loadersOf, type Entity, type LoaderSources, type Slice, type Status } from './loaders';
import { extendApolloServer } from './apollo';
import { labelsOf } from './labels';
import { typeDefs } from './type-defs';
import { MAX_IDS } from '../utils';

type Context = {
  state?: RequestState;
  rootQueryArgsByPath?: Map<string | number, Record<string, unknown>>;
  koaContext?: { request: { ip: string }; get(header: string): string };
};
type Resolver = (parent: unknown, args: Record<string, unknown>, context: Context, info: GraphQLResolveInfo) => unknown;
type Middleware = (next: Resolver, parent: unknown, args: Record<string, unknown>, context: Context, info: GraphQLResolveInfo) => unknown;
type Attribute = { type: string; target?: string; component?: string; relation?: string; repeatable?: boolean; private?: boolean };

/**
 * The version of draft-and-publish targets a relation field shows: the one its root query asked for, as
 * Strapi's own association resolver does; undefined when the root used filters only Strapi's resolver knows.
 */
const statusOf = (context: Context, info: GraphQLResolveInfo): Status | undefined => {
  let path = info.path;
  while (path.prev) path = path.prev;
  const root = context.rootQueryArgsByPath?.get(path.key);
  if (root?.publicationFilter !== undefined || root?.hasPublishedVersion !== undefined) return undefined;
  return String(root?.status ?? 'published').toLowerCase() === 'draft' ? 'draft' : 'published';
};

const ONE: Slice = { start: 0, end: 1 };

const isEmptyArg = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value).length === 0);

/**
 * Every public relation and component field gets a resolver middleware in front of Strapi's own resolver, which
 * keeps Strapi's auth scope on the field:
 * - for a caller without an API token, the field shows only what a public reader may see (drafts/scope.ts):
 *   published cases and the parts of published cases, also when the field is given filters or a sort, whatever
 *   its root query (Strapi's resolver follows the root's status only under its own queries);
 * - with batching on, fields without filters or sort load with one query per field and request (a DataLoader)
 *   instead of one per parent; fields with them, and the `_connection` twins of to-many fields, go to Strapi's
 *   resolver.
 */
const relationFields = (strapi: Core.Strapi, sources: LoaderSources, batching: boolean) => {
  const graphql = strapi.plugin('graphql');
  const { naming } = graphql.service('utils');
  const { transformArgs } = graphql.service('builders').utils;
  const resolversConfig: Record<string, { middlewares: Middleware[] }> = {};

  /** A relation field's arguments as a public reader may use them: its filters and sort scoped, its rows limited. */
  const publicArgs = (target: string, args: Record<string, unknown>) => {
    if (!isEmptyArg(args.sort)) assertPublicSort(strapi, target, args.sort);
    const filters = isEmptyArg(args.filters) ? undefined : scopeFilters(strapi, target, args.filters, GRAPHQL_DIALECT);
    return { ...args, filters: restrictTo(filters, publicRowsOf(target, GRAPHQL_DIALECT), GRAPHQL_DIALECT) };
  };

  for (const uid of PUBLIC_READABLE) {
    const model = strapi.getModel(uid);
    for (const [attribute, definition] of Object.entries(model.attributes as Record<string, Attribute>)) {
      const isComponent = definition.type === 'component';
      const target = isComponent ? definition.component : definition.target;
      if (definition.private || !target) continue;
      if (!isComponent && (definition.type !== 'relation' || !(PUBLIC_READABLE as readonly string[]).includes(target))) continue;
      const many = isComponent ? Boolean(definition.repeatable) : Boolean(definition.relation?.endsWith('Many'));
      const targetModel = strapi.getModel(target as never);
      const guarded = !isComponent && isGuarded(target);

      // The same default and maximum page as Strapi's resolver applies to a to-many field. Strapi's transformArgs
      // costs more than the rest of the field; the arguments, hence the page, are the same for every parent that
      // one field node resolves in one request (same document, same variables): worked out once for them all.
      const slices = new WeakMap<object, WeakMap<object, Slice>>();
      const sliceOf = (args: Record<string, unknown>, info: GraphQLResolveInfo, contentType: unknown): Slice => {
        const node = info.fieldNodes[0]!;
        let byVariables = slices.get(node);
        if (!byVariables) slices.set(node, (byVariables = new WeakMap()));
        let slice = byVariables.get(info.variableValues);
        if (!slice) {
          const page = transformArgs(args, { contentType, usePagination: true }) as { start?: number; limit?: number; page?: number; pageSize?: number };
          const limit = page.pageSize ?? page.limit ?? -1;
          const start = page.page !== undefined && page.pageSize !== undefined ? (page.page - 1) * page.pageSize : (page.start ?? 0);
          slice = { start, end: limit < 0 ? undefined : start + limit };
          byVariables.set(info.variableValues, slice);
        }
        return slice;
      };

      // Whether the field node asks for case bodies (below it, fragments included), worked out once per node.
      const bodies = new WeakMap<object, boolean>();
      const selectsBody = (info: GraphQLResolveInfo) => {
        const node = info.fieldNodes[0]!;
        let answer = bodies.get(node);
        if (answer === undefined) bodies.set(node, (answer = selects(info, 'body')));
        return answer;
      };

      const middleware: Middleware = async (next, parent, args, context, info) => {
        const isPublic = !mayReadDrafts(context.state);
        const filtered = !isEmptyArg(args.filters) || !isEmptyArg(args.sort);
        // Cases follow the root query's status (an API token may preview drafts); a case's parts are the version its row links.
        const status: Status | undefined = !guarded ? 'all' : isPublic ? 'published' : target === UID.case ? statusOf(context, info) : 'all';
        const id = (parent as { id?: unknown } | null)?.id;
        if (batching && !filtered && typeof id === 'number' && status) {
          const load = { status, slice: many ? sliceOf(args, info, targetModel) : ONE, withBody: target === UID.case && selectsBody(info) };
          const items = await loadersOf(strapi, sources, context).relation(uid, attribute, load).load(id);
          return many ? items : (items[0] ?? null);
        }
        if (!isPublic || isComponent) return next(parent, args, context, info);
        return next(parent, publicArgs(target, args), context, info);
      };
      resolversConfig[`${naming.getTypeName(model)}.${attribute}`] = { middlewares: [middleware] };
      // Its `_connection` twin ({ nodes }) goes to Strapi's resolver, under the same public rule.
      if (!isComponent && many) {
        const connection: Middleware = (next, parent, args, context, info) =>
          next(parent, mayReadDrafts(context.state) ? args : publicArgs(target, args), context, info);
        resolversConfig[`${naming.getTypeName(model)}.${attribute}_connection`] = { middlewares: [connection] };
      }
    }
  }
  return resolversConfig;
};

type ListArgs = PageArgs & { filter?: CaseFilter | null; sort?: CaseSort | null };

/** Whether the query asks for a field of this name anywhere below the resolved field (fragments included). */
const selects = (info: GraphQLResolveInfo, name: string): boolean => {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    selectionSet?.selections.some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === name || visit(selection.selectionSet);
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => visit(node.selectionSet));
};

const ENGAGEMENT_MUTATIONS = ['voteCase', 'recordCaseView'];

/**
 * At most one vote or read per request: aliases (`a: voteCase(…) b: voteCase(…)`) would otherwise multiply
 * them past the rate limit. Counted in the operation's text, so every such field of the request refuses alike
 * and none counts.
 */
const onePerRequest = (info: GraphQLResolveInfo) => {
  let count = 0;
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') count += ENGAGEMENT_MUTATIONS.includes(selection.name.value) ? 1 : 0;
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(info.operation.selectionSet);
  if (count > 1) {
    throw new errors.ValidationError('One vote or read per request: send each voteCase or recordCaseView in a request of its own', { fields: count });
  }
};

const visitorOf = (context: Context, voter: string | null | undefined) => ({ voter, address: context.koaContext?.request.ip ?? '' });

/** The domain services the API serves, looked up when a request comes (services exist after register). */
export type GraphqlDomains = { showcase: () => ShowcaseService; engagement: () => EngagementService };

/** The showcase queries (cases, search, facets, hospitals, ranking), votes and reads, and the batched relation fields. */
export const registerGraphql = (strapi: Core.Strapi, { showcase, engagement }: GraphqlDomains) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  extendApolloServer(strapi);

  const extension = graphql.service('extension');
  // Import provenance is editorial bookkeeping, not part of the public contract.
  extension.shadowCRUD(UID.sourceDocument).disable();
  extension.shadowCRUD(UID.case).field('sourceDocument').disable();
  // The cover is shown as a CaseImage (type-defs.ts): its address, size and small rendition, not the upload
  // plugin's file with its provider data and the `related` list of every entry, drafts too, that uses it.
  extension.shadowCRUD(UID.case).field('cover').disableOutput();

  extension.use(() => {
    const sources: LoaderSources = { counters: (documentIds) => engagement().counters(documentIds) };
    const counters = (parent: Entity & { documentId: string }, context: Context) => loadersOf(strapi, sources, context).counters().load(parent.documentId);
    const batching = strapi.plugin('casebook').config('batching') !== false;
    // Strapi fills what the host's config leaves unset with the plugin's defaults: the window is there.
    const { windowMinutes } = strapi.plugin('casebook').config('views') as Required<NonNullable<CasebookConfig['views']>>;
    const scope = (uid: string, action: 'find' | 'findOne') => ({ auth: { scope: [`${uid}.${action}`] } });
    const { naming } = graphql.service('utils');
    const enumName = (uid: string, attribute: string): string => naming.getEnumName(strapi.contentType(uid as never), attribute);
    // The CMS's public URL (PUBLIC_URL): covers stored under /uploads are answered on it.
    const publicUrl = (): string | undefined => strapi.config.get<string | undefined>('server.url') || undefined;
    const publicGrant = (action: string) => ({ auth: false as const, policies: [{ name: 'plugin::casebook.public-grant', config: { action } }] });
    return {
      typeDefs: typeDefs({ readWindowMinutes: windowMinutes, enumName }),
      resolvers: {
        Query: {
          caseList: (_parent: unknown, args: ListArgs, _context: unknown, info: GraphQLResolveInfo) =>
            showcase().listCases(args.filter ?? {}, args.sort, args, { withBody: selects(info, 'body') }),
          caseSearch: (_parent: unknown, args: ListArgs & { query: string }) => showcase().searchCases(args.query, args.filter ?? {}, args, args.sort),
          caseFacets: (_parent: unknown, args: { filter?: CaseFilter | null }) => showcase().facets(args.filter ?? {}),
          caseDetail: (_parent: unknown, args: { documentId?: string; slug?: string }) => showcase().findCase(args),
          hospitalList: (_parent: unknown, args: PageArgs & { filter?: HospitalFilter | null; sort?: HospitalSort | null }) =>
            showcase().listHospitals(args.filter ?? {}, args.sort, args),
          hospitalDetail: (_parent: unknown, args: { documentId?: string; slug?: string }) => showcase().findHospital(args),
          caseRanking: (_parent: unknown, args: { campaign?: string | null; limit?: number | null }, _context: unknown, info: GraphQLResolveInfo) =>
            showcase().ranking(args, { withBody: selects(info, 'body') }),
          caseCounters: async (_parent: unknown, { documentIds }: { documentIds: string[] }) => {
            if (documentIds.length > MAX_IDS) {
              throw new errors.ValidationError(`caseCounters takes at most ${MAX_IDS} documentIds; ${documentIds.length} were given`);
            }
            const counters = await engagement().counters(documentIds, { publishedOnly: true });
            return documentIds.map((documentId, index) => ({ documentId, votes: counters[index]!.votes, views: counters[index]!.views }));
          },
          labels: () => labelsOf(),
        },
        Mutation: {
          voteCase: (_parent: unknown, args: { documentId: string; voter: string }, context: Context, info: GraphQLResolveInfo) => {
            onePerRequest(info);
            return engagement().vote(args.documentId, visitorOf(context, args.voter), context.koaContext?.get('idempotency-key'));
          },
          recordCaseView: (_parent: unknown, args: { documentId: string; voter?: string | null }, context: Context, info: GraphQLResolveInfo) => {
            onePerRequest(info);
            return engagement().recordView(args.documentId, visitorOf(context, args.voter));
          },
        },
        Case: {
          votes: async (parent: Entity & { documentId: string }, _args: unknown, context: Context) => (await counters(parent, context)).votes,
          views: async (parent: Entity & { documentId: string }, _args: unknown, context: Context) => (await counters(parent, context)).views,
          // The row's own cover: a published case's is the one it was published with (loaders.ts).
          cover: async (parent: Entity & { title?: unknown }, _args: unknown, context: Context) => {
            const file = await loadersOf(strapi, sources, context).covers().load(parent.id);
            return file ? caseImageOf(file, parent.title, publicUrl()) : null;
          },
          seo: (parent: Entity) => seoOf(parent),
        },
        Hospital: {
          publishedCaseCount: (parent: Entity & { publishedCaseCount?: number }, _args: unknown, context: Context) =>
            parent.publishedCaseCount ?? loadersOf(strapi, sources, context).publishedCaseCount().load(parent.id),
        },
      },
      resolversConfig: {
        'Query.caseList': scope(UID.case, 'find'),
        'Query.caseSearch': scope(UID.case, 'find'),
        'Query.caseFacets': scope(UID.case, 'find'),
        'Query.caseDetail': scope(UID.case, 'findOne'),
        'Query.hospitalList': scope(UID.hospital, 'find'),
        'Query.hospitalDetail': scope(UID.hospital, 'findOne'),
        'Query.caseRanking': scope(UID.case, 'find'),
        'Query.caseCounters': scope(UID.case, 'find'),
        // As over REST (routes/content-api): the Public role decides votes and reads for every caller.
        'Mutation.voteCase': publicGrant(ENGAGEMENT_ACTIONS.vote),
        'Mutation.recordCaseView': publicGrant(ENGAGEMENT_ACTIONS.view),
        'Hospital.publishedCaseCount': scope(UID.case, 'find'),
        'Case.votes': scope(UID.case, 'find'),
        'Case.views': scope(UID.case, 'find'),
        'Case.cover': scope(UID.case, 'find'),
        'Case.seo': scope(UID.case, 'find'),
        // The labels of closed sets are no content: anyone may read them.
        'Query.labels': { auth: false },
        ...relationFields(strapi, sources, batching),
      },
    };
  });
};
