import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { Context } from 'koa';
import { Readable } from 'node:stream';
import type { CasebookConfig } from '../config';
import { engagementOf, timeIn } from '../engagement';
import { publicAccessOf } from '../public-access';
import { votingOf } from './voting';

/** A download whose name may hold Chinese: an ASCII fallback and the UTF-8 name (RFC 6266). */
const attachment = (ctx: Context, name: string) => {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
};

/**
 * CSV of `rows` with a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8. Titles and names
 * are written by editors and importers: a text cell starting with =, +, -, @, a tab or a carriage return (or a
 * full-width =, +, -, @) gets a leading ' so that Excel, LibreOffice and Numbers show it instead of running it
 * as a formula. Numbers (rank, votes, views) are left alone.
 */
const csv = (columns: string[], rows: AsyncIterable<unknown[]>) =>
  Readable.from(rows).pipe(stringify({ header: true, columns, bom: true, escape_formulas: true }));

/** How the exports' headers name a time zone: Beijing time by its Chinese name, any other by its IANA name. */
const zoneName = (timeZone: string) => (timeZone === 'Asia/Shanghai' ? '北京时间' : timeZone);

/** The exports' column headers: the editors' language, as the file is for them (a spreadsheet, not a program). */
const rankingColumns = (timeZone: string) => ['名次', '案例 documentId', '案例标题', '医院', '投票数', '阅读数', `最后投票时间 (${zoneName(timeZone)})`];
const ballotColumns = (timeZone: string) => [`投票时间 (${zoneName(timeZone)})`, '案例 documentId', '案例标题', '投票人密钥', '计票周期'];

const switchBody = yup.object({ open: yup.boolean().strict().required() });

/** The editors' voting centre: the campaigns' standings and their CSV exports. */
const votingController = ({ strapi }: { strapi: Core.Strapi }) => {
  const voting = () => votingOf(strapi);

  const campaignOf = async (ctx: Context) => {
    const campaign = await voting().campaign(ctx.params.campaign);
    if (!campaign) throw new errors.NotFoundError(`No campaign ${ctx.params.campaign}`);
    return campaign;
  };
  // The zone the ballots' periods (their days) are counted in (CASEBOOK_VOTE_TIME_ZONE): a ballot's time and its
  // period name the same day.
  const { timeZone } = strapi.plugin('casebook').config('votes') as Required<NonNullable<CasebookConfig['votes']>>;

  return {
    /** Whether the public may vote (the Public role's vote permission). */
    async switchState(ctx: Context) {
      ctx.body = { data: { open: await publicAccessOf(strapi).votingOpen() } };
    },

    /** Opens or stops public voting: `{ open: boolean }`. */
    async switch(ctx: Context) {
      const { open } = await validateYupSchema(switchBody)(ctx.request.body ?? {});
      ctx.body = { data: { open: await publicAccessOf(strapi).setVoting(open) } };
    },

    async campaigns(ctx: Context) {
      ctx.body = { data: await voting().campaigns() };
    },

    async ranking(ctx: Context) {
      const campaign = await campaignOf(ctx);
      ctx.body = { data: await voting().standings(campaign.documentId, 10) };
    },

    async rankingCsv(ctx: Context) {
      const campaign = await campaignOf(ctx);
      const standings = await voting().standings(campaign.documentId);
      attachment(ctx, `${campaign.name}-排名.csv`);
      ctx.body = csv(
        rankingColumns(timeZone),
        (async function* rows() {
          for (const row of standings) yield [row.rank, row.documentId, row.title, row.hospital ?? '', row.votes, row.views, row.votedAt ? timeIn(timeZone, row.votedAt) : ''];
        })(),
      );
    },

    async ballotsCsv(ctx: Context) {
      const campaign = await campaignOf(ctx);
      const titles = await voting().caseTitles(campaign.documentId);
      const ballots = engagementOf(strapi).ballots(campaign.documentId);
      attachment(ctx, `${campaign.name}-投票记录.csv`);
      ctx.body = csv(
        ballotColumns(timeZone),
        (async function* rows() {
          for await (const page of ballots) {
            for (const ballot of page) yield [timeIn(timeZone, ballot.castAt), ballot.documentId, titles.get(ballot.documentId) ?? '', ballot.voterKey, ballot.period];
          }
        })(),
      );
    },
  };
};

export default votingController;
