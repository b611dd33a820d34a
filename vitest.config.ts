import { defineConfig } from 'vitest/config';

// Every spec bundled once per run, for every test file that reads the specs.
const bundledSpecs = 'test/support/bundled-specs-setup.ts';

// package.json's "#transport" import resolves to the .ts sources under this condition.
const sourceConditions = ['snapshot-apis-source'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    // Integration tests run the real lint, build, mock and docs commands, a browser, and the real OpenStack clients.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Many integration tests wait on child processes and servers: one more worker
    // than the 2 cores of a CI machine keeps them busy (measured by npm run bench).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          // `npm run test:unit`: nothing here starts a process, a mock, a browser, npm or git.
          name: 'unit',
          // Test files share their worker's module cache: Spectral, Redocly and Prism load once per worker, not once per file.
          isolate: false,
          include: ['test/unit/**/*.test.ts'],
          globalSetup: [bundledSpecs],
          // Type-level tests: every expected compile error is a test of its own.
          typecheck: { enabled: true, include: ['test/unit/**/*.test-d.ts'], tsconfig: 'tsconfig.typecheck.json' },
        },
      },
      {
        extends: true,
        test: {
          // `npm run test:integration`: real processes. One Prism mock per API for the contract tests, stopped when the run ends.
          name: 'integration',
          // As in the unit tier: a worker loads Spectral, Redocly, Prism's and the specs' modules once, not once per file
          // (measured: 132 s to 117 s). Every file starts and stops its own processes and servers, so none shares state.
          isolate: false,
          include: ['test/integration/**/*.test.ts'],
          globalSetup: [bundledSpecs, 'test/integration/mock/global-setup.ts'],
        },
      },
    ],
  },
});
