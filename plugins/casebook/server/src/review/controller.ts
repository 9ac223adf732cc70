import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';
import { reviewOf } from './service';

const rejection = yup.object({ item: yup.string().trim().min(1).max(2000).required() });
const publication = yup.object({ documentIds: yup.array().of(yup.string().trim().min(1).max(64).required()).min(1).max(200).required() });

const userOf = (ctx: Context): number => {
  const user = ctx.state.user as { id?: number } | undefined;
  if (!user?.id) throw new errors.UnauthorizedError('no signed-in admin');
  return user.id;
};

/** The admin's 审核队列 page and the Case edit view's source panel. */
const reviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async queue(ctx: Context) {
    ctx.body = { data: await reviewOf(strapi).queue() };
  },

  async source(ctx: Context) {
    ctx.body = { data: await reviewOf(strapi).source(ctx.params.documentId) };
  },

  async reject(ctx: Context) {
    const body = await validateYupSchema(rejection)(ctx.request.body);
    ctx.body = { data: await reviewOf(strapi).reject(ctx.params.documentId, body.item, userOf(ctx)) };
  },

  async markReviewed(ctx: Context) {
    ctx.body = { data: await reviewOf(strapi).markReviewed(ctx.params.documentId, userOf(ctx)) };
  },

  async publish(ctx: Context) {
    const body = await validateYupSchema(publication)(ctx.request.body);
    ctx.body = { data: await reviewOf(strapi).publish(body.documentIds) };
  },
});

export default reviewController;
