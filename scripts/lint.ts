// `npm run lint [-- spectral redocly format]`: the linters named, all three by
// default (scripts/lib/lint.ts). Fails on any warning or error.
import { isLinter, lint, LINTER_NAMES } from './lib/lint.ts';

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !isLinter(name));
if (unknown.length > 0) {
  console.error(
    `Unknown linter ${unknown.map((name) => `"${name}"`).join(', ')}. Name any of: ${LINTER_NAMES.join(', ')} (or none, for all).`,
  );
  process.exit(2);
}
process.exitCode = (await lint(asked.length > 0 ? new Set(asked.filter(isLinter)) : undefined)) ? 0 : 1;
