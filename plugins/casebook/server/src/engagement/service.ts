import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { CampaignStage, VoteRefusal } from '../closed-sets';
import type { CasebookConfig, VoteRule } from '../config';
import { UID } from '../constants';
import { columnOf, joinTableOf, tableOf, transactionWithRetry, type RetryOptions } from '../database';
import { addressKeyOf, dayIn, digest, secretHash, voterIdKeyOf, voterKeyOf } from './keys';
import { groupCommit } from './group-commit';
import { createRateLimits, type RateLimits } from './rate-limit';
import { RedisUnreachableError, type RedisState } from './redis';
import { BALLOTS_TABLE, COUNTERS_TABLE, IDEMPOTENCY_TABLE, VIEW_MARKS_TABLE, ensureTables } from './tables';
import { serviceAccessor } from '../plugin-services';

/** Whether a vote counted, the case's votes after it, and why it did not count (closed-sets/vote-refusal). */
export type VoteResult = { counted: boolean; votes: number; reason: VoteRefusal | null };
export type ViewResult = { counted: boolean; views: number };
/** A case's votes and views, and when it reached its vote count (null without votes). */
export type Counters = { votes: number; views: number; votedAt: Date | null };

/** Who is asking: the front end's anonymous voter id and the client address the request came from. */
export type Visitor = { voter?: string | null; address: string };

const MAX_VOTER_LENGTH = 128;
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const IDEMPOTENCY_HOURS = 24;
const PRUNE_EVERY_MS = 5 * 60 * 1000;
/** How long the start waits for Redis: production then refuses to start, elsewhere the start goes on without it. */
const REDIS_START_TIMEOUT_MS = { production: 5000, other: 2000 };

/** Rows of a raw statement with RETURNING or SELECT: pg puts them in `rows`, better-sqlite3 returns them. */
const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? [])) as Row[];

/** Strings in one order for every process: the order in which a group locks rows. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const checkVoter = (voter: string | null | undefined, required: boolean): string => {
  if (voter === undefined || voter === null || voter === '') {
    if (required) throw new errors.ValidationError('voter is required: the anonymous id the front end keeps for its visitor');
    return '';
  }
  if (typeof voter !== 'string' || voter.length > MAX_VOTER_LENGTH) {
    throw new errors.ValidationError(`voter must be a string of at most ${MAX_VOTER_LENGTH} characters`);
  }
  return voter;
};

/**
 * Votes (给我点赞 / 投票) and reads (阅读量) of published cases. Counters, ballots and read marks live in the
 * plugin's own tables keyed by documentId; every change is one atomic statement per table, in one transaction,
 * never read-modify-write: a ballot's unique key decides whether a vote counts, and the counter moves only then.
 */
