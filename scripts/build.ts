// `npm run build`: the lint, then generation, then the docs, as
// `npm run lint && npm run generate && npm run build:docs` would run them, but
// all in this one process: no npm or Node.js started between the steps, and
// Redocly's bundler loaded once for generation and the docs.
import { lint } from './lib/lint.ts';

if (await lint()) {
  await import('./generate.ts');
  await import('./build-docs.ts');
} else {
  process.exitCode = 1;
}
