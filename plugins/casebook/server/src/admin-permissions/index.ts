import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { PLUGIN_ID } from '../constants';
import { ADMIN_ACTIONS, DEFAULT_GRANTS, type AdminPermission } from './actions';
import { grantDefaultPermissions } from './defaults';

export { ADMIN_ACTIONS, ADMIN_PERMISSIONS, CASE_PERMISSIONS, DEFAULT_GRANTS, type AdminAction, type AdminPermission } from './actions';
export { grantDefaultPermissions } from './defaults';

type ActionProvider = { registerMany(actions: Array<{ uid: string; displayName: string; subCategory: string; section: 'plugins'; pluginName: string }>): Promise<unknown> };
type Ability = { can(action: string, subject?: string | null): boolean };

/**
 * Registers the plugin's actions with Strapi's admin RBAC (as its upload and content-releases plugins do), where
 * Settings → Roles shows them and Super Admin receives them at every start; and grants Strapi's default roles
 * theirs when the admin creates them, on a fresh database after every plugin's bootstrap (the bootstrap grants
 * roles that exist already).
 */
export const registerAdminPermissions = async (strapi: Core.Strapi) => {
  const { actionProvider } = strapi.service('admin::permission') as { actionProvider: ActionProvider };
  await actionProvider.registerMany(Object.values(ADMIN_ACTIONS).map((action) => ({ ...action, section: 'plugins' as const, pluginName: PLUGIN_ID })));

  strapi.db.lifecycles.subscribe({
    models: ['admin::role'],
    async afterCreate(event) {
      const role = event.result as { id: number; code: string } | undefined;
      if (role && DEFAULT_GRANTS[role.code]) await grantDefaultPermissions(strapi, [role]);
    },
  });
};

/** Whether the admin session (or admin token) of the request holds `permission`: Strapi's admin::hasPermissions check. */
const holds = (ctx: Context, permission: AdminPermission): boolean => {
  const ability = ctx.state.userAbility as Ability | undefined;
  return Boolean(ability?.can(permission.action, permission.subject ?? undefined));
};

/** Refuses the request with 403 unless its admin holds `permission`. */
export const requirePermission = (ctx: Context, permission: AdminPermission, why: string) => {
  if (!holds(ctx, permission)) throw new errors.ForbiddenError(why);
};
