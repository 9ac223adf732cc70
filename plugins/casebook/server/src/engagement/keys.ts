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

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of `timeZone` at `at`, in minutes east of Greenwich (Asia/Shanghai: 480). */
const offsetIn = (timeZone: string, at: Date): number => {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  // "GMT+08:00", "GMT-03:30", or "GMT" for UTC itself.
  const name = format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
};

/** `at` as ISO 8601 in `timeZone`'s local time with its offset (2026-05-01T08:30:00.000+08:00): the same instant, read as people there read it. */
export const timeIn = (timeZone: string, at: Date): string => {
  const offset = offsetIn(timeZone, at);
  const sign = offset < 0 ? '-' : '+';
  const hhmm = `${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${new Date(at.getTime() + offset * 60_000).toISOString().slice(0, -1)}${sign}${hhmm}`;
};
