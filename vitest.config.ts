import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Prism mock per API for the contract tests, stopped when the run ends.
    globalSetup: ['test/contract/global-setup.ts'],
    // Some tests run the real lint and build commands on a copy of the repo.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
