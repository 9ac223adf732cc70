import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { overviewOf } from './overview';

const overviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: Context) {
    ctx.body = { data: await overviewOf(strapi).summary() };
  },
});

export default overviewController;
