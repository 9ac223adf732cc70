import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminUserOf } from '../operations';
import { publicAccessOf } from '../public-access';

/**
 * `plugin::casebook.public-grant` with `{ action }`: lets a request through when the Public role holds the
 * action. For the anonymous engagement routes (auth: false), so that the Public role still governs them.
 */
const publicGrant = async (_context: unknown, config: { action: string }, { strapi }: { strapi: Core.Strapi }) => {
  if (await publicAccessOf(strapi).grants(config.action)) return true;
  // A PolicyError keeps its message (a front end can say that voting is stopped); see adminRegistration.
  throw new errors.PolicyError(`The Public role does not allow ${config.action}`);
};

/**
 * `plugin::casebook.admin-registration`, on Strapi's POST /admin/register-admin (see register.ts): while no
 * admin exists, that route makes its caller super admin, so it follows CASEBOOK_ADMIN_REGISTRATION.
 */
const adminRegistration = (context: { request: { ip: string } }, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const refusal = adminUserOf(strapi).registrationRefusal(context.request.ip);
  // A PolicyError: Strapi's authorize step turns any other ForbiddenError into a bare "Forbidden".
  if (refusal) throw new errors.PolicyError(refusal);
  return true;
};

export default {
  'public-grant': publicGrant,
  'admin-registration': adminRegistration,
};
