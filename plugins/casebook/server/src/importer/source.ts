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
      else if (!/主办|承办|电话|版权/.test(line)) source.column ??= line;
    }
    // The crumb is trimmed below: matching the spaces around it with \s* beside a lazy group took quadratic time.
    const crumbs = /首页\s*(?:>>|>|»|\/)([^>»/]+)(?:>>|>|»|\/)/.exec(line);
    if (crumbs) source.column ??= crumbs[1].trim();
    const issue = /^([\u4e00-\u9fff《》]{2,20})\s*(\d{4}年(?:第)?\d{1,3}期)$/.exec(line);
    if (issue) {
      source.publication ??= issue[1].replace(/[《》]/g, '');
      source.issue ??= issue[2];
    }
    const date = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(line);
    if (date && segment.kind !== 'related') source.date ??= isoDate(date[1], date[2], date[3]);
    const reads = /(阅读量|阅读数|浏览量|浏览次数|点击数|点击量|访问量)\s*(?:[:：]\s*)?(\d+)/.exec(line);
    if (reads) source.readCount ??= Number(reads[2]);
  }
  const url = /https?:\/\/[^\s"'<>）)]+/.exec(removed.map((segment) => segment.text).join('\n') + '\n' + text);
  if (url) source.url = url[0];
  return source;
};
