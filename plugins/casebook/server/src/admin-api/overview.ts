import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { serviceAccessor } from '../plugin-services';

export type Overview = {
  cases: { total: number; published: number; unpublished: number };
  hospitals: number;
  initiatives: number;
  metrics: number;
  sourceDocuments: number;
  casesByProvince: Array<{ province: string | null; cases: number }>;
};

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

/** The collection at a glance, for the admin's overview page. */
const overviewService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(): Promise<Overview> {
    const [total, published, hospitals, initiatives, metrics, sourceDocuments] = await Promise.all([
      strapi.documents(UID.case).count({ status: 'draft' }),
      strapi.documents(UID.case).count({ status: 'published' }),
      strapi.db.query(UID.hospital).count(),
      // Every initiative and metric has a draft (published ones a second row): count documents, not rows.
      strapi.db.query(UID.initiative).count({ where: { publishedAt: null } }),
      strapi.db.query(UID.metric).count({ where: { publishedAt: null } }),
      strapi.db.query(UID.sourceDocument).count(),
    ]);
    return {
      cases: { total, published, unpublished: total - published },
      hospitals,
      initiatives,
      metrics,
      sourceDocuments,
      casesByProvince: await this.casesByProvince(),
    };
  },

  /** Case documents (drafts included) per hospital province, in one grouped query. */
  async casesByProvince(): Promise<Overview['casesByProvince']> {
    const caseMeta = strapi.db.metadata.get(UID.case);
    const hospitalMeta = strapi.db.metadata.get(UID.hospital);
    const link = (caseMeta.attributes.hospital as unknown as { joinTable: JoinTable }).joinTable;
    const rows = (await strapi.db
      .connection(`${caseMeta.tableName} as c`)
      .leftJoin(`${link.name} as l`, 'l.' + link.joinColumn.name, 'c.id')
      .leftJoin(`${hospitalMeta.tableName} as h`, 'h.id', 'l.' + link.inverseJoinColumn.name)
      .whereNull('c.published_at')
      .groupBy('h.province')
      .select('h.province as province')
      .countDistinct({ cases: 'c.document_id' })
      .orderBy('cases', 'desc')) as Array<{ province: string | null; cases: number | string }>;
    return rows.map((row) => ({ province: row.province, cases: Number(row.cases) }));
  },
});

export default overviewService;

export type OverviewService = ReturnType<typeof overviewService>;

/** The `overview` service of a running Strapi. */
export const overviewOf = serviceAccessor<OverviewService>('overview');
