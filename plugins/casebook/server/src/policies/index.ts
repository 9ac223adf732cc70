import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils';

/**
 * `plugin::casebook.public-grant` with `{ action }`: lets a request through when the Public role holds the
 * action. For the anonymous engagement routes (auth: false), so that the Public role still governs them.
 */
const publicGrant = async (_context: unknown, config: { action: string }, { strapi }: { strapi: Core.Strapi }) => {
  if (await getService(strapi, 'public-access').grants(config.action)) return true;
  throw new errors.ForbiddenError(`The Public role does not allow ${config.action}`);
};

export default {
  'public-grant': publicGrant,
};
