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

/**
 * The stages a campaign may move to from `stage`: the next one, or back to the previous one (to undo a move made
 * too early, e.g. reopen voting). Skipping a stage is refused: a campaign is reviewed before it is voted on, and
 * voted on before its results are shown.
 */
export const campaignStageMoves = (stage: CampaignStage): CampaignStage[] => {
  const index = CAMPAIGN_STAGE.keys.indexOf(stage);
  return [CAMPAIGN_STAGE.keys[index + 1], CAMPAIGN_STAGE.keys[index - 1]].filter((next): next is CampaignStage => next !== undefined && index >= 0);
};
