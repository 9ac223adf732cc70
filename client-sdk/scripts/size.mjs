// npm run size -w client-sdk — what the SDK costs a browser: its built ESM bundled with its dependencies,
// minified and gzipped, and what tree-shaking leaves when a front end imports only part of it.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SDK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const measure = async (label, contents, external = []) => {
  const result = await build({
    stdin: { contents, resolveDir: SDK, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    treeShaking: true,
  });
  const code = result.outputFiles[0].contents;
  return { label, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
};

const rows = [
  await measure('whole SDK with graphql-request, zod and graphql', `export * from './dist/index.js';`),
  await measure('createCasebookClient only', `export { createCasebookClient } from './dist/index.js';`),
  await measure('SDK code alone (dependencies external)', `export * from './dist/index.js';`, ['graphql-request', 'zod', 'graphql']),
  await measure('error classes only (tree-shaken)', `export { NotFoundError, isCasebookError } from './dist/index.js';`),
];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
console.log('| import | minified | min+gzip |\n| --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.label} | ${kb(row.minified)} | ${kb(row.gzipped)} |`);
