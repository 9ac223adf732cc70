import { closedSet, type KeyOf } from './closed-set';

/** Which text of a case a search snippet is cut from: SearchSnippet.field, tried in the order declared here. */
export const SNIPPET_FIELD = closedSet({
  body: { zh: '正文', en: 'Body' },
  summary: { zh: '摘要', en: 'Summary' },
  initiatives: { zh: '举措', en: 'Initiatives', description: "the names of the case's initiatives" },
  title: { zh: '标题', en: 'Title' },
});

export type SnippetField = KeyOf<typeof SNIPPET_FIELD>;
