import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';

const overviewController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'overview').summary() };
  },
});

export default overviewController;
