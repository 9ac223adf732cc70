import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { ADMIN_PERMISSIONS, DEFAULT_GRANTS } from './actions';

type Role = { id: number; code: string };
type RoleService = { addPermissions(roleId: number, permissions: Array<{ action: string; subject: null; properties: object; conditions: string[] }>): Promise<unknown> };

/** Per role code, the actions already granted by default: each is granted once, so that a later removal stays. */
type Granted = Record<string, string[]>;

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'admin-permission-defaults' });

/**
 * Grants Strapi's default roles (`roles`, or every one that exists) the plugin's actions of DEFAULT_GRANTS that
 * they have not been granted before, and remembers them in the plugin store. An action an administrator takes
 * away later is not given back at the next start; an action added by a later release is granted once. Returns
 * what it granted, per role code.
 */
export const grantDefaultPermissions = async (strapi: Core.Strapi, roles?: Role[]): Promise<Granted> => {
  const targets =
    roles ?? ((await strapi.db.query('admin::role').findMany({ select: ['id', 'code'], where: { code: { $in: Object.keys(DEFAULT_GRANTS) } } })) as Role[]);
  const remembered = ((await store(strapi).get()) as Granted | null) ?? {};
  const granted: Granted = {};
  let changed = false;
  for (const role of targets) {
    const done = new Set(remembered[role.code] ?? []);
    const due = (DEFAULT_GRANTS[role.code] ?? []).map((name) => ADMIN_PERMISSIONS[name].action).filter((action) => !done.has(action));
    if (due.length === 0) continue;
    const held = (await strapi.db.query('admin::permission').findMany({ select: ['action'], where: { role: { id: role.id }, action: { $in: due } } })) as Array<{
      action: string;
    }>;
    const missing = due.filter((action) => !held.some((permission) => permission.action === action));
    if (missing.length > 0) {
      const roleService = strapi.service('admin::role') as RoleService;
      await roleService.addPermissions(role.id, missing.map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
      granted[role.code] = missing;
      strapi.log.info(`[casebook] admin role ${role.code} granted by default: ${missing.join(', ')}`);
    }
    remembered[role.code] = [...done, ...due];
    changed = true;
  }
  if (changed) await store(strapi).set({ value: remembered });
  return granted;
};
