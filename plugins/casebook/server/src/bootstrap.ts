import type { Core } from '@strapi/strapi';
import { grantDefaultPermissions } from './admin-permissions';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const publicAccess = getService(strapi, 'public-access');
  const access = await publicAccess.enforce();
  if (access.granted.length > 0) strapi.log.info(`[casebook] public role granted: ${access.granted.join(', ')}`);
  if (access.revoked.length > 0) strapi.log.warn(`[casebook] public role revoked: ${access.revoked.join(', ')}`);
  await publicAccess.start();

  // The first admin is created from the host's bootstrap (cms/src/index.ts): Strapi's roles do not exist yet here.
  await getService(strapi, 'content-manager-layout').apply();

  // On a database from before the plugin's admin permissions; on a fresh one the roles get theirs as they are created.
  await grantDefaultPermissions(strapi);

  const search = getService(strapi, 'search-index');
  await search.ensureTables();
  if (!(await search.isFresh())) strapi.log.info(`[casebook] search index rebuilt: ${await search.rebuild()} published cases`);

  await getService(strapi, 'engagement').start();
};

export default bootstrap;
