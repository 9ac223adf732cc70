import { isFetchError } from '@strapi/strapi/admin';

type Translate = (id: string, defaultMessage: string) => string;

/** A refused request: the user's role lacks the route's permission (Settings → Roles). */
export const isForbidden = (error: unknown) => isFetchError(error) && error.status === 403;

/** What to tell the user when one of the page's requests failed. */
export const describeError = (error: unknown, t: Translate): string => {
  if (isForbidden(error)) return t('errors.forbidden', '你的角色没有此操作的权限, 请联系管理员在“设置 → 角色”中授予');
  if (isFetchError(error)) return error.response?.data?.error?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
};
