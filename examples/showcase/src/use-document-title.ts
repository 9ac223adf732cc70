import { useEffect } from 'react';

export const SITE_NAME = '卫生健康行业党建创新案例';

/** Sets the tab's title to `title · site name` (the site name alone without a title) while the page is shown. */
export const useDocumentTitle = (title?: string): void => {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }, [title]);
};
