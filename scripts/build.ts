// `npm run build`: the lint, then generation, then the docs, as
// `npm run lint && npm run generate && npm run build:docs` would run them, but
// with no npm started in between, and generation and the docs in this one
// process, which loads the bundler and bundles the specs once for both.
import { runProcess } from './lib/processes.ts';

const lint = await runProcess(process.execPath, ['--import', 'tsx', 'scripts/lint.ts'], { echo: true });
if (lint.code === 0) {
  await import('./generate.ts');
  await import('./build-docs.ts');
} else {
  process.exitCode = lint.code ?? 1;
}
