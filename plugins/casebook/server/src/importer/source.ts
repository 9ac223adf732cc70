import type { ExtractedSource, RemovedSegment } from './types';

const isoDate = (year: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;

/** Publication, column, issue, date, URL and read count, from the page chrome the normaliser took out. */
export const sourceOf = (removed: RemovedSegment[], text: string): ExtractedSource => {
  const source: ExtractedSource = { publication: null, column: null, issue: null, date: null, url: null, readCount: null };
  for (const segment of removed) {
    const line = segment.text.trim();
    const publication = /《([^》]{2,20})》/.exec(line) ?? /承办单位[:：]\s*([\u4e00-\u9fff]{2,12}?)社/.exec(line) ?? /作者[:：]\s*([\u4e00-\u9fff]{2,16}(?:网|报|杂志|社))/.exec(line);
    if (publication && segment.kind !== 'related') source.publication ??= publication[1].replace(/社$/, '');
    if (segment.kind === 'footer') {
      const before = /^(.{2,40}?)\s*(主办单位|承办单位)/.exec(line);
      if (before) source.column ??= before[1].trim();
      else if (!/主办|承办|电话|版权|刊号|ICP|Copyright|【/i.test(line)) source.column ??= line;
    }
    // The crumb is trimmed below: matching the spaces around it with \s* beside a lazy group took quadratic time.
    const crumbs = /首页\s*(?:>>|>|»|\/)([^>»/]+)(?:>>|>|»|\/)/.exec(line);
    if (crumbs) source.column ??= crumbs[1].trim();
    const issue = /^([\u4e00-\u9fff《》]{2,20})\s*(\d{4}年(?:第)?\d{1,3}期)$/.exec(line);
    if (issue) {
      source.publication ??= issue[1].replace(/[《》]/g, '');
      source.issue ??= issue[2];
    }
    const date = /(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})/.exec(line);
    if (date && segment.kind !== 'related') source.date ??= isoDate(date[1], date[2], date[3]);
    const reads = /(?:阅读量|阅读数|阅读次数|阅读|浏览量|浏览次数|浏览数|点击数|点击量|访问量)\s*(?:[:：]\s*)?(\d+(?:\.\d+)?)(万)?/.exec(line);
    if (reads) source.readCount ??= Math.round(Number(reads[1]) * (reads[2] ? 10000 : 1));
    // An e-paper's page line: 第A03版 党建, or A03 党建 2022年04月07日.
    const page = /^第?[A-Z]?\d{1,2}版?\s+([\u4e00-\u9fff]{2,8})(?:\s|$)/.exec(line);
    if (page && segment.kind === 'meta') source.column ??= page[1];
    // The last crumb of a breadcrumb without arrows (首页 新闻中心 医院新闻) is the article's column.
    const lastCrumb = /^首页(?:\s+[\u4e00-\u9fff]{2,8})*\s+([\u4e00-\u9fff]{2,8})$/.exec(line);
    if (lastCrumb && segment.kind === 'navigation') source.column ??= lastCrumb[1];
  }
  const url = /https?:\/\/[^\s"'<>）)]+/.exec(removed.map((segment) => segment.text).join('\n') + '\n' + text);
  if (url) source.url = url[0];
  return source;
};
