/**
 * The mini-program in WeChat DevTools, driven by miniprogram-automator: `npm run test:weapp`.
 * Not part of `npm test` (the root jest config does not look in test-weapp/): it needs DevTools, which has no
 * Linux build, and it uses the DevTools' own WeChat account against the real cloud environment.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/test-weapp'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Launching DevTools and compiling the project takes a minute or more; cloud calls take seconds each.
  testTimeout: 120000,
  // One DevTools window at a time.
  maxWorkers: 1,
};
