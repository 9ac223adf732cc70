import type { CampaignStage } from '../closed-sets';
import type { ExtractedCampaign, ExtractedSource, RemovedSegment } from './types';

/**
 * The chrome a campaign's own pages carry: a site's navigation, buttons, counters and page lines name the case
 * call (案例征集, 案例评选, 案例展示 …) and what a visitor does there (投票, 点赞, 评选). A newspaper's regular
 * column (基层党建案例展示) has the name but no such action, and a report that a call was launched says so in its
 * body, not its chrome: neither is a campaign's page.
 */
const CHROME: ReadonlyArray<RemovedSegment['kind']> = ['navigation', 'button', 'counter', 'meta', 'footer', 'byline'];
const NAME = /((?:\d{4}年)?[\u4e00-\u9fff]{2,24}?(?:案例|作品|典型|项目)(?:征集|评选|评审|展示|展评)(?:活动)?)/;
const ACTION = /投票|点赞|评选|征集/;

/** The stage a campaign's page shows, the furthest first: a closed vote, published results, an open vote, judging, a call. */
const STAGES: ReadonlyArray<[CampaignStage, RegExp]> = [
  ['closed', /投票(?:已)?(?:结束|截止)|活动(?:已)?结束/],
  ['showcase', /评选结果|获奖名单|结果公示|公示名单/],
  ['voting', /投票|点赞/],
  ['reviewing', /评选|评审/],
  ['collecting', /征集/],
];

const ORGANISER = /主办(?:单位)?[:：]\s*《?([\u4e00-\u9fff]{2,16}?)》?社?(?:\s|$|[,，;；])/;

/**
 * The campaign whose page the document is, from its chrome: its name (with the year when the name has none),
 * organiser (the page's 主办单位, else its publication: the newspaper or site running the call), year (in the
 * name, else the page's date) and stage. Null for a document that is no campaign's page.
 */
export const campaignOf = (removed: RemovedSegment[], source: ExtractedSource): ExtractedCampaign | null => {
  const chrome = removed.filter((segment) => CHROME.includes(segment.kind)).map((segment) => segment.text.trim());
  const all = chrome.join('\n');
  if (!ACTION.test(all)) return null;
  const name = chrome.map((line) => NAME.exec(line)?.[1]).find((found): found is string => found !== undefined);
  if (!name) return null;
  const named = /^(\d{4})年/.exec(name);
  const dated = source.date ? /^(\d{4})/.exec(source.date) : null;
  const year = named ? Number(named[1]) : dated ? Number(dated[1]) : null;
  return {
    name: named || year === null ? name : `${year}年${name}`,
    organiser: chrome.map((line) => ORGANISER.exec(line)?.[1]).find((found): found is string => found !== undefined) ?? source.publication,
    year,
    stage: STAGES.find(([, pattern]) => pattern.test(all))![0],
  };
};
