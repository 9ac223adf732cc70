/**
 * The plugin's architecture, checked by `npm run lint:imports` and by plugins/casebook/server/src/__tests__/wings.test.ts.
 *
 * The server is a set of wings, one folder per domain (showcase/, engagement/, importer/, ...), beside a few
 * top-level files (the plugin's entry, register, bootstrap, constants). A wing is entered through its index.ts
 * alone: whatever another wing, a top-level file or the admin takes from it is what its index exports, so a wing's
 * other files are its own to change. Tests (`__tests__`) may import any file they test. Nothing may import in a circle,
 * type-only imports included.
 */
const WING = '(^|/)server/src/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: modules that need each other cannot be understood, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'wing-through-its-index',
      severity: 'error',
      comment: "A wing imports another wing's index.ts only, never a file inside it.",
      from: { path: `${WING}`, pathNot: '/__tests__/' },
      to: { path: `${WING}[^/]+/|${WING}[^/]+$`, pathNot: ['(^|/)server/src/$2/', '(^|/)server/src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'top-level-through-wing-index',
      severity: 'error',
      comment: "The plugin's top-level files (entry, register, bootstrap) enter a wing through its index.ts.",
      from: { path: '(^|/)server/src/[^/]+\\.ts$' },
      to: { path: `${WING}`, pathNot: '(^|/)server/src/[^/]+/index\\.ts$' },
    },
    {
      name: 'admin-values-from-closed-sets',
      severity: 'error',
      comment:
        "The admin bundle runs in the browser: the only server code it may take values from is closed-sets/ (pure, and " +
        "in npm start's admin-rebuild hash); from any other wing it takes types alone, which the build erases.",
      from: { path: '(^|/)admin/src/' },
      to: { path: '(^|/)server/src/', pathNot: '(^|/)server/src/closed-sets/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'admin-through-wing-index',
      severity: 'error',
      comment: "The admin bundle takes from the server only what a wing's index.ts exports (closed sets, types).",
      from: { path: '(^|/)admin/src/' },
      to: { path: '(^|/)server/src/', pathNot: '(^|/)server/src/[^/]+/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist/'] },
    // Type-only imports count: a circle of types is still a circle to read.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'plugins/casebook/server/tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'] },
  },
};
