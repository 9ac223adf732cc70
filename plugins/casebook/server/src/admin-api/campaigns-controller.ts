import type { Core } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';
import { CAMPAIGN_STAGE } from '../closed-sets';
import { campaignsOf } from './campaigns';

const campaignBody = yup.object({
  name: yup.string().trim().required().min(1).max(160),
  organiser: yup.string().trim().max(120).nullable(),
  year: yup.number().integer().min(1949).max(2100).nullable(),
  description: yup.string().nullable(),
});
const stageBody = yup.object({ stage: yup.string().oneOf([...CAMPAIGN_STAGE.keys]).required() });
const casesBody = yup.object({ cases: yup.array(yup.string().required()).min(1).max(100).required() });
const searchQuery = yup.object({ search: yup.string().trim().required().min(1).max(100) });

/** The voting centre's campaign work: create and edit a campaign, add and remove its cases, move its stage. */
const campaignsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaigns = () => campaignsOf(strapi);
  return {
    async create(ctx: Context) {
      const input = await validateYupSchema(campaignBody)(ctx.request.body ?? {});
      ctx.status = 201;
      ctx.body = { data: { documentId: await campaigns().create(input) } };
    },

    async update(ctx: Context) {
      const input = await validateYupSchema(campaignBody)(ctx.request.body ?? {});
      await campaigns().update(ctx.params.campaign, input);
      ctx.body = { data: { documentId: ctx.params.campaign } };
    },

    async stage(ctx: Context) {
      const { stage } = await validateYupSchema(stageBody)(ctx.request.body ?? {});
      ctx.body = { data: { stage: await campaigns().moveStage(ctx.params.campaign, stage as (typeof CAMPAIGN_STAGE.keys)[number]) } };
    },

    async cases(ctx: Context) {
      ctx.body = { data: await campaigns().cases(ctx.params.campaign) };
    },

    async addCases(ctx: Context) {
      const { cases } = await validateYupSchema(casesBody)(ctx.request.body ?? {});
      await campaigns().addCases(ctx.params.campaign, cases);
      ctx.body = { data: await campaigns().cases(ctx.params.campaign) };
    },

    async removeCase(ctx: Context) {
      await campaigns().removeCase(ctx.params.campaign, ctx.params.case);
      ctx.body = { data: await campaigns().cases(ctx.params.campaign) };
    },

    async searchCases(ctx: Context) {
      const { search } = await validateYupSchema(searchQuery)(ctx.query);
      ctx.body = { data: await campaigns().searchCases(search) };
    },
  };
};

export default campaignsController;
