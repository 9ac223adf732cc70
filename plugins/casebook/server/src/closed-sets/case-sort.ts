import { closedSet, type KeyOf } from './closed-set';

/** The orders of the showcase's case lists and search (GraphQL enum CaseSort). */
export const CASE_SORT = closedSet({
  NEWEST: { zh: '最新', en: 'Newest first' },
  OLDEST: { zh: '最早', en: 'Oldest first' },
  MOST_VOTED: { zh: '票数最多', en: 'Most votes first', description: 'most votes first, a tie going to the case that reached its count first' },
  MOST_VIEWED: { zh: '阅读最多', en: 'Most reads first' },
  RELEVANCE: { zh: '最相关', en: 'Best match first', description: 'search results only: best match first' },
});

export type CaseSort = KeyOf<typeof CASE_SORT>;
