import { closedSet, type KeyOf } from './closed-set';

/** The kinds of item the importer extracts from a document, as the review's source panel highlights them (each in its colour). */
export const REVIEW_ITEM_KIND = closedSet({
  title: { zh: '标题', en: 'Title' },
  hospital: { zh: '医院', en: 'Hospital' },
  person: { zh: '人物', en: 'Person' },
  initiative: { zh: '举措', en: 'Initiative' },
  metric: { zh: '指标', en: 'Metric' },
  source: { zh: '来源信息', en: 'Source' },
});

export type ReviewItemKind = KeyOf<typeof REVIEW_ITEM_KIND>;