const engagementService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const config = <Key extends keyof CasebookConfig>(key: Key) => strapi.plugin('casebook').config(key) as CasebookConfig[Key];
  // Strapi fills what the host's config leaves unset with the plugin's DEFAULT_CONFIG: every setting is there.
  const setting = () => {
    const votes = config('votes') as Required<NonNullable<CasebookConfig['votes']>>;
    const views = config('views') as Required<NonNullable<CasebookConfig['views']>>;
    const secret = config('secret');
    if (!secret) throw new Error('casebook.secret (CASEBOOK_SECRET) is not set: voter keys cannot be hashed');
    return { votes, views, secret };
  };

  let clock: () => Date = () => new Date();

  /** Retries of `what` when it meets a deadlock or a serialisation failure (another instance's writes), in the log. */
  const retrying = (what: string): RetryOptions => ({
    what,
    onTransient(error, attempt, again) {
      const reason = (error as { code?: string }).code ?? String(error);
      if (again) strapi.log.warn(`[casebook] ${what} failed transiently (${reason}, try ${attempt}): trying again`);
      else strapi.log.error(`[casebook] ${what} failed transiently ${attempt} times (${reason}): answered 503`);
    },
  });
  let limits: RateLimits | undefined;
  let pruning: NodeJS.Timeout | undefined;

  const rateLimits = () => {
    if (!limits) {
      const { votes, views } = setting();
      limits = createRateLimits({
        perMinute: { vote: votes.ratePerMinute, view: views.ratePerMinute },
        redisUrl: config('redisUrl') || undefined,
        log: strapi.log,
      });
    }
    return limits;
  };

  /** The published case with this documentId, with its campaign's stage; NotFoundError for anything else. */
  const publishedCase = async (db: Knex | Knex.Transaction, documentId: string) => {
    if (typeof documentId !== 'string' || documentId === '') throw new errors.ValidationError('documentId is required');
    const link = joinTableOf(strapi, UID.case, 'campaign');
    const row: { campaignId: string | null; stage: CampaignStage | null } | undefined = await db(`${tableOf(strapi, UID.case)} as c`)
      .leftJoin(`${link.name} as cl`, `cl.${link.joinColumn.name}`, 'c.id')
      .leftJoin(`${tableOf(strapi, UID.campaign)} as g`, 'g.id', `cl.${link.inverseJoinColumn.name}`)
      .where(`c.${columnOf(strapi, UID.case, 'documentId')}`, documentId)
      .whereNotNull(`c.${columnOf(strapi, UID.case, 'publishedAt')}`)
      .first({ campaignId: `g.${columnOf(strapi, UID.campaign, 'documentId')}`, stage: `g.${columnOf(strapi, UID.campaign, 'stage')}` });
    if (!row) throw new errors.NotFoundError(`No published case with documentId ${documentId}`, { documentId });
    return row;
  };

  /** The period a ballot is unique in under `rule`: the day, the campaign, or (unlimited) a period of its own. */
  const periodOf = (rule: VoteRule, timeZone: string, now: Date, campaignId: string | null) => {
    if (rule === 'per-day') return `day:${dayIn(timeZone, now)}`;
    if (rule === 'per-campaign') return `campaign:${campaignId ?? 'none'}`;
    return `vote:${randomUUID()}`;
  };

  const votesOf = async (db: Knex | Knex.Transaction, documentId: string) => {
    const row = await db(COUNTERS_TABLE).where('document_id', documentId).first('votes');
    return Number(row?.votes ?? 0);
  };

  /** One statement: the case's votes plus one (the counter created at 1), dated `at`, returning the new count. */
  const addVote = async (db: Knex.Transaction, documentId: string, at: number) => {
    const result = await db.raw(
      `insert into ${COUNTERS_TABLE} (document_id, votes, views, voted_at) values (?, 1, 0, ?)` +
        ` on conflict (document_id) do update set votes = ${COUNTERS_TABLE}.votes + 1, voted_at = excluded.voted_at returning votes`,
      [documentId, at],
    );
    return Number(rowsOf<{ votes: number | string }>(result)[0]!.votes);
  };

  type Idempotency = { key: string; request: string };

  /** The first answer given under this Idempotency-Key; ValidationError when the key was used for another request. */
  const replayOf = async (db: Knex | Knex.Transaction, idempotency: Idempotency): Promise<VoteResult | undefined> => {
    const row: { request: string; answer: string | null } | undefined = await db(IDEMPOTENCY_TABLE).where('key', idempotency.key).first('request', 'answer');
    if (!row) return undefined;
    if (row.request !== idempotency.request) {
      throw new errors.ValidationError('This Idempotency-Key was already used for a different request: use a new key for each new vote');
    }
    return row.answer ? (JSON.parse(row.answer) as VoteResult) : undefined;
  };

  type View = { documentId: string; voterKey: string; now: number; window: number };

  /**
   * Reads, committed in groups (see groupCommit) with a fixed number of statements per group: which of the
   * group's cases are published; one upsert of the readers' marks, where a mark moves (and its read counts)
   * only when the last counted read is out of the window; one upsert adding each case's counted reads to its
   * counter, returning the new totals. Each read's own total follows from its place in the group.
   */
  const views = groupCommit<View, ViewResult>(knex, async (trx, jobs) => {
    const documentIdColumn = columnOf(strapi, UID.case, 'documentId');
    const published = new Set<string>(
      await trx(tableOf(strapi, UID.case))
        .whereIn(documentIdColumn, [...new Set(jobs.map((job) => job.documentId))])
        .whereNotNull(columnOf(strapi, UID.case, 'publishedAt'))
        .pluck(documentIdColumn),
    );
    // A reader's second read of a case in the same group is inside the window of the first (a minute at least).
    const firsts = new Map<string, View>();
    for (const job of jobs) if (published.has(job.documentId)) firsts.set(`${job.voterKey}\u0000${job.documentId}`, firsts.get(`${job.voterKey}\u0000${job.documentId}`) ?? job);
    // Rows are locked in key order, as every other instance's groups lock them: two groups never wait on each other in a circle.
    const attempts = [...firsts.values()].sort((a, b) => compare(a.voterKey, b.voterKey) || compare(a.documentId, b.documentId));
    const moved = attempts.length
      ? rowsOf<{ voter_key: string; document_id: string }>(
          await trx.raw(
            `insert into ${VIEW_MARKS_TABLE} (voter_key, document_id, viewed_at) values ${attempts.map(() => '(?, ?, ?)').join(', ')}` +
              ` on conflict (voter_key, document_id) do update set viewed_at = excluded.viewed_at where ${VIEW_MARKS_TABLE}.viewed_at <= excluded.viewed_at - ?` +
              ' returning voter_key, document_id',
            [...attempts.flatMap((job) => [job.voterKey, job.documentId, job.now]), attempts[0]!.window],
          ),
        )
      : [];
    const counted = new Set(moved.map((row) => firsts.get(`${row.voter_key}\u0000${row.document_id}`)!));
    const added = new Map<string, number>();
    for (const job of attempts) if (counted.has(job)) added.set(job.documentId, (added.get(job.documentId) ?? 0) + 1);
    const increments = [...added].sort(([a], [b]) => compare(a, b));

    const totals = new Map<string, number>();
    if (increments.length > 0) {
      const rows = rowsOf<{ document_id: string; views: number | string }>(
        await trx.raw(
          `insert into ${COUNTERS_TABLE} (document_id, votes, views) values ${increments.map(() => '(?, 0, ?)').join(', ')}` +
            ` on conflict (document_id) do update set views = ${COUNTERS_TABLE}.views + excluded.views returning document_id, views`,
          increments.flat(),
        ),
      );
      for (const row of rows) totals.set(row.document_id, Number(row.views));
    }
    const unread = [...published].filter((documentId) => !totals.has(documentId));
    if (unread.length > 0) {
      const rows: Array<{ document_id: string; views: number | string }> = await trx(COUNTERS_TABLE).whereIn('document_id', unread).select('document_id', 'views');
      for (const documentId of unread) totals.set(documentId, 0);
      for (const row of rows) totals.set(row.document_id, Number(row.views));
    }

    // The k-th counted read of a case in this group saw its total before the later ones: the final total less them.
    const later = new Map(added);
    return jobs.map((job) => {
      if (!published.has(job.documentId)) return new errors.NotFoundError(`No published case with documentId ${job.documentId}`, { documentId: job.documentId });
      const total = totals.get(job.documentId)!;
      if (!counted.has(job)) return { counted: false, views: total - (later.get(job.documentId) ?? 0) };
      const remaining = later.get(job.documentId)! - 1;
      later.set(job.documentId, remaining);
      return { counted: true, views: total - remaining };
    });
  }, retrying('a group of reads'));

  const prune = async () => {
    const now = clock().getTime();
    const { views } = setting();
    await knex()(VIEW_MARKS_TABLE).where('viewed_at', '<=', now - views.windowMinutes * 60_000).delete();
    await knex()(IDEMPOTENCY_TABLE).where('created_at', '<=', now - IDEMPOTENCY_HOURS * 3_600_000).delete();
  };

  return {
    /** Replaces the clock votes and reads are dated by (tests move it to the next day). */
    useClock(now: () => Date) {
      clock = now;
    },

    /**
     * Creates its tables when missing, connects the rate limits (to Redis when configured, waiting for it a few seconds) and starts removing
     * expired read marks and idempotency answers every few minutes. Redis out of reach is logged as an error by
     * the rate limits; production refuses to start with it: every instance would grant an allowance of its own.
     * @throws RedisUnreachableError in production when REDIS_URL is set and Redis does not answer in time.
     */
    async start() {
      await ensureTables(knex());
      const production = strapi.config.get('environment') === 'production';
      if (!(await rateLimits().ready(production ? REDIS_START_TIMEOUT_MS.production : REDIS_START_TIMEOUT_MS.other)) && production) {
        limits?.close();
        limits = undefined;
        throw new RedisUnreachableError(config('redisUrl') ?? '', REDIS_START_TIMEOUT_MS.production);
      }
      pruning ??= setInterval(() => prune().catch((error: unknown) => strapi.log.warn(`[casebook] pruning engagement marks failed: ${String(error)}`)), PRUNE_EVERY_MS);
      pruning.unref();
    },

    prune,

    /** Where the rate limits count: Redis's state, for the health check. */
    redis(): RedisState {
      return rateLimits().redis();
    },

    async stop() {
      if (pruning) clearInterval(pruning);
      pruning = undefined;
      limits?.close();
      limits = undefined;
    },

    /**
     * One vote by `visitor` for a published case. It counts when the voter has no ballot for the case in the
     * current period (the day, the campaign, or always, by configuration) and the case's campaign, if any, is in
     * its voting stage; the answer says whether it counted, why not, and the case's votes after it.
     * @param idempotencyKey a client's key for this vote: a retry with the same key gets the first answer.
     * @throws NotFoundError for anything but a published case, RateLimitError past the per-minute allowance.
     */
    async vote(documentId: string, visitor: Visitor, idempotencyKey?: string | null): Promise<VoteResult> {
      const voter = checkVoter(visitor.voter, true);
      const { votes: rules, secret } = setting();
      const voterKey = voterKeyOf(secret, voter, visitor.address);
      let idempotency: Idempotency | undefined;
      if (idempotencyKey !== undefined && idempotencyKey !== null && idempotencyKey !== '') {
        if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) throw new errors.ValidationError(`Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
        idempotency = { key: secretHash(secret, 'idempotency', 'vote', voterKey, idempotencyKey), request: digest('vote', documentId) };
        // A retry is answered before it meets the rate limit: it asks for nothing new.
        const replay = await replayOf(knex(), idempotency);
        if (replay) return replay;
      }
      await rateLimits().consume('vote', [addressKeyOf(secret, visitor.address), voterIdKeyOf(secret, voter)]);

      return transactionWithRetry(knex(), async (trx) => {
        const now = clock();
        if (idempotency) {
          const claimed = rowsOf(
            await trx.raw(`insert into ${IDEMPOTENCY_TABLE} (key, request, created_at) values (?, ?, ?) on conflict (key) do nothing returning key`, [
              idempotency.key,
              idempotency.request,
              now.getTime(),
            ]),
          );
          // A concurrent request with the same key got there first (and has committed: the insert waited for it).
          if (claimed.length === 0) {
            const replay = await replayOf(trx, idempotency);
            if (replay) return replay;
          }
        }
        const target = await publishedCase(trx, documentId);
        let answer: VoteResult;
        if (target.campaignId !== null && target.stage !== 'voting') {
          answer = { counted: false, votes: await votesOf(trx, documentId), reason: 'voting_closed' };
        } else {
          const ballot = rowsOf(
            await trx.raw(
              `insert into ${BALLOTS_TABLE} (voter_key, document_id, period, campaign_id, cast_at) values (?, ?, ?, ?, ?)` +
                ' on conflict (voter_key, document_id, period) do nothing returning id',
              [voterKey, documentId, periodOf(rules.rule, rules.timeZone, now, target.campaignId), target.campaignId, now.getTime()],
            ),
          );
          answer =
            ballot.length > 0
              ? { counted: true, votes: await addVote(trx, documentId, now.getTime()), reason: null }
              : { counted: false, votes: await votesOf(trx, documentId), reason: 'already_voted' };
        }
        if (idempotency) await trx(IDEMPOTENCY_TABLE).where('key', idempotency.key).update({ answer: JSON.stringify(answer) });
        return answer;
      }, retrying('the vote'));
    },

    /**
     * One read of a published case: it counts unless the same voter's read of it counted within the window
     * (30 minutes by default). Without a voter id the client address alone identifies the reader.
     * @throws NotFoundError for anything but a published case, RateLimitError past the per-minute allowance.
     */
    async recordView(documentId: string, visitor: Visitor): Promise<ViewResult> {
      const voter = checkVoter(visitor.voter, false);
      const { views: rules, secret } = setting();
      if (typeof documentId !== 'string' || documentId === '') throw new errors.ValidationError('documentId is required');
      const voterKey = voterKeyOf(secret, voter, visitor.address);
      await rateLimits().consume('view', voter ? [addressKeyOf(secret, visitor.address), voterIdKeyOf(secret, voter)] : [addressKeyOf(secret, visitor.address)]);
      return views({ documentId, voterKey, now: clock().getTime(), window: rules.windowMinutes * 60_000 });
    },

    /** The counters of each documentId (0 and 0 for a case never voted for nor read), in one query. */
    async counters(documentIds: readonly string[], options: { publishedOnly?: boolean } = {}): Promise<Counters[]> {
      const query = knex()(COUNTERS_TABLE).whereIn('document_id', [...new Set(documentIds)]).select('document_id', 'votes', 'views', 'voted_at');
      // For the public, a case that is not published has no counters: the same answer as one that does not exist.
      if (options.publishedOnly) {
        const documentId = columnOf(strapi, UID.case, 'documentId');
        query.whereIn('document_id', knex()(tableOf(strapi, UID.case)).whereIn(documentId, documentIds).whereNotNull(columnOf(strapi, UID.case, 'publishedAt')).select(documentId));
      }
      const rows: Array<{ document_id: string; votes: number | string; views: number | string; voted_at: number | string | null }> = documentIds.length ? await query : [];
      const byId = new Map(
        rows.map((row) => [row.document_id, { votes: Number(row.votes), views: Number(row.views), votedAt: row.voted_at === null ? null : new Date(Number(row.voted_at)) }]),
      );
      return documentIds.map((id) => byId.get(id) ?? { votes: 0, views: 0, votedAt: null });
    },

    /**
     * A campaign's ballots (or every ballot), oldest first, in pages of `batch`: for exports of any size
     * without holding them in memory.
     */
    async *ballots(campaignId: string | null, batch = 5000): AsyncGenerator<Array<{ id: number; voterKey: string; documentId: string; period: string; castAt: Date }>> {
      let after = 0;
      for (;;) {
        const query = knex()(BALLOTS_TABLE).where('id', '>', after).orderBy('id').limit(batch).select('id', 'voter_key', 'document_id', 'period', 'cast_at');
        if (campaignId) query.where('campaign_id', campaignId);
        const rows: Array<{ id: number | string; voter_key: string; document_id: string; period: string; cast_at: number | string }> = await query;
        if (rows.length === 0) return;
        after = Number(rows[rows.length - 1]!.id);
        yield rows.map((row) => ({ id: Number(row.id), voterKey: row.voter_key, documentId: row.document_id, period: row.period, castAt: new Date(Number(row.cast_at)) }));
        if (rows.length < batch) return;
      }
    },
  };
};

export default engagementService;

export type EngagementService = ReturnType<typeof engagementService>;

/** The `engagement` service of a running Strapi. */
export const engagementOf = serviceAccessor<EngagementService>('engagement');
