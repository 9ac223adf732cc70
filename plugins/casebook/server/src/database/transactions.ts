import createHttpError from 'http-errors';
import type { Knex } from 'knex';

/**
 * Failures of a transaction that are nobody's fault and that the same transaction, run again, will most likely
 * pass: PostgreSQL's deadlock_detected and serialization_failure (the server rolled the victim back), and a
 * SQLite database busy past its busy_timeout.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', 'SQLITE_BUSY']);

export const isTransient = (error: unknown): boolean => TRANSIENT_CODES.has(String((error as { code?: unknown } | null)?.code));

/** Tries of a transaction that keeps failing transiently, the first included. */
export const TRANSACTION_TRIES = 4;

/** Seconds a client is asked to wait (Retry-After) when a transaction still failed after every try. */
export const BUSY_RETRY_AFTER = 1;

/** An HTTP 503 for a transaction that still failed transiently after every try: the client may send it again. */
export const busyError = (what: string) =>
  createHttpError(503, `The server is busy: ${what} could not be written. Try again in ${BUSY_RETRY_AFTER} s.`, { retryAfter: BUSY_RETRY_AFTER });

export type RetryOptions = {
  /** What the transaction writes, for the log and the 503's message ("the vote", "a group of reads"). */
  what: string;
  /** Told of each transient failure: whether another try follows, or the 503 does. */
  onTransient?: (error: unknown, attempt: number, retrying: boolean) => void;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `work` in a transaction, run again (up to TRANSACTION_TRIES in all, after a short random pause that grows
 * with each try, so that two victims do not meet again at once) when it fails transiently: nothing of a failed
 * try was written. A transient failure on the last try becomes busyError (503); any other failure is thrown as it is.
 */
export const transactionWithRetry = async <T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>, { what, onTransient }: RetryOptions): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await knex.transaction(work);
    } catch (error) {
      if (!isTransient(error)) throw error;
      const retrying = attempt < TRANSACTION_TRIES;
      onTransient?.(error, attempt, retrying);
      if (!retrying) throw busyError(what);
      await pause(Math.random() * 20 * attempt);
    }
  }
};
