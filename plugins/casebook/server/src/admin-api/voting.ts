import type { Core } from '@strapi/strapi';
import type { CampaignStage } from '../closed-sets';
import { UID } from '../constants';
import { columnOf, tableOf } from '../database';
import { BALLOTS_TABLE, engagementOf } from '../engagement';
import { showcaseOf } from '../showcase';
import { serviceAccessor } from '../plugin-services';

export type Campaign = {
  documentId: string;
  name: string;
  slug: string | null;
  stage: CampaignStage;
  year: number | null;
  organiser: string | null;
  description: string | null;
  ballots: number;
};
export type Standing = { rank: number; documentId: string; title: string; hospital: string | null; votes: number; views: number; votedAt: Date | null };

const PAGE = 100;
const CAMPAIGN_FIELDS = ['documentId', 'name', 'slug', 'stage', 'year', 'organiser', 'description'];

/** What editors see of a campaign's vote: its standings in full and its ballots, for the admin and its exports. */
const votingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  /** The name of each case row's hospital (whichever version the row links to), in one query. */
  const hospitalNames = async (caseIds: number[]): Promise<Map<number, string>> => {
    const rows = (await strapi.db.query(UID.case).findMany({ select: ['id'], where: { id: { $in: caseIds } }, populate: { hospital: { select: ['name'] } } })) as Array<{
      id: number;
      hospital: { name: string } | null;
    }>;
    return new Map(rows.flatMap((row) => (row.hospital ? [[row.id, String(row.hospital.name)] as const] : [])));
  };

  return {
    /** Every campaign, newest first, with how many ballots it has. */
    async campaigns(): Promise<Campaign[]> {
      const campaigns = (await strapi.db.query(UID.campaign).findMany({ select: CAMPAIGN_FIELDS, orderBy: [{ year: 'desc' }, { name: 'asc' }] })) as Array<
        Omit<Campaign, 'ballots'>
      >;
      const counts: Array<{ campaign_id: string; ballots: number | string }> = await knex()(BALLOTS_TABLE).whereNotNull('campaign_id').groupBy('campaign_id').select('campaign_id').count({ ballots: '*' });
      const ballots = new Map(counts.map((row) => [row.campaign_id, Number(row.ballots)]));
      return campaigns.map((campaign) => ({ ...campaign, ballots: ballots.get(campaign.documentId) ?? 0 }));
    },

    /** The campaign with this documentId or slug, if any. */
    async campaign(reference: string): Promise<Omit<Campaign, 'ballots'> | null> {
      return strapi.db.query(UID.campaign).findOne({ select: CAMPAIGN_FIELDS, where: { $or: [{ documentId: reference }, { slug: reference }] } });
    },

    /** The campaign's published cases in ranking order (the public ranking's), with hospital, votes and views. */
    async standings(campaignId: string, limit = Infinity): Promise<Standing[]> {
      const showcase = showcaseOf(strapi);
      const standings: Standing[] = [];
      for (let page = 1; standings.length < limit; page += 1) {
        const { nodes, pageInfo } = await showcase.listCases({ campaign: campaignId }, 'MOST_VOTED', { page, pageSize: PAGE }, { withBody: false });
        const [counters, hospitals] = await Promise.all([
          engagementOf(strapi).counters(nodes.map((found) => found.documentId)),
          hospitalNames(nodes.map((found) => found.id)),
        ]);
        nodes.forEach((found, index) => {
          standings.push({
            rank: standings.length + 1,
            documentId: found.documentId,
            title: String(found.title),
            hospital: hospitals.get(found.id) ?? null,
            ...counters[index]!,
          });
        });
        if (page >= pageInfo.pageCount) break;
      }
      return standings.slice(0, limit);
    },

    /** The title of every case the campaign has ballots for (drafts' titles too, should a case be unpublished since). */
    async caseTitles(campaignId: string): Promise<Map<string, string>> {
      const documentId = columnOf(strapi, UID.case, 'documentId');
      const rows: Array<{ documentId: string; title: string }> = await knex()(tableOf(strapi, UID.case))
        .whereIn(documentId, knex()(BALLOTS_TABLE).where('campaign_id', campaignId).distinct('document_id'))
        // Published rows last, so that their title is the one kept.
        .orderByRaw(`case when ${columnOf(strapi, UID.case, 'publishedAt')} is null then 0 else 1 end`)
        .select({ documentId, title: columnOf(strapi, UID.case, 'title') });
      return new Map(rows.map((row) => [row.documentId, row.title]));
    },
  };
};

export default votingService;

export type VotingService = ReturnType<typeof votingService>;

/** The `voting` service of a running Strapi. */
export const votingOf = serviceAccessor<VotingService>('voting');
