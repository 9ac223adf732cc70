import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type StringValueNode } from 'graphql';

const NUL = '\u0000';

const refusal = (where: string, node?: StringValueNode) =>
  new GraphQLError(`${where} has the NUL character (U+0000), which no string may contain`, {
    nodes: node,
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });

/** Per parsed document (Apollo keeps one per query text): its first string literal holding a NUL, or null. */
const nulLiterals = new WeakMap<DocumentNode, StringValueNode | null>();

const nulLiteralOf = (document: DocumentNode): StringValueNode | null => {
  let literal = nulLiterals.get(document);
  if (literal === undefined) {
    literal = null;
    // Every string of the document: arguments, nested input objects and lists, fragments, directives, defaults.
    visit(document, {
      StringValue(node) {
        if (!node.value.includes(NUL)) return undefined;
        literal = node;
        return BREAK;
      },
    });
    nulLiterals.set(document, literal);
  }
  return literal;
};

/** Which of the variables (`Variable $filter.search`, `Variable $ids[2]`) is the first string, or key, holding a NUL. */
const nulVariableOf = (value: unknown, path: string): string | undefined => {
  if (typeof value === 'string') return value.includes(NUL) ? `Variable ${path}` : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulVariableOf(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return `A field name in ${path || 'the variables'}`;
      const found = nulVariableOf(item, path ? `${path}.${key}` : `$${key}`);
      if (found) return found;
    }
  }
  return undefined;
};

/**
 * Refuses a request with a NUL (U+0000) in any string, of the query or of its variables, before any resolver
 * runs: PostgreSQL cannot store one in text and errors on it, and no field of this API has a use for it.
 */
export const nulGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const literal = nulLiteralOf(document);
        if (literal) throw refusal('A string in the query', literal);
        const variable = nulVariableOf(request.variables ?? {}, '');
        if (variable) throw refusal(variable);
      },
    };
  },
};
