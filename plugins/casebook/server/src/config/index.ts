export type CasebookConfig = {
  /** Server-side secret (CASEBOOK_SECRET) for hashes the plugin must not be able to reverse, such as voter keys. */
  secret?: string;
  /** Batch GraphQL relation fields per request (one query per field). Off only to measure Strapi's own resolvers. */
  batching?: boolean;
};

export default {
  default: (): CasebookConfig => ({ batching: true }),
  validator(config: CasebookConfig) {
    if (config.batching !== undefined && typeof config.batching !== 'boolean') throw new Error('casebook.batching must be a boolean');
    if (config.secret !== undefined && (typeof config.secret !== 'string' || config.secret.length < 16)) {
      throw new Error('casebook.secret (CASEBOOK_SECRET) must be a string of at least 16 characters');
    }
  },
};
