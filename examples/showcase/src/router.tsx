import { createBrowserRouter } from 'react-router-dom';
import { FirstLoad, Layout } from './components/layout';
import { CaseListPage, caseListLoader } from './pages/case-list';
import { CasePage, casePageLoader } from './pages/case-page';
import { NotFoundPage } from './pages/not-found';
import { RouteError } from './pages/route-error';
import { VotingCentrePage, votingCentreLoader } from './pages/voting-centre';

/**
 * The pages. Their loaders call the SDK before the page shows; a loader's error renders RouteError inside the
 * layout (the 404 page for a NotFoundError). The future flags opt in to React Router 7's behaviour now.
 */
export const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      hydrateFallbackElement: <FirstLoad />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, loader: caseListLoader, element: <CaseListPage /> },
            { path: 'cases/:slug', loader: casePageLoader, element: <CasePage /> },
            { path: 'vote', loader: votingCentreLoader, element: <VotingCentrePage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  {
    future: { v7_fetcherPersist: true, v7_normalizeFormMethod: true, v7_partialHydration: true, v7_relativeSplatPath: true, v7_skipActionErrorRevalidation: true },
  },
);
