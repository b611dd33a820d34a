import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Some tests run the real lint, build, mock and docs commands, or a browser.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'specs', include: ['test/**/*.test.ts'], exclude: ['test/contract/**'] },
      },
      {
        extends: true,
        // One Prism mock per API for the contract tests, stopped when the run ends.
        test: { name: 'contract', include: ['test/contract/**/*.test.ts'], globalSetup: ['test/contract/global-setup.ts'] },
      },
    ],
  },
});
