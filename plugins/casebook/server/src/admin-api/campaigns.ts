import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { campaignStageMoves, CAMPAIGN_STAGE, type CampaignStage } from '../closed-sets';
import { UID } from '../constants';
import { serviceAccessor } from '../plugin-services';

/** What an editor writes of a campaign in the voting centre. */
export type CampaignInput = { name: string; organiser?: string | null; year?: number | null; description?: string | null };

/** A case as the voting centre lists it: in a campaign, or found by its title to be added to one. */
export type CampaignCase = { documentId: string; title: string; hospital: string | null; published: boolean; campaign: string | null };

/** Strapi's generated input types have no null, which its document service takes for "no value" (clearing a field on update). */
type CampaignData = Modules.Documents.Params.Data.Input<typeof UID.campaign>;

type CaseRow = { id: number; documentId: string; title: string; publishedAt: string | null; hospital: { name: string } | null; campaign: { documentId: string; name: string } | null };

const CASE_QUERY = { select: ['id', 'documentId', 'title', 'publishedAt'], populate: { hospital: { select: ['name'] }, campaign: { select: ['documentId', 'name'] } } };

/** One entry per case document (its draft row: every document has one), with whether a published version exists. */
const casesOf = (rows: CaseRow[]): CampaignCase[] => {
  const published = new Set(rows.filter((row) => row.publishedAt !== null).map((row) => row.documentId));
  return rows
    .filter((row) => row.publishedAt === null)
    .map((row) => ({ documentId: row.documentId, title: row.title, hospital: row.hospital?.name ?? null, published: published.has(row.documentId), campaign: row.campaign?.name ?? null }));
};

/**
 * Running campaigns from the voting centre: creating and editing one, putting cases in it and taking them out,
 * moving it through its stages. A case's campaign is written on each of its rows (draft and published) at once:
 * it is the campaign's business, not an edit of the case, so it needs no publishing and leaves an editor's
 * pending draft alone; the public ranking and the vote's stage check read the published row.
 */
const campaignsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaignRow = async (documentId: string) => {
    const found: { id: number; documentId: string; name: string; stage: CampaignStage } | null = await strapi.db
      .query(UID.campaign)
      .findOne({ select: ['id', 'documentId', 'name', 'stage'], where: { documentId } });
    if (!found) throw new errors.NotFoundError(`没有这个征集活动 (no campaign ${documentId})`);
    return found;
  };

  const refuseTakenName = async (name: string, except?: string) => {
    const same: { documentId: string } | null = await strapi.db.query(UID.campaign).findOne({ select: ['documentId'], where: { name } });
    if (same && same.documentId !== except) throw new errors.ValidationError(`已有同名的征集活动「${name}」 (a campaign of this name exists)`);
  };

  /** Sets (or, with null, clears) the campaign of every row of the case `documentId`. */
  const link = async (documentId: string, campaignId: number | null) => {
    const rows: Array<{ id: number }> = await strapi.db.query(UID.case).findMany({ select: ['id'], where: { documentId } });
    if (rows.length === 0) throw new errors.NotFoundError(`没有这个案例 (no case ${documentId})`);
    for (const row of rows) await strapi.db.query(UID.case).update({ where: { id: row.id }, data: { campaign: campaignId }, select: ['id'] });
  };

  return {
    async create(input: CampaignInput) {
      await refuseTakenName(input.name);
      const created = await strapi.documents(UID.campaign).create({ data: { ...input, stage: 'collecting' } as CampaignData });
      return created.documentId;
    },

    async update(documentId: string, input: CampaignInput) {
      await campaignRow(documentId);
      await refuseTakenName(input.name, documentId);
      await strapi.documents(UID.campaign).update({ documentId, data: input as CampaignData });
    },

    /** Moves the campaign to `stage`: the next stage or back to the previous one (campaignStageMoves); anything else is refused. */
    async moveStage(documentId: string, stage: CampaignStage): Promise<CampaignStage> {
      const campaign = await campaignRow(documentId);
      if (!campaignStageMoves(campaign.stage).includes(stage)) {
        throw new errors.ValidationError(
          `征集活动不能从「${CAMPAIGN_STAGE.label(campaign.stage)}」直接进入「${CAMPAIGN_STAGE.label(stage)}」 (a campaign moves one stage at a time: ${campaign.stage} → ${campaignStageMoves(campaign.stage).join(' | ')})`,
        );
      }
      await strapi.db.query(UID.campaign).update({ where: { id: campaign.id }, data: { stage }, select: ['id'] });
      return stage;
    },

    /** The campaign's cases, drafts included (the ranking shows only the published ones), by title. */
    async cases(documentId: string): Promise<CampaignCase[]> {
      const campaign = await campaignRow(documentId);
      const rows = (await strapi.db.query(UID.case).findMany({ ...CASE_QUERY, where: { campaign: { id: campaign.id } }, orderBy: { title: 'asc' } })) as CaseRow[];
      return casesOf(rows);
    },

    /** Up to 20 cases whose title holds `text`, for an editor to add to a campaign. */
    async searchCases(text: string): Promise<CampaignCase[]> {
      const drafts = (await strapi.db.query(UID.case).findMany({ select: ['documentId'], where: { title: { $containsi: text }, publishedAt: null }, orderBy: { title: 'asc' }, limit: 20 })) as Array<{
        documentId: string;
      }>;
      const rows = (await strapi.db.query(UID.case).findMany({ ...CASE_QUERY, where: { documentId: { $in: drafts.map((row) => row.documentId) } }, orderBy: { title: 'asc' } })) as CaseRow[];
      return casesOf(rows);
    },

    /**
     * Puts the cases in the campaign. A closed campaign takes none, and a case of another campaign is refused rather
     * than moved: its ballots and standing belong to that campaign.
     */
    async addCases(documentId: string, caseIds: string[]) {
      const campaign = await campaignRow(documentId);
      if (campaign.stage === 'closed') throw new errors.ValidationError(`「${campaign.name}」已结束, 不能再加入案例 (the campaign is closed)`);
      const rows = (await strapi.db.query(UID.case).findMany({ ...CASE_QUERY, where: { documentId: { $in: caseIds } } })) as CaseRow[];
      for (const caseId of caseIds) {
        const found = rows.find((row) => row.documentId === caseId);
        if (!found) throw new errors.NotFoundError(`没有这个案例 (no case ${caseId})`);
        const elsewhere = rows.find((row) => row.documentId === caseId && row.campaign && row.campaign.documentId !== documentId);
        if (elsewhere) throw new errors.ValidationError(`「${elsewhere.title}」已在征集活动「${elsewhere.campaign!.name}」中 (the case is in another campaign)`);
      }
      for (const caseId of caseIds) await link(caseId, campaign.id);
    },

    /** Takes the case out of the campaign (its ballots stay in the campaign's ballot export). */
    async removeCase(documentId: string, caseId: string) {
      const campaign = await campaignRow(documentId);
      if (campaign.stage === 'closed') throw new errors.ValidationError(`「${campaign.name}」已结束, 不能再移出案例 (the campaign is closed)`);
      const rows = (await strapi.db.query(UID.case).findMany({ ...CASE_QUERY, where: { documentId: caseId } })) as CaseRow[];
      if (!rows.some((row) => row.campaign?.documentId === documentId)) throw new errors.NotFoundError(`该案例不在「${campaign.name}」中 (the case is not in this campaign)`);
      await link(caseId, null);
    },
  };
};

export default campaignsService;

export type CampaignsService = ReturnType<typeof campaignsService>;

/** The `campaigns` service of a running Strapi. */
export const campaignsOf = serviceAccessor<CampaignsService>('campaigns');
