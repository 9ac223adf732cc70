import path from 'node:path';

export const ROOT_DIR = path.resolve(__dirname, '..', '..');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const PLUGIN_DIR = path.join(ROOT_DIR, 'plugins', 'casebook');
