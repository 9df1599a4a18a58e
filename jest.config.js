/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/local-cloud/test',
    '<rootDir>/src',
    '<rootDir>/cloudfunctions',
    '<rootDir>/server/test',
    '<rootDir>/e2e',
    '<rootDir>/scripts',
    '<rootDir>/domain',
    '<rootDir>/weapp-sim',
  ],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 60000,
  maxWorkers: 2,
};
