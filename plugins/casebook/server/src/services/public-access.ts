import type { Core } from '@strapi/strapi';
import { ENGAGEMENT_ACTIONS, PUBLIC_READABLE, PUBLIC_READ_ACTIONS } from '../constants';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const GRANTS_TTL_MS = 10_000;

export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_READABLE.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`)),
  ...Object.values(ENGAGEMENT_ACTIONS),
];

export type PublicAccessReport = { granted: string[]; revoked: string[] };

/** The users-permissions Public role: what it may do, kept to exactly PUBLIC_ACTIONS. */
const publicAccessService = ({ strapi }: { strapi: Core.Strapi }) => {
  let grants: { actions: Set<string>; until: number } | undefined;

  return {
    /**
     * Whether the Public role holds `action`, from a copy of its permissions kept for ten seconds and dropped
     * whenever this process writes a permission: the cheap check of the anonymous engagement routes, which
     * skip Strapi's per-request authentication (a permissions query and an ability built per request).
     */
    async grants(action: string): Promise<boolean> {
      if (!grants || grants.until < Date.now()) {
        const rows: Array<{ action: string }> = await strapi.db.query(PERMISSION_UID).findMany({ select: ['action'], where: { role: { type: 'public' } } });
        grants = { actions: new Set(rows.map((row) => row.action)), until: Date.now() + GRANTS_TTL_MS };
      }
      return grants.actions.has(action);
    },

    /** Drops the copy of the Public role's permissions (see grants). */
    forgetGrants() {
      grants = undefined;
    },

    /**
     * Makes the Public role grant exactly PUBLIC_ACTIONS: read access to the showcase content, votes and
     * reads, and nothing else (no content writes, no other plugin). Safe to run at every start.
     */
    async enforce(): Promise<PublicAccessReport> {
      return strapi.db.transaction(async () => {
        const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
        if (!role) throw new Error('The users-permissions Public role is missing; is the users-permissions plugin enabled?');

        const current: Array<{ id: number; action: string }> = await strapi.db
          .query(PERMISSION_UID)
          .findMany({ select: ['id', 'action'], where: { role: role.id } });
        const held = new Set(current.map((permission) => permission.action));

        const granted = PUBLIC_ACTIONS.filter((action) => !held.has(action));
        const extra = current.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));

        for (const action of granted) {
          await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
        }
        if (extra.length > 0) {
          await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
        }
        return { granted, revoked: extra.map((permission) => permission.action) };
      });
    },
  };
};

export default publicAccessService;
