import { campaignStageMoves } from '../campaign-stage';

describe("a campaign's stage moves", () => {
  test('one stage forward or one back, never a skip', () => {
    expect(campaignStageMoves('collecting')).toEqual(['reviewing']);
    expect(campaignStageMoves('reviewing')).toEqual(['voting', 'collecting']);
    expect(campaignStageMoves('voting')).toEqual(['showcase', 'reviewing']);
    expect(campaignStageMoves('showcase')).toEqual(['closed', 'voting']);
    expect(campaignStageMoves('closed')).toEqual(['showcase']);
  });
});
