import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CMS_DIR, PLUGIN_DIR, ROOT_DIR } from './paths';

/** Compile the plugin and the Strapi app once for every integration suite; the admin panel is not built. */
export default async function globalSetup() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const tsc = path.join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(PLUGIN_DIR, 'server', 'tsconfig.json')], { stdio: 'inherit' });
  // The SDK's published builds (ESM and CommonJS), which the SDK tests also load as a user's Node would.
  execFileSync('npm', ['run', 'build', '-w', 'client-sdk'], { cwd: ROOT_DIR, stdio: 'inherit' });
  // The boot helper is part of the plugin just compiled.
  const { compileCms } = require('@casebook/strapi-plugin/boot') as typeof import('@casebook/strapi-plugin/boot');
  await compileCms({ appDir: CMS_DIR });
}
