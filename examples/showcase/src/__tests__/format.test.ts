import { describe, expect, test } from '@jest/globals';
import type { Metric } from '@casebook/sdk';
import { formatDate, formatMetricValue, hospitalLine, webAddress } from '../format';

describe('the pages’ Chinese formats', () => {
  test.each<[Pick<Metric, 'value' | 'unit' | 'qualifier'>, string | null]>([
    [{ value: 420, unit: '人', qualifier: 'approx' }, '约420人'],
    [{ value: 1000, unit: '人', qualifier: 'more_than' }, '超过1,000人'],
    [{ value: 5, unit: '项', qualifier: 'less_than' }, '不足5项'],
    [{ value: 95.5, unit: '%', qualifier: 'exact' }, '95.5%'],
    [{ value: 12, unit: null, qualifier: null }, '12'],
    [{ value: null, unit: '次', qualifier: 'approx' }, null],
  ])('metric %j reads %s', (metric, expected) => {
    expect(formatMetricValue(metric)).toBe(expected);
  });

  test('a source date is the calendar day it names, wherever the reader is', () => {
    expect(formatDate('2022-03-01')).toBe('2022年3月1日');
    expect(formatDate('2021-12-31')).toBe('2021年12月31日');
  });

  test('a hospital line leaves out what the CMS does not know', () => {
    const names = { province: new Map([['sichuan', '四川']]) };
    const hospital = { documentId: 'h1', slug: 'h', name: '成都市第六人民医院', province: 'sichuan' as const, city: '成都', category: null, level: null };
    expect(hospitalLine(hospital, names)).toBe('成都市第六人民医院 · 四川 · 成都');
    expect(hospitalLine({ ...hospital, province: null, city: null }, names)).toBe('成都市第六人民医院');
  });
});

describe('webAddress', () => {
  test.each([
    ['https://www.jkb.com.cn/news/1.html', 'https://www.jkb.com.cn/news/1.html'],
    ['  HTTP://example.org/a ', 'HTTP://example.org/a'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//evil.example/x', null],
    ['健康报 2022年3月', null],
    ['https://', null],
    [null, null],
  ])('%j → %j', (url, expected) => {
    expect(webAddress(url)).toBe(expected);
  });
});
