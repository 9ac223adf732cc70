import type { Core } from '@strapi/strapi';

/**
 * A small world with every publication state the public rules must handle:
 * a published case, a case that was never published, and a published case with newer unpublished edits.
 */
export const seedShowcase = async (strapi: Core.Strapi) => {
  const theme = await strapi.documents('api::theme.theme').create({ data: { name: '党校' } });
  const campaign = await strapi.documents('api::campaign.campaign').create({
    data: { name: '2022年卫生健康行业党建创新案例征集', organiser: '健康报社', year: 2022, stage: 'voting' },
  });
  const hospital = await strapi.documents('api::hospital.hospital').create({
    data: { name: '成都市第六人民医院', province: 'sichuan', city: '成都', category: 'general', level: 'grade3a', aliases: ['成都六院'] },
  });

  const createCase = async (title: string, parts: { initiative: string; metric: string }) => {
    const created = await strapi.documents('api::case.case').create({
      data: {
        title,
        summary: `${title}的摘要`,
        body: `${title}的正文`,
        hospital: hospital.documentId,
        themes: [theme.documentId],
        campaign: campaign.documentId,
        people: [{ name: '龚倩倩', role: '作者' }],
        source: { publication: '健康报', column: '卫生健康系统 基层党建案例展示' },
      },
    });
    const initiative = await strapi.documents('api::initiative.initiative').create({
      data: { name: parts.initiative, summary: '举措概要', order: 1, case: created.documentId, theme: theme.documentId },
    });
    const metric = await strapi.documents('api::metric.metric').create({
      data: {
        label: parts.metric, value: 15, unit: '次', qualifier: 'exact', kind: 'count',
        quote: `开展${parts.metric}15次`, case: created.documentId, initiative: initiative.documentId,
      },
    });
    return { case: created, initiative, metric };
  };

  const published = await createCase('构建医院党校 提升实干能力', { initiative: '一抓组织建设', metric: '党校培训' });
  await strapi.documents('api::case.case').publish({ documentId: published.case.documentId });

  const draft = await createCase('草稿案例 尚未发布', { initiative: '草稿举措', metric: '草稿指标' });

  const edited = await createCase('已发布后修改的案例', { initiative: '修改案例的举措', metric: '修改案例的指标' });
  await strapi.documents('api::case.case').publish({ documentId: edited.case.documentId });
  await strapi.documents('api::case.case').update({
    documentId: edited.case.documentId,
    data: { title: '未发布的新标题', summary: '未发布的新摘要' },
  });

  return { theme, campaign, hospital, published, draft, edited };
};

export type Showcase = Awaited<ReturnType<typeof seedShowcase>>;
