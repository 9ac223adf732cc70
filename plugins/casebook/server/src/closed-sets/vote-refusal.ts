import { closedSet, type KeyOf } from './closed-set';

/** Why a vote did not count: VoteResult.reason, over GraphQL and REST alike. */
export const VOTE_REFUSAL = closedSet({
  already_voted: { zh: '已投过票', en: 'Already voted', description: "this voter's vote for this case in this period counted already" },
  voting_closed: { zh: '未在投票阶段', en: 'Voting closed', description: "the case's campaign is not in its voting stage" },
});

export type VoteRefusal = KeyOf<typeof VOTE_REFUSAL>;
