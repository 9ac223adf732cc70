import { closedSet, type KeyOf } from './closed-set';

/** Where a campaign stands (Campaign.stage); its cases take votes only in the voting stage. */
export const CAMPAIGN_STAGE = closedSet({
  collecting: { zh: '征集', en: 'Collecting' },
  reviewing: { zh: '评审', en: 'Reviewing' },
  voting: { zh: '投票', en: 'Voting' },
  showcase: { zh: '展示', en: 'Showcase' },
  closed: { zh: '结束', en: 'Closed' },
});

export type CampaignStage = KeyOf<typeof CAMPAIGN_STAGE>;
