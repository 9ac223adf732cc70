import type { Core } from '@strapi/strapi';
import { ENGAGEMENT_ACTIONS, PUBLIC_READABLE, PUBLIC_READ_ACTIONS } from '../constants';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

export const PUBLIC_ACTIONS: readonly string[] = [
  ...PUBLIC_READABLE.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`)),
  ...Object.values(ENGAGEMENT_ACTIONS),
];

export type PublicAccessReport = { granted: string[]; revoked: string[] };

/**
 * Makes the users-permissions Public role grant exactly PUBLIC_ACTIONS: read access to the showcase
 * content, votes and reads, and nothing else (no content writes, no other plugin). Safe to run at every start.
 */
const publicAccessService = ({ strapi }: { strapi: Core.Strapi }) => ({
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
});

export default publicAccessService;
