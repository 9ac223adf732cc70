import type { Core } from '@strapi/strapi';
import { ENGAGEMENT_ACTIONS, PLUGIN_ID, PUBLIC_READABLE, PUBLIC_READ_ACTIONS } from '../constants';
import { dialectOf, joinTableOf, subscribe, tableOf, type Subscription } from '../database';
import { serviceAccessor } from '../plugin-services';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
/** How long a copy of the Public role's grants is used when no notification says it changed (see grants). */
const GRANTS_TTL_MS = 10_000;
/** The PostgreSQL channel a trigger on the permission tables notifies on every change. */
const GRANTS_CHANNEL = 'casebook_public_grants';

export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_READABLE.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`)),
  ...Object.values(ENGAGEMENT_ACTIONS),
];

/**
 * Public voting is switched on and off by the Public role's vote permission itself: from the voting centre
 * (setVoting) or from Settings → Users & Permissions → Public. Granted on the first start only, so that a
 * restart respects an editor's "stop voting".
 */
const VOTING_ACTION = ENGAGEMENT_ACTIONS.vote;

export type PublicAccessReport = { granted: string[]; revoked: string[] };

/** What the plugin store remembers: that the Public role was given its vote permission once. */
type Remembered = { votingGranted?: boolean };

/** The users-permissions Public role: what it may do, kept to PUBLIC_ACTIONS. */
const publicAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  let grants: { actions: Set<string>; until: number } | undefined;
  /** Moves on every change heard of: a copy read while a change was under way is not kept. */
  let generation = 0;
  let subscription: Subscription | undefined;
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'public-access' });

  const forgetGrants = () => {
    generation += 1;
    grants = undefined;
  };

  const publicRoleId = async (): Promise<number> => {
    const role = (await strapi.db.query(ROLE_UID).findOne({ select: ['id'], where: { type: 'public' } })) as { id: number } | null;
    if (!role) throw new Error('The users-permissions Public role is missing; is the users-permissions plugin enabled?');
    return role.id;
  };

  /**
   * A statement trigger on the permission table and its role links that notifies GRANTS_CHANNEL: whoever
   * changes a permission (any instance, the admin, plain SQL), every instance hears of it when that commits.
   */
  const installTrigger = async () => {
    const knex = strapi.db.connection;
    await knex.raw(`create or replace function ${GRANTS_CHANNEL}_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('${GRANTS_CHANNEL}', ''); return null; end $$`);
    for (const table of [tableOf(strapi, PERMISSION_UID), joinTableOf(strapi, PERMISSION_UID, 'role').name]) {
      await knex.raw(
        `create or replace trigger ${GRANTS_CHANNEL} after insert or update or delete or truncate on ?? for each statement execute function ${GRANTS_CHANNEL}_notify()`,
        [table],
      );
    }
  };

  return {
    /**
     * Whether the Public role holds `action`: the cheap check of the anonymous engagement routes, which skip
     * Strapi's per-request authentication (a permissions query and an ability built per request). It reads a
     * copy of the role's permissions, dropped whenever a permission changes: at once in this process, and, on
     * PostgreSQL, at once in every other instance too (a NOTIFY, see start). The copy is read again after
     * ten seconds in any case: the longest a change can take to reach an instance whose LISTEN connection is down.
     */
    async grants(action: string): Promise<boolean> {
      if (!grants || grants.until < Date.now()) {
        const seen = generation;
        const rows: Array<{ action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ select: ['action'], where: { role: { type: 'public' } } });
        const copy = { actions: new Set(rows.map((row) => row.action)), until: Date.now() + GRANTS_TTL_MS };
        if (seen !== generation) return copy.actions.has(action);
        grants = copy;
      }
      return grants.actions.has(action);
    },

    /** Drops the copy of the Public role's permissions (see grants). */
    forgetGrants,

    /** On PostgreSQL, hears of every permission change of any instance (see grants). */
    async start() {
      if (dialectOf(strapi) !== 'postgres' || subscription) return;
      await installTrigger();
      subscription = subscribe(strapi, GRANTS_CHANNEL, forgetGrants);
    },

    async stop() {
      await subscription?.stop();
      subscription = undefined;
    },

    /** Whether the public may vote: whether the Public role holds the vote permission. */
    async votingOpen(): Promise<boolean> {
      const roleId = await publicRoleId();
      return (await strapi.db.query(PERMISSION_UID).count({ where: { role: roleId, action: VOTING_ACTION } })) > 0;
    },

    /** Opens or stops public voting (see VOTING_ACTION); answers whether it is open now. */
    async setVoting(open: boolean): Promise<boolean> {
      await strapi.db.transaction(async () => {
        const roleId = await publicRoleId();
        const where = { role: roleId, action: VOTING_ACTION };
        const held = await strapi.db.query(PERMISSION_UID).count({ where });
        if (open && held === 0) await strapi.db.query(PERMISSION_UID).create({ data: { action: VOTING_ACTION, role: roleId } });
        if (!open && held > 0) await strapi.db.query(PERMISSION_UID).deleteMany({ where });
      });
      forgetGrants();
      return open;
    },

    /**
     * Makes the Public role grant PUBLIC_ACTIONS and nothing else: read access to the showcase content, reads,
     * counters and rankings at every start, the vote on the first start only (see VOTING_ACTION); no content
     * writes, no other plugin's action. Safe to run at every start.
     */
    async enforce(): Promise<PublicAccessReport> {
      return strapi.db.transaction(async () => {
        const roleId = await publicRoleId();
        const remembered = ((await store().get()) as Remembered | null) ?? {};

        const current: Array<{ id: number; action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ select: ['id', 'action'], where: { role: roleId } });
        const held = new Set(current.map((permission) => permission.action));

        const due = remembered.votingGranted ? PUBLIC_ACTIONS.filter((action) => action !== VOTING_ACTION) : PUBLIC_ACTIONS;
        const granted = due.filter((action) => !held.has(action));
        const extra = current.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));

        for (const action of granted) {
          await strapi.db.query(PERMISSION_UID).create({ data: { action, role: roleId } });
        }
        if (extra.length > 0) {
          await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
        }
        if (!remembered.votingGranted) await store().set({ value: { ...remembered, votingGranted: true } });
        return { granted, revoked: extra.map((permission) => permission.action) };
      });
    },
  };
};

export default publicAccessService;

export type PublicAccessService = ReturnType<typeof publicAccessService>;

/** The `public-access` service of a running Strapi. */
export const publicAccessOf = serviceAccessor<PublicAccessService>('public-access');
