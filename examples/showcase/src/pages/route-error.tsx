import { NotFoundError } from '@casebook/sdk';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router-dom';
import { describeError } from '../errors';
import { useDocumentTitle } from '../use-document-title';
import { NotFoundPage } from './not-found';

/** A page whose data could not be loaded: the 404 page for a missing case, else what went wrong and a retry. */
export const RouteError = () => {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const notFound = error instanceof NotFoundError || (isRouteErrorResponse(error) && error.status === 404);
  useDocumentTitle(notFound ? '页面不存在' : '加载失败');
  if (notFound) return <NotFoundPage />;
  return (
    <section className="message-page" role="alert" aria-labelledby="error-heading">
      <h1 id="error-heading">加载失败</h1>
      <p>{describeError(error)}</p>
      <p>
        <button type="button" onClick={() => revalidator.revalidate()} disabled={revalidator.state === 'loading'}>
          重试
        </button>
      </p>
    </section>
  );
};
