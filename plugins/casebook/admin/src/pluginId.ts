export const PLUGIN_ID = 'casebook';

/** The plugin's custom field for a list of names, as the server registers it (server/src/constants.ts; a unit test keeps them equal). */
export const NAME_LIST_FIELD = 'name-list';
