export const PLUGIN_ID = 'casebook';
