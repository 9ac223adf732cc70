import { HospitalCategorySchema, ProvinceSchema, type CaseFilter } from '@casebook/sdk';

/** Cases per page of the list. */
export const PAGE_SIZE = 12;

/** What the case list shows, as its URL says it: `/?q=党校&province=sichuan&category=tcm&theme=dang-xiao&page=2`. */
export type ListQuery = {
  /** the search box's text, trimmed; empty for no search */
  q: string;
  province?: NonNullable<CaseFilter['province']>;
  category?: NonNullable<CaseFilter['category']>;
  /** a theme's slug */
  theme?: string;
  page: number;
};

export type FacetKey = 'province' | 'category' | 'theme';

/**
 * The list's query from its URL. A shared link may be old or mistyped: a province or category the SDK does not
 * know, or a page that is no positive number, is left out rather than sent to the CMS to be refused. Themes are
 * the CMS's content: one it does not have is refused there, and the list page follows its suggestion.
 */
export const readListQuery = (params: URLSearchParams): ListQuery => {
  const query: ListQuery = { q: params.get('q')?.trim() ?? '', page: 1 };
  const province = ProvinceSchema.safeParse(params.get('province'));
  if (province.success) query.province = province.data;
  const category = HospitalCategorySchema.safeParse(params.get('category'));
  if (category.success) query.category = category.data;
  const theme = params.get('theme')?.trim();
  if (theme) query.theme = theme;
  const page = Number(params.get('page'));
  if (Number.isSafeInteger(page) && page > 1) query.page = page;
  return query;
};

/** The SDK filter of a list query (the search text goes separately to cases.search). */
export const filterOf = ({ province, category, theme }: ListQuery): Omit<CaseFilter, 'search'> => ({
  ...(province ? { province } : {}),
  ...(category ? { category } : {}),
  ...(theme ? { theme } : {}),
});

/** The URL (`?…`, or `?` alone for the plain list) of a list query; the page only when past the first. */
export const listSearch = (query: ListQuery): string => {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of ['province', 'category', 'theme'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page > 1) params.set('page', String(query.page));
  return `?${params.toString()}`;
};

/** The list without the filter of one facet, from its first page. */
export const withoutFacet = (query: ListQuery, key: FacetKey): ListQuery => {
  const next: ListQuery = { ...query, page: 1 };
  delete next[key];
  return next;
};

/** The list with a facet chosen, or with it dropped when it was the one chosen; back to the first page either way. */
export const toggleFacet = <Key extends FacetKey>(query: ListQuery, key: Key, value: NonNullable<ListQuery[Key]>): ListQuery =>
  query[key] === value ? withoutFacet(query, key) : { ...query, [key]: value, page: 1 };
