import type { HospitalRef, Metric } from '@casebook/sdk';
import { QUALIFIER_PREFIX, type Names } from './labels';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A calendar date (YYYY-MM-DD, as the SDK gives a source's date) in Chinese: 2022年3月15日. */
export const formatDate = (date: string): string => dateFormat.format(new Date(`${date}T00:00:00Z`));

export const formatCount = (count: number): string => numberFormat.format(count);

/** A metric's value with its qualifier and unit (约 420 人, 95%), or null when it has no value. */
export const formatMetricValue = ({ value, unit, qualifier }: Pick<Metric, 'value' | 'unit' | 'qualifier'>): string | null => {
  if (value === null) return null;
  const prefix = qualifier ? QUALIFIER_PREFIX[qualifier] : '';
  return `${prefix}${numberFormat.format(value)}${unit ?? ''}`;
};

/** The hospital's name, province and city in a line: 四川大学华西医院 · 四川 · 成都. */
export const hospitalLine = (hospital: HospitalRef, names: Pick<Names, 'province'>): string =>
  [hospital.name, hospital.province ? names.province.get(hospital.province) : null, hospital.city].filter(Boolean).join(' · ');

/** A source's address, for a link only when it is a web page's (http or https): the CMS stores it as free text, and a javascript: link would run on a click. */
export const webAddress = (url: string | null): string | null => (url && /^https?:\/\/\S/i.test(url.trim()) ? url.trim() : null);
