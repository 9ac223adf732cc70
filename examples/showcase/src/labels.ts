import type { Metric, VoteRefusal } from '@casebook/sdk';

// The words the pages put on the SDK's closed sets. Keyed by the SDK's own types, so a key the SDK adds is a
// compile error here. The closed sets' own names (provinces, categories, stages, snippet fields) come from the CMS's
// labels query instead (names.ts): this file holds only the pages' phrasing around them.

/** What goes before a metric's value: 约 420 人, 超过 30 项. */
export const QUALIFIER_PREFIX: Record<NonNullable<Metric['qualifier']>, string> = { exact: '', approx: '约', more_than: '超过', less_than: '不足' };

/** Why a vote did not count, as the button's message says it. */
export const VOTE_REFUSAL_MESSAGE: Record<VoteRefusal, string> = {
  already_voted: '您已经为这个案例点过赞了',
  voting_closed: '该案例所在的征集活动不在投票阶段,暂不能点赞',
};

/** The CMS's names of its closed sets' keys (四川, 中医, 投票, 正文), as names.ts loads them. */
export type Names = {
  province: ReadonlyMap<string, string>;
  category: ReadonlyMap<string, string>;
  stage: ReadonlyMap<string, string>;
  snippetField: ReadonlyMap<string, string>;
};
