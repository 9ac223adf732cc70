import fs from 'node:fs';
import path from 'node:path';

export const ROOT_DIR = path.resolve(__dirname, '..', '..');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const PLUGIN_DIR = path.join(ROOT_DIR, 'plugins', 'casebook');

/** The seed documents, as `npm start` finds them under seeds/documents. */
export const SEED_FILES = fs
  .readdirSync(path.join(ROOT_DIR, 'seeds', 'documents'))
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => path.join(ROOT_DIR, 'seeds', 'documents', name));
