import { describe, expect, test } from '@jest/globals';
import { filterOf, listSearch, readListQuery, toggleFacet, withoutFacet, type ListQuery } from '../list-query';

const read = (search: string) => readListQuery(new URLSearchParams(search));

describe('the case list query in the URL', () => {
  test.each<[string, ListQuery]>([
    ['', { q: '', page: 1 }],
    ['?q=%20党校%20&page=2', { q: '党校', page: 2 }],
    ['?province=sichuan&category=tcm&theme=dang-xiao', { q: '', province: 'sichuan', category: 'tcm', theme: 'dang-xiao', page: 1 }],
    // A shared link may be old or mistyped: what the SDK would refuse is left out, not sent.
    ['?province=atlantis&category=zoo&theme=%20&page=0', { q: '', page: 1 }],
    ['?page=-3', { q: '', page: 1 }],
    ['?page=2.5', { q: '', page: 1 }],
    ['?page=abc', { q: '', page: 1 }],
  ])('%s reads as %j', (search, expected) => {
    expect(read(search)).toEqual(expected);
  });

  test('a query written to the URL reads back the same', () => {
    const query: ListQuery = { q: '黨校 建设', province: 'shaanxi', category: 'maternal_child', theme: 'wen-hua', page: 3 };
    expect(read(listSearch(query))).toEqual(query);
    expect(listSearch({ q: '', page: 1 })).toBe('?');
  });

  test('choosing a facet filters by it from the first page; choosing it again drops it', () => {
    const start: ListQuery = { q: '党校', province: 'sichuan', page: 4 };
    const chosen = toggleFacet(start, 'category', 'tcm');
    expect(chosen).toEqual({ q: '党校', province: 'sichuan', category: 'tcm', page: 1 });
    expect(toggleFacet(chosen, 'category', 'tcm')).toEqual({ q: '党校', province: 'sichuan', page: 1 });
    expect(toggleFacet(start, 'province', 'hunan')).toEqual({ q: '党校', province: 'hunan', page: 1 });
    expect(withoutFacet(start, 'province')).toEqual({ q: '党校', page: 1 });
  });

  test('the SDK filter carries the facets and leaves the search text to cases.search', () => {
    expect(filterOf({ q: '党校', province: 'sichuan', theme: 'dang-xiao', page: 2 })).toEqual({ province: 'sichuan', theme: 'dang-xiao' });
  });
});
