import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { connectionOf } from './dialect';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

export type Subscription = {
  /** Whether the LISTEN connection is up: notifications arrive at once only while it is. */
  readonly listening: boolean;
  stop(): Promise<void>;
};

/**
 * `onNotify` on every NOTIFY of `channel` by any process on the database (PostgreSQL only): a LISTEN on a
 * connection of its own, outside Strapi's pool. A lost connection is opened again, after a pause that doubles up
 * to ten seconds, and `onNotify` runs once it is back, for whatever was sent meanwhile. Transitions are logged once.
 */
export const subscribe = (strapi: Core.Strapi, channel: string, onNotify: () => void): Subscription => {
  let client: Client | undefined;
  let listening = false;
  let stopped = false;
  let wait = RECONNECT_MIN_MS;
  let retry: NodeJS.Timeout | undefined;
  let lostAt: Date | undefined;

  const connect = async () => {
    const next = new Client(connectionOf(strapi));
    client = next;
    const lost = (error?: unknown) => {
      if (client !== next || stopped) return;
      client = undefined;
      listening = false;
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (!lostAt) {
        lostAt = new Date();
        strapi.log.error(`[casebook] lost the PostgreSQL LISTEN connection (${channel}): ${error instanceof Error ? error.message : 'closed'}; changes from other instances arrive late until it is back`);
      }
      retry = setTimeout(() => void connect(), wait);
      retry.unref();
      wait = Math.min(wait * 2, RECONNECT_MAX_MS);
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (message) => message.channel === channel && onNotify());
    try {
      await next.connect();
      await next.query(`listen "${channel}"`);
    } catch (error) {
      lost(error);
      return;
    }
    if (stopped) return void next.end().catch(() => undefined);
    listening = true;
    wait = RECONNECT_MIN_MS;
    if (lostAt) {
      strapi.log.info(`[casebook] the PostgreSQL LISTEN connection (${channel}) is back after ${Math.round((Date.now() - lostAt.getTime()) / 1000)} s`);
      lostAt = undefined;
      onNotify();
    }
  };

  void connect();

  return {
    get listening() {
      return listening;
    },
    async stop() {
      stopped = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      current?.removeAllListeners();
      await current?.end().catch(() => undefined);
    },
  };
};
