import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROOT_DIR } from '../support/paths';

/**
 * The SDK as a team gets it: `npm pack`, installed from the tarball into a scratch project (offline: its
 * dependencies are packed from the repository's node_modules), type-checked with TypeScript in node16 (CommonJS
 * and ESM) and bundler resolution, run as ESM and CommonJS, and bundled minified. The global setup built dist/
 * with the same script prepack runs.
 */
const SDK_DIR = path.join(ROOT_DIR, 'client-sdk');
const FIXTURES = path.join(ROOT_DIR, 'test', 'fixtures', 'sdk-package');
const run = promisify(execFile);
const TSC = path.join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');

type Packed = { filename: string; files: Array<{ path: string }> };
const pack = async (dir: string, destination: string): Promise<Packed> =>
  (JSON.parse((await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: dir })).stdout) as Packed[])[0]!;

let scratch: string;
let app: string;
let packed: Packed;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-sdk-package-'));
  app = path.join(scratch, 'app');
  fs.mkdirSync(app);
  packed = await pack(SDK_DIR, scratch);
  const sdk = JSON.parse(fs.readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // The SDK's dependencies (and graphql-request's own) as tarballs too, so the install needs no registry.
  const dependencies = [...Object.keys(sdk.dependencies), '@graphql-typed-document-node/core'];
  const tarballs = [packed.filename, ...(await Promise.all(dependencies.map(async (name) => (await pack(path.join(ROOT_DIR, 'node_modules', name), scratch)).filename)))];
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'showcase-scratch', private: true }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs.map((file) => path.join(scratch, file))], { cwd: app });
  for (const file of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, file), path.join(app, file));
  fs.copyFileSync(path.join(app, 'consumer.ts'), path.join(app, 'consumer.mts'));
}, 120000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the builds, their declarations for ESM and CommonJS, and maps with their sources; nothing else', () => {
  const files = packed.files.map((file) => file.path).sort();
  expect(files.filter((file) => !/^dist\/[\w-]+\.(js|cjs|mjs|js\.map|cjs\.map|d\.ts|d\.cts)$/.test(file) && !['package.json', 'README.md', 'schema.graphql'].includes(file))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.cts']));
  expect(files.filter((file) => file.includes('tsbuildinfo'))).toEqual([]);
  const installed = path.join(app, 'node_modules', '@casebook', 'sdk');
  for (const map of files.filter((file) => file.endsWith('.map'))) {
    const { sources, sourcesContent } = JSON.parse(fs.readFileSync(path.join(installed, map), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
    expect(sourcesContent?.filter((content) => typeof content === 'string')).toHaveLength(sources.length);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(manifest.scripts.prepack).toBe('npm run build');
});

test.each([
  ['node16: CommonJS (.ts in a CommonJS package) and ESM (.mts)', 'tsconfig.node16.json'],
  ['bundler resolution', 'tsconfig.bundler.json'],
])('a TypeScript project type-checks against the installed SDK, %s', async (_mode, tsconfig) => {
  const result = await run(process.execPath, [TSC, '-p', tsconfig], { cwd: app }).catch((error: { stdout: string }) => error);
  expect(result.stdout).toBe('');
});

test.each([
  ['ESM', 'esm.mjs', 'esm ok'],
  ['CommonJS', 'cjs.cjs', 'cjs ok'],
])('a %s program uses it: the client, the error classes, one set of them across import and require', async (_system, program, said) => {
  expect((await run(process.execPath, [program], { cwd: app })).stdout.trim()).toBe(said);
});

test.each([['browser' as const], ['node' as const]])('bundled with esbuild --minify for the %s, the error classes keep their names', async (platform) => {
  const outfile = path.join(app, `minified-${platform}.mjs`);
  await build({ entryPoints: [path.join(app, 'minified.mjs')], absWorkingDir: app, bundle: true, minify: true, format: 'esm', platform, outfile, logLevel: 'silent' });
  // The minifier did rename the classes: the names come from the literals.
  expect(fs.readFileSync(outfile, 'utf8')).not.toMatch(/class NotFoundError\b/);
  const printed = JSON.parse((await run(process.execPath, [outfile], { cwd: app })).stdout) as Array<[string, boolean]>;
  expect(printed).toEqual([['NotFoundError', true], ['RateLimitError', true], ['ResponseShapeError', true]]);
});

test('a front end importing only the error classes gets only them (the ESM build is one module per file, free of side effects)', async () => {
  const result = await build({
    stdin: { contents: "export { NotFoundError, isCasebookError } from '@casebook/sdk';", resolveDir: app, loader: 'js' },
    absWorkingDir: app,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  expect(result.outputFiles[0]!.contents.length).toBeLessThan(2048);
});
