import type { PageInfo } from '@casebook/sdk';
import { Link } from 'react-router-dom';
import { listSearch, type ListQuery } from '../list-query';

/** Previous and next page links, and where the reader is. Nothing for a single page. */
export const Pagination = ({ query, pageInfo }: { query: ListQuery; pageInfo: PageInfo }) => {
  if (pageInfo.pageCount <= 1) return null;
  const { page, pageCount } = pageInfo;
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <Link to={listSearch({ ...query, page: page - 1 })} rel="prev">
          上一页
        </Link>
      ) : (
        <span aria-disabled="true">上一页</span>
      )}
      <span aria-current="page">
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <Link to={listSearch({ ...query, page: page + 1 })} rel="next">
          下一页
        </Link>
      ) : (
        <span aria-disabled="true">下一页</span>
      )}
    </nav>
  );
};
