import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { engagementOf } from '../engagement';
import { serviceAccessor } from '../plugin-services';
import { showcaseOf } from '../showcase';

/** A case in a top list of the dashboard: most voted or most read. */
export type RankedCase = { documentId: string; title: string; votes: number; views: number };

export type Overview = {
  cases: { total: number; published: number; unpublished: number };
  hospitals: number;
  initiatives: number;
  metrics: number;
  sourceDocuments: number;
  casesByProvince: Array<{ province: string | null; cases: number }>;
  /** Case documents per theme (a case with several themes counts for each), most first. */
  casesByTheme: Array<{ theme: string; cases: number }>;
  /** Case documents per hospital category (closed-set key, null for none), most first. */
  casesByCategory: Array<{ category: string | null; cases: number }>;
  /** Case documents per month of their source's date (when the article appeared), else of their import, oldest first. */
  casesByMonth: Array<{ month: string; cases: number }>;
  /** The ten published cases with the most votes, and with the most reads. */
  mostVoted: RankedCase[];
  mostRead: RankedCase[];
  /** The ten most frequent metric labels (with their unit) of the cases' drafts, with how often they occur and their total. */
  metricLabels: Array<{ label: string; unit: string | null; count: number; total: number }>;
  /** Case documents an editor has marked reviewed (Case.reviewedAt), and those not yet. */
  review: { reviewed: number; unreviewed: number };
};

type CaseRow = {
  documentId: string;
  createdAt: string;
  reviewedAt: string | null;
  hospital: { category: string | null } | null;
  themes: Array<{ name: string }>;
  source: { date: string | null } | null;
};

/** Counts of `keys`, most first (ties by key, for a stable order). */
const tally = <Key extends string | null>(keys: Key[]): Array<[Key, number]> => {
  const counts = new Map<Key, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
};

const TOP = 10;

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
      ...(await this.byCase()),
      ...(await this.topCases()),
      metricLabels: await this.metricLabels(),
    };
  },

  /**
   * Themes, hospital categories, months and review state of the case documents, from their drafts (every document
   * has one): one query, counted here, as the components and relations they come from differ per dialect in SQL.
   */
  async byCase(): Promise<Pick<Overview, 'casesByTheme' | 'casesByCategory' | 'casesByMonth' | 'review'>> {
    const rows = (await strapi.db.query(UID.case).findMany({
      select: ['documentId', 'createdAt', 'reviewedAt'],
      where: { publishedAt: null },
      populate: { hospital: { select: ['category'] }, themes: { select: ['name'] }, source: { select: ['date'] } },
    })) as CaseRow[];
    const month = (row: CaseRow) => (row.source?.date ?? new Date(row.createdAt).toISOString()).slice(0, 7);
    const reviewed = rows.filter((row) => row.reviewedAt !== null).length;
    return {
      casesByTheme: tally(rows.flatMap((row) => [...new Set(row.themes.map((theme) => theme.name))])).map(([theme, cases]) => ({ theme, cases })),
      casesByCategory: tally(rows.map((row) => row.hospital?.category ?? null)).map(([category, cases]) => ({ category, cases })),
      casesByMonth: tally(rows.map(month))
        .map(([key, cases]) => ({ month: key, cases }))
        .sort((a, b) => a.month.localeCompare(b.month)),
      review: { reviewed, unreviewed: rows.length - reviewed },
    };
  },

  /** The public ranking's top ten by votes and by reads (published cases: the only ones the public votes on and reads). */
  async topCases(): Promise<Pick<Overview, 'mostVoted' | 'mostRead'>> {
    const top = async (sort: 'MOST_VOTED' | 'MOST_VIEWED'): Promise<RankedCase[]> => {
      const { nodes } = await showcaseOf(strapi).listCases({}, sort, { page: 1, pageSize: TOP }, { withBody: false });
      const counters = await engagementOf(strapi).counters(nodes.map((found) => found.documentId));
      return nodes
        .map((found, index) => ({ documentId: found.documentId, title: String(found.title), votes: counters[index]!.votes, views: counters[index]!.views }))
        .filter((found) => (sort === 'MOST_VOTED' ? found.votes : found.views) > 0);
    };
    const [mostVoted, mostRead] = await Promise.all([top('MOST_VOTED'), top('MOST_VIEWED')]);
    return { mostVoted, mostRead };
  },

  /** The most frequent metric labels of the cases' drafts, with their unit, how often they occur and their sum. */
  async metricLabels(): Promise<Overview['metricLabels']> {
    const rows = (await strapi.db.query(UID.metric).findMany({ select: ['label', 'unit', 'value'], where: { case: { publishedAt: null } } })) as Array<{
      label: string;
      unit: string | null;
      value: number | string | null;
    }>;
    const groups = new Map<string, Overview['metricLabels'][number]>();
    for (const row of rows) {
      const key = `${row.label}\u0000${row.unit ?? ''}`;
      const group = groups.get(key) ?? { label: row.label, unit: row.unit, count: 0, total: 0 };
      group.count += 1;
      group.total += Number(row.value ?? 0);
      groups.set(key, group);
    }
    return [...groups.values()]
      .map((group) => ({ ...group, total: Math.round(group.total * 100) / 100 }))
      .sort((a, b) => b.count - a.count || b.total - a.total || a.label.localeCompare(b.label))
      .slice(0, TOP);
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
