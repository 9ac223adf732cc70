import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { DRAFTS_FORBIDDEN } from '../document-middlewares/public-visibility';
import { mayReadDrafts } from '../services/request-scope';

type Variables = Record<string, unknown> | undefined;

const asksForDrafts = (value: ValueNode, variables: Variables): boolean => {
  if (value.kind === Kind.ENUM) return value.value === 'DRAFT';
  if (value.kind === Kind.VARIABLE) return variables?.[value.name.value] === 'DRAFT';
  return false;
};

/** True when any field of the document, root or nested relation, is asked for its draft versions. */
export const documentAsksForDrafts = (document: DocumentNode, variables: Variables): boolean => {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'status' && asksForDrafts(node.value, variables)) found = true;
    },
  });
  return found;
};

/**
 * Strapi's relation resolvers read with `strapi.db.query().load()`, past the document service, and honour
 * a `status: DRAFT` argument on nested relations. This Apollo plugin refuses such operations up front
 * for everyone who may not read drafts, so `hospitals { cases(status: DRAFT) }` cannot leak a draft.
 */
export const draftGuardPlugin = (_strapi: Core.Strapi) => ({
  async requestDidStart() {
    return {
      async didResolveOperation({
        document,
        request,
        contextValue,
      }: {
        document: DocumentNode;
        request: { variables?: Variables };
        contextValue: { state?: Parameters<typeof mayReadDrafts>[0] };
      }) {
        if (!mayReadDrafts(contextValue.state) && documentAsksForDrafts(document, request.variables)) {
          throw new errors.ForbiddenError(DRAFTS_FORBIDDEN);
        }
      },
    };
  },
});
