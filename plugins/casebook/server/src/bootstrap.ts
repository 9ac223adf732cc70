import type { Core } from '@strapi/strapi';
import { grantDefaultPermissions } from './admin-permissions';
import { contentManagerLayoutOf } from './admin-api';
import { separateVersions } from './case-parts';
import { engagementOf } from './engagement';
import { publicAccessOf } from './public-access';
import { searchIndexOf } from './showcase';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const publicAccess = publicAccessOf(strapi);
  const access = await publicAccess.enforce();
  if (access.granted.length > 0) strapi.log.info(`[casebook] public role granted: ${access.granted.join(', ')}`);
  if (access.revoked.length > 0) strapi.log.warn(`[casebook] public role revoked: ${access.revoked.join(', ')}`);
  await publicAccess.start();

  // The first admin is created from the host's bootstrap (cms/src/index.ts): Strapi's roles do not exist yet here.
  await contentManagerLayoutOf(strapi).apply();

  // On a database from before the plugin's admin permissions; on a fresh one the roles get theirs as they are created.
  await grantDefaultPermissions(strapi);

  // Before the search index is checked: it reads the initiatives the published cases link.
  const crossed = await separateVersions(strapi);
  if (crossed > 0) strapi.log.info(`[casebook] initiatives and metrics: ${crossed} links between draft and published versions removed`);

  const search = searchIndexOf(strapi);
  await search.ensureTables();
  if (!(await search.isFresh())) strapi.log.info(`[casebook] search index rebuilt: ${await search.rebuild()} published cases`);

  await engagementOf(strapi).start();
};

export default bootstrap;
