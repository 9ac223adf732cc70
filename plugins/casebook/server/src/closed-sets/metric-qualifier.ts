import { closedSet, type KeyOf } from './closed-set';

/**
 * How exact a metric's value is (Metric.qualifier): 近/约 approx, 余/多/超过 more_than, 不到/不足 less_than.
 * `sign` is what goes before the value where space is short (the import preview).
 */
export const METRIC_QUALIFIER = closedSet({
  exact: { zh: '确数', en: 'exact', sign: '' },
  approx: { zh: '约', en: 'approximately', sign: '约' },
  more_than: { zh: '超过', en: 'more than', sign: '>' },
  less_than: { zh: '不足', en: 'less than', sign: '<' },
});

export type MetricQualifier = KeyOf<typeof METRIC_QUALIFIER>;
