import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CMS_DIR, ROOT_DIR } from '../support/paths';

const STRAPI_BIN = path.join(ROOT_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

test('cms/types/generated matches the schemas (run `npm run generate:types` after a schema change)', () => {
  const scratch = fs.mkdtempSync(path.join(CMS_DIR, '.tmp-types-'));
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-types-'));
  try {
    const result = spawnSync(process.execPath, [STRAPI_BIN, 'ts:generate-types', '--silent', '--out-dir', path.relative(CMS_DIR, scratch)], {
      cwd: CMS_DIR,
      encoding: 'utf8',
      timeout: 120000,
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', NODE_ENV: 'test', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(databaseDir, 'types.db') },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
      const fresh = fs.readFileSync(path.join(scratch, 'generated', file), 'utf8');
      const committed = fs.readFileSync(path.join(CMS_DIR, 'types', 'generated', file), 'utf8');
      expect({ file, content: committed }).toEqual({ file, content: fresh });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(databaseDir, { recursive: true, force: true });
  }
});
