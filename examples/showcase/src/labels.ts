import type { Campaign, Metric, SnippetField, VoteRefusal } from '@casebook/sdk';

// The words the pages put on the SDK's closed sets. Keyed by the SDK's own types, so a key the SDK adds is a
// compile error here. Province and hospital-category names come from the CMS instead (place-labels.ts).

/** What goes before a metric's value: 约 420 人, 超过 30 项. */
export const QUALIFIER_PREFIX: Record<NonNullable<Metric['qualifier']>, string> = { exact: '', approx: '约', more_than: '超过', less_than: '不足' };

/** Which text of a case a search snippet comes from. */
export const SNIPPET_FIELD_LABEL: Record<SnippetField, string> = { body: '正文', summary: '摘要', initiatives: '举措', title: '标题' };

export const CAMPAIGN_STAGE_LABEL: Record<NonNullable<Campaign['stage']>, string> = { collecting: '征集', reviewing: '评审', voting: '投票', showcase: '展示', closed: '结束' };

/** Why a vote did not count, as the button's message says it. */
export const VOTE_REFUSAL_MESSAGE: Record<VoteRefusal, string> = {
  already_voted: '您已经为这个案例点过赞了',
  voting_closed: '该案例所在的征集活动不在投票阶段,暂不能点赞',
};

/** Province and hospital-category names by key, as the CMS labels them (place-labels.ts loads them). */
export type PlaceLabels = { province: ReadonlyMap<string, string>; category: ReadonlyMap<string, string> };
