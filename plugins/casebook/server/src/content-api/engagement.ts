import type { Core } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { isHttpError } from 'http-errors';
import type { Context } from 'koa';
import { UID } from '../constants';
import { BUSY_RETRY_AFTER } from '../database';
import { isContentApiRequest } from '../drafts';
import { engagementOf } from '../engagement';
import { showcaseOf } from '../showcase';
import { documentIdsOf } from '../utils';

const voteBody = yup.object({ voter: yup.string().required() });
const viewBody = yup.object({ voter: yup.string().nullable() });
const rankingQuery = yup.object({ campaign: yup.string().nullable(), limit: yup.number().integer().min(1).nullable() });

/**
 * The wait of a RateLimitError (429) or of a busy database's 503 (busyError), as the Retry-After header HTTP
 * clients know, before Strapi answers.
 */
const withRetryAfter = async <T>(ctx: Context, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof errors.RateLimitError) ctx.set('Retry-After', String((error.details as { retryAfter?: number }).retryAfter ?? 60));
    else if (isHttpError(error) && error.status === 503) ctx.set('Retry-After', String(error.retryAfter ?? BUSY_RETRY_AFTER));
    throw error;
  }
};


/** REST mirrors of the GraphQL votes, reads, counters and ranking, under /api/casebook (counters also for the admin's case list). */
const engagementController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async vote(ctx: Context) {
    const { voter } = await validateYupSchema(voteBody)(ctx.request.body ?? {});
    ctx.body = {
      data: await withRetryAfter(ctx, () =>
        engagementOf(strapi).vote(ctx.params.documentId, { voter, address: ctx.request.ip }, ctx.get('idempotency-key')),
      ),
    };
  },

  async view(ctx: Context) {
    const { voter } = await validateYupSchema(viewBody)(ctx.request.body ?? {});
    ctx.body = { data: await withRetryAfter(ctx, () => engagementOf(strapi).recordView(ctx.params.documentId, { voter, address: ctx.request.ip })) };
  },

  async counters(ctx: Context) {
    const ids = await documentIdsOf(ctx.query);
    const counters = await engagementOf(strapi).counters(ids, { publishedOnly: isContentApiRequest(ctx.state) });
    ctx.body = { data: ids.map((documentId, index) => ({ documentId, ...counters[index]! })) };
  },

  async ranking(ctx: Context) {
    // Query strings are strings: let yup cast limit to a number.
    const { campaign, limit } = await validateYupSchema(rankingQuery, { strict: false })(ctx.query);
    const cases = await showcaseOf(strapi).ranking({ campaign, limit }, { withBody: false });
    const counters = await engagementOf(strapi).counters(cases.map((found) => found.documentId));
    const schema = strapi.getModel(UID.case);
    const data = await Promise.all(
      cases.map(async (found, index) => ({
        ...((await strapi.contentAPI.sanitize.output(found, schema, { auth: ctx.state.auth })) as object),
        ...counters[index]!,
      })),
    );
    ctx.body = { data };
  },
});

export default engagementController;
