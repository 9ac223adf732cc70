import { RateLimitError, isCasebookError } from '@casebook/sdk';

/** What went wrong, in words for a reader: every SDK error by its code, anything else as unexpected. */
export const describeError = (error: unknown): string => {
  if (!isCasebookError(error)) return '页面出现了意外错误,请刷新后重试。';
  switch (error.code) {
    case 'NETWORK':
      return '无法连接案例库服务器,请检查网络后重试。';
    case 'RATE_LIMITED': {
      const seconds = error instanceof RateLimitError ? error.retryAfter : undefined;
      return seconds === undefined ? '操作太频繁了,请稍后再试。' : `操作太频繁了,请 ${Math.ceil(seconds)} 秒后再试。`;
    }
    case 'NOT_FOUND':
      return '没有找到您要的内容,它可能已被撤下。';
    case 'FORBIDDEN':
      return '没有权限查看这项内容。';
    case 'VALIDATION':
      return '请求的参数有误,请检查链接或输入。';
    case 'SERVER':
      return '案例库服务器出错了,请稍后再试。';
    case 'RESPONSE_SHAPE':
      return '服务器返回的数据与本站使用的 SDK 版本不一致,请联系网站管理员更新。';
    default:
      return error.code satisfies never;
  }
};
