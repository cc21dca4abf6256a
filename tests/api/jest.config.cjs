/** API suite: supertest against the real Nest app and a fresh PostgreSQL database per run. */
module.exports = {
  displayName: 'api',
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/api/src/**/*.e2e-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/support/db-global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/db-global-teardown.mjs',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/api/tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: { '^@bofast/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  testTimeout: 60000,
};
