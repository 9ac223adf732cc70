import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

/** Wires Casebook into Strapi's GraphQL plugin; a no-op when that plugin is not installed. */
export const registerGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;

  const extension = graphql.service('extension');
  // Import provenance is editorial bookkeeping, not part of the public contract.
  extension.shadowCRUD(UID.sourceDocument).disable();
  extension.shadowCRUD(UID.case).field('sourceDocument').disable();
};
