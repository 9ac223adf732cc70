import { createHash, createHmac } from 'node:crypto';

/**
 * A keyed hash of `parts` under the server secret: stable for the same input, and not reversible or
 * recomputable without the secret, so what is stored says nothing about the raw voter id or address.
 */
export const secretHash = (secret: string, ...parts: string[]): string => createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex');

/** A plain digest, for values that only need comparing (what an Idempotency-Key was first used for). */
export const digest = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** The voter key: the front end's anonymous voter id together with the client address, hashed with the secret. */
export const voterKeyOf = (secret: string, voter: string, address: string) => secretHash(secret, 'voter', voter, address);

/** The voter id's own key, whatever address it comes from: rate limits count per voter with it. */
export const voterIdKeyOf = (secret: string, voter: string) => secretHash(secret, 'voter-id', voter);

/** The client address's key for rate limits, hashed like a voter key. */
export const addressKeyOf = (secret: string, address: string) => secretHash(secret, 'address', address);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `at` in `timeZone`, as YYYY-MM-DD. */
export const dayIn = (timeZone: string, at: Date): string => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
};
