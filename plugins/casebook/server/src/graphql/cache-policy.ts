import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { BREAK, getNamedType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import type { CaseSort } from '../closed-sets';

/** How long a shared cache (a CDN) may serve a public read, and serve it stale while it fetches a fresh one, in seconds. */
export type CachePolicy = { sMaxAge: number; staleWhileRevalidate: number };

/**
 * Fields whose values move with every vote or read, per type: an answer holding one is never shared, since a
 * CDN would freeze the count a voter just changed.
 */
const COUNTER_FIELDS: Record<string, readonly string[]> = { Case: ['votes', 'views'], Query: ['caseRanking', 'caseCounters'] };
/** Orders by those counters: the list itself moves with every vote or read. */
const COUNTER_SORTS: readonly CaseSort[] = ['MOST_VOTED', 'MOST_VIEWED'];

const sortValue = (node: ValueNode, variables: Record<string, unknown> | undefined): unknown =>
  node.kind === 'Variable' ? variables?.[node.name.value] : node.kind === 'EnumValue' ? node.value : undefined;

/** Whether the operation selects a counter or sorts by one, through fragments and variables too. */
const readsCounters = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): boolean => {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name;
        if (parent !== undefined && COUNTER_FIELDS[parent]?.includes(node.name.value)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
      Argument(node) {
        const type = typeInfo.getArgument()?.type;
        if (type === undefined || getNamedType(type).name !== 'CaseSort') return undefined;
        if ((COUNTER_SORTS as readonly unknown[]).includes(sortValue(node.value, variables))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
};

/** Whether an If-None-Match header names `etag` (a list, `*`, weak or strong: GET compares weakly, RFC 9110 13.1.2). */
const matches = (ifNoneMatch: string | undefined, etag: string) => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
};

type Context = GraphQLRequestContextWillSendResponse<object>;

/**
 * Whether the answer is the same for every visitor and may be kept by a CDN: a GET (caches keep no POST) of a
 * query without an Authorization header (a token may read drafts), answered without errors, reading no counter.
 */
const isShareable = ({ request, response, operation, document, schema }: Context) =>
  request.http?.method === 'GET' &&
  operation?.operation === 'query' &&
  !request.http.headers.get('authorization') &&
  response.body.kind === 'single' &&
  response.body.singleResult.errors === undefined &&
  document !== undefined &&
  !readsCounters(schema, document, request.variables);

/**
 * Cache headers of GraphQL answers. A shareable read (see isShareable) gets `public, s-maxage, stale-while-
 * revalidate`, and an ETag of its data; a request naming that ETag in If-None-Match gets 304 without a body
 * (Koa drops it). Every other answer (mutations, counters, token holders', errors, POSTs) is `no-store`.
 */
export const cachePolicy = ({ sMaxAge, staleWhileRevalidate }: CachePolicy): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async willSendResponse(context) {
        const { request, response } = context;
        if (!isShareable(context) || response.body.kind !== 'single') {
          response.http.headers.set('cache-control', 'no-store');
          return;
        }
        const etag = `W/"${createHash('sha256').update(JSON.stringify(response.body.singleResult)).digest('base64url').slice(0, 27)}"`;
        response.http.headers.set('etag', etag);
        response.http.headers.set(
          'cache-control',
          sMaxAge > 0 ? `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}` : 'public, no-cache',
        );
        if (matches(request.http?.headers.get('if-none-match'), etag)) response.http.status = 304;
      },
    };
  },
});
