import { closedSet, type KeyOf } from './closed-set';

/** What a metric's value measures (Metric.kind). */
export const METRIC_KIND = closedSet({
  count: { zh: '数量', en: 'Count' },
  percent: { zh: '比例', en: 'Percentage' },
  duration: { zh: '时长', en: 'Duration' },
  money: { zh: '金额', en: 'Money' },
  rate: { zh: '人均或频率', en: 'Rate' },
  change: { zh: '增减', en: 'Change' },
});

export type MetricKind = KeyOf<typeof METRIC_KIND>;
