/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // A real Strapi boots per integration suite; two cores run two suites at a time.
  maxWorkers: 2,
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      testMatch: ['<rootDir>/plugins/*/server/src/**/__tests__/**/*.test.ts', '<rootDir>/cms/src/**/__tests__/**/*.test.ts'],
    },
    {
      // The showcase example's pure helpers (URL query, search highlighting), against the SDK's sources.
      displayName: 'showcase',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      testMatch: ['<rootDir>/examples/*/src/**/__tests__/**/*.test.ts'],
      moduleNameMapper: { '^@casebook/sdk$': '<rootDir>/client-sdk/src/index.ts', '^(\\.{1,2}/.*)\\.js$': '$1' },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.(t|j)sx?$': swc },
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      // The SDK's sources import their siblings as ESM does ('./errors.js'): point those at the .ts files.
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
      testTimeout: 120000,
    },
  ],
};
