import type { Core } from '@strapi/strapi';
import { registerAdminPermissions } from './admin-permissions';
import { casePartsMiddleware } from './case-parts';
import { lockStartup } from './database';
import { publicVisibilityMiddleware } from './drafts';
import { NAME_LIST_FIELD, PLUGIN_ID } from './constants';
import { engagementOf } from './engagement';
import { registerGraphql } from './graphql';
import { patchContentManagerUid } from './patches';
import { publicAccessOf } from './public-access';
import { searchIndexMiddleware, showcaseOf } from './showcase';
import { slugMiddleware } from './slugs';
import { guardUploads } from './uploads';

type Route = { handler: unknown; config?: { policies?: unknown[] } };

/** Puts the admin-registration policy on Strapi's first-admin route; refuses to start if Strapi moved it. */
const guardAdminRegistration = (strapi: Core.Strapi) => {
  const routers = Object.values((strapi.admin as unknown as { routes: Record<string, { routes: Route[] }> }).routes);
  const route = routers.flatMap((router) => router.routes).find((candidate) => candidate.handler === 'authentication.registerAdmin');
  if (!route) throw new Error("Casebook cannot find Strapi's first-admin registration route (authentication.registerAdmin) to guard");
  route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'plugin::casebook.admin-registration'] };
};

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Before Strapi's schema sync, which runs next, and until the startup service completes (see lockStartup).
  await lockStartup(strapi);

  await registerAdminPermissions(strapi);
  guardAdminRegistration(strapi);
  // Stored as JSON, as before: only the admin's input differs (admin/src/components/NameListInput.tsx).
  strapi.customFields.register({ name: NAME_LIST_FIELD, plugin: PLUGIN_ID, type: 'json' });

  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(publicVisibilityMiddleware(strapi));
  strapi.documents.use(searchIndexMiddleware(strapi));
  strapi.documents.use(casePartsMiddleware(strapi));

  // The Content Manager's slug button gives the same pinyin slugs as the document middleware (patches/README.md).
  patchContentManagerUid(strapi);

  // Every uploaded file's content is read: images of the allow list only (uploads/).
  guardUploads(strapi);

  registerGraphql(strapi, { showcase: () => showcaseOf(strapi), engagement: () => engagementOf(strapi) });

  // Any write to a permission in this process drops the cached copy of the Public role's grants.
  const forget = () => publicAccessOf(strapi).forgetGrants();
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission'],
    afterCreate: forget,
    afterCreateMany: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  });
};

export default register;
