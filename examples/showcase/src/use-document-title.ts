import { useEffect } from 'react';

export const SITE_NAME = '卫生健康行业党建创新案例';
const SITE_DESCRIPTION = '医院党建工作的创新案例:党建教育、文化、廉洁与服务,可检索、可阅读、可点赞。';

/** The page's <meta name="description">, made on first use when index.html has none. */
const descriptionTag = (): HTMLMetaElement => {
  const found = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (found) return found;
  const made = Object.assign(document.createElement('meta'), { name: 'description' });
  document.head.append(made);
  return made;
};

/**
 * Sets the tab's title to `title · site name` (the site name alone without a title) and the page's description
 * (what search engines and link previews show; the site's own without one) while the page is shown.
 */
export const useDocumentTitle = (title?: string, description?: string): void => {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
    descriptionTag().content = description ?? SITE_DESCRIPTION;
  }, [title, description]);
};
