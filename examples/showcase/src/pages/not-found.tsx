import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../use-document-title';

/** 页面不存在: for an address no route knows, and for a case the CMS does not have (or no longer publishes). */
export const NotFoundPage = () => {
  useDocumentTitle('页面不存在');
  return (
    <section className="message-page" aria-labelledby="not-found-heading">
      <p className="message-page__code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-heading">页面不存在</h1>
      <p>您访问的页面不存在,或者这个案例已被撤下。</p>
      <p>
        <Link to="/">返回案例列表</Link>
      </p>
    </section>
  );
};
