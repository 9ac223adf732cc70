export type CasebookConfig = {
  /** Server-side secret (CASEBOOK_SECRET) for hashes the plugin must not be able to reverse, such as voter keys. */
  secret?: string;
};

export default {
  default: (): CasebookConfig => ({}),
  validator(config: CasebookConfig) {
    if (config.secret !== undefined && (typeof config.secret !== 'string' || config.secret.length < 16)) {
      throw new Error('casebook.secret (CASEBOOK_SECRET) must be a string of at least 16 characters');
    }
  },
};
