import { ValidationError, type SearchSnippet, type CaseSummary, type PageInfo } from '@casebook/sdk';
import { Form, Link, redirect, useLoaderData, type LoaderFunctionArgs } from 'react-router-dom';
import { casebook } from '../casebook';
import { CaseCard } from '../components/case-card';
import { FacetGroup } from '../components/facet-group';
import { Pagination } from '../components/pagination';
import { formatCount } from '../format';
import { loadNames } from '../names';
import { PAGE_SIZE, filterOf, listSearch, readListQuery, withoutFacet, type ListQuery } from '../list-query';
import { useDocumentTitle } from '../use-document-title';

type Row = { shown: CaseSummary; snippet: SearchSnippet | null };

/** The list's data: a page of cases (search hits when there is a search), the facets under the same filter, place names. */
export const caseListLoader = async ({ request }: LoaderFunctionArgs) => {
  const query = readListQuery(new URL(request.url).searchParams);
  const filter = filterOf(query);
  const paging = { page: query.page, pageSize: PAGE_SIZE };
  const cases: Promise<{ rows: Row[]; pageInfo: PageInfo }> = query.q
    ? casebook.cases.search(query.q, { filter, ...paging }).then(({ items, pageInfo }) => ({ rows: items.map((hit) => ({ shown: hit.case, snippet: hit.snippet })), pageInfo }))
    : casebook.cases.list({ filter, ...paging }).then(({ items, pageInfo }) => ({ rows: items.map((shown) => ({ shown, snippet: null })), pageInfo }));
  try {
    const [{ rows, pageInfo }, facets, names] = await Promise.all([cases, casebook.cases.facets({ filter: query.q ? { ...filter, search: query.q } : filter }), loadNames()]);
    return { query, rows, pageInfo, facets, names };
  } catch (error) {
    // A shared link naming a theme the CMS does not have (mistyped, or renamed since): the list with the slug the
    // CMS suggests (dangxiao → dang-xiao), else without the theme.
    const details = error instanceof ValidationError ? (error.strapi?.details as { theme?: unknown; suggestion?: unknown } | undefined) : undefined;
    if (query.theme && details?.theme === query.theme) {
      throw redirect(`/${listSearch({ ...query, theme: typeof details.suggestion === 'string' ? details.suggestion : undefined, page: 1 })}`);
    }
    throw error;
  }
};

type CaseListData = Awaited<ReturnType<typeof caseListLoader>>;

/** What the list is filtered by, in words, each with a link that drops it. */
const ChosenFilters = ({ query, data }: { query: ListQuery; data: CaseListData }) => {
  const chosen = [
    query.province ? { key: 'province' as const, label: data.names.province.get(query.province) ?? query.province } : null,
    query.category ? { key: 'category' as const, label: data.names.category.get(query.category) ?? query.category } : null,
    query.theme ? { key: 'theme' as const, label: data.facets.themes.find((theme) => theme.value === query.theme)?.label ?? query.theme } : null,
  ].filter((entry) => entry !== null);
  if (chosen.length === 0) return null;
  return (
    <ul className="chosen-filters" aria-label="已选条件">
      {chosen.map(({ key, label }) => (
        <li key={key}>
          <Link to={listSearch(withoutFacet(query, key))} aria-label={`取消筛选:${label}`}>
            {label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      <li>
        <Link to={listSearch({ q: query.q, page: 1 })}>清除全部筛选</Link>
      </li>
    </ul>
  );
};

/** 案例列表: published cases with facets, search and pages, all of it in the URL. */
export const CaseListPage = () => {
  const data = useLoaderData() as CaseListData;
  const { query, rows, pageInfo, facets, names } = data;
  useDocumentTitle(query.q ? `搜索「${query.q}」` : undefined);

  return (
    <div className="list-layout">
      <div className="list-head">
        <h1 className="page-title">党建创新案例</h1>
        <Form method="get" role="search" className="search-form" key={query.q}>
          <label htmlFor="search-q" className="visually-hidden">
            搜索案例
          </label>
          <input id="search-q" name="q" type="search" defaultValue={query.q} placeholder="搜索标题、摘要、正文和举措,简繁体均可" enterKeyHint="search" />
          {(['province', 'category', 'theme'] as const).map((key) => (query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null))}
          <button type="submit">搜索</button>
        </Form>
        <ChosenFilters query={query} data={data} />
      </div>
      <aside className="facets" aria-label="筛选案例">
        <FacetGroup title="省份" facet="province" buckets={facets.provinces} query={query} />
        <FacetGroup title="医院类别" facet="category" buckets={facets.categories} query={query} />
        <FacetGroup title="主题" facet="theme" buckets={facets.themes} query={query} />
      </aside>
      <section className="list-results" aria-labelledby="results-heading">
        <h2 id="results-heading" className="visually-hidden">
          案例
        </h2>
        <p className="result-count" role="status" data-testid="result-count">
          {query.q ? `「${query.q}」共找到 ${formatCount(pageInfo.total)} 个案例` : `共 ${formatCount(pageInfo.total)} 个案例`}
        </p>
        {rows.length > 0 ? (
          <ol className="case-list">
            {rows.map(({ shown, snippet }) => (
              <li key={shown.documentId}>
                <CaseCard shown={shown} snippet={snippet} names={names} />
              </li>
            ))}
          </ol>
        ) : pageInfo.total > 0 ? (
          <p className="empty">
            没有这一页。<Link to={listSearch({ ...query, page: 1 })}>回到第一页</Link>
          </p>
        ) : (
          <p className="empty">没有符合条件的案例,换个关键词或减少筛选条件试试。</p>
        )}
        <Pagination query={query} pageInfo={pageInfo} />
      </section>
    </div>
  );
};
