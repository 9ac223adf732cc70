// npm run build -w client-sdk (and npm pack, through prepack): dist/ from scratch, holding only what a consumer loads.
//
//   index.cjs   the implementation, CommonJS: what Node runs, for `require` and `import` alike
//   index.mjs   Node's ESM entry: re-exports index.cjs, so a program that both imports and requires the SDK
//               (or depends on two packages that do) has one set of error classes and `instanceof` holds
//   index.js    the same implementation as ESM for bundlers and browsers, where only one module system exists;
//   errors.js … one module per source file, so that `sideEffects: false` lets a bundler drop whole modules
//               (the schemas' top-level zod calls would otherwise stay in a front end importing errors only)
//   *.d.ts      declarations for ESM; *.d.cts the same for CommonJS (TypeScript's node16 CommonJS mode refuses
//               an ESM declaration with TS1479)
//   *.map       source maps with their sources embedded
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SDK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(SDK, 'dist');
const require = createRequire(import.meta.url);

fs.rmSync(DIST, { recursive: true, force: true });

const common = { entryPoints: [path.join(SDK, 'src', 'index.ts')], bundle: true, packages: 'external', sourcemap: true, sourcesContent: true, logLevel: 'warning' };
await build({ ...common, format: 'cjs', platform: 'node', target: 'node18', outfile: path.join(DIST, 'index.cjs') });
const sources = fs.readdirSync(path.join(SDK, 'src')).filter((name) => name.endsWith('.ts')).map((name) => path.join(SDK, 'src', name));
await build({ ...common, entryPoints: sources, bundle: false, format: 'esm', platform: 'neutral', target: 'es2022', outdir: DIST });

// The ESM wrapper names every export of the implementation, so `import { X }` works without Node's CommonJS
// export detection; a new export cannot be forgotten.
const names = Object.keys(require(path.join(DIST, 'index.cjs'))).sort();
fs.writeFileSync(path.join(DIST, 'index.mjs'), `// Node's ESM entry: the CommonJS build is the one implementation (one set of error classes).\nexport { ${names.join(', ')} } from './index.cjs';\n`);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(SDK, 'tsconfig.json'), '--emitDeclarationOnly'], { stdio: 'inherit' });

// Each .d.ts again as .d.cts, its relative imports pointing at the .d.cts siblings.
for (const file of fs.readdirSync(DIST).filter((name) => name.endsWith('.d.ts'))) {
  const text = fs.readFileSync(path.join(DIST, file), 'utf8').replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.js(['"])/g, '$1.cjs$2');
  fs.writeFileSync(path.join(DIST, file.replace(/\.d\.ts$/, '.d.cts')), text);
}
