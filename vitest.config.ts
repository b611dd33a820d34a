import { defineConfig } from 'vitest/config';

// Every spec bundled once per run, for every test file that reads the specs.
const bundledSpecs = 'test/support/bundled-specs-setup.ts';

export default defineConfig({
  test: {
    // Some tests run the real lint, build, mock and docs commands, or a browser.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Many tests wait on child processes and servers: one more worker than the
    // 2 cores of a CI machine keeps them busy (measured by npm run bench).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'specs', include: ['test/**/*.test.ts'], exclude: ['test/contract/**'], globalSetup: [bundledSpecs] },
      },
      {
        extends: true,
        // One Prism mock per API for the contract tests, stopped when the run ends.
        test: { name: 'contract', include: ['test/contract/**/*.test.ts'], globalSetup: [bundledSpecs, 'test/contract/global-setup.ts'] },
      },
    ],
  },
});
