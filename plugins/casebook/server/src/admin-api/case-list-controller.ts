import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentIdsOf } from '../utils';
import { caseListOf } from './case-list';

/** The Content Manager's case list: the province and review-state columns of the rows on screen. */
const caseListController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async facts(ctx: Context) {
    ctx.body = { data: await caseListOf(strapi).facts(await documentIdsOf(ctx.query)) };
  },
});

export default caseListController;
