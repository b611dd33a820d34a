// Runs Spectral (.spectral.yaml) over every spec in redocly.yaml. Fails on any
// warning or error; Spectral prints each finding with file, line, column and rule.
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { loadApis, repoRoot } from './lib/apis.ts';

const spectral = resolve(repoRoot, 'node_modules/.bin/spectral');
const specs = loadApis().map((api) => relative(repoRoot, api.root));

const run = spawnSync(
  spectral,
  ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--format', 'stylish', ...specs],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (run.error) throw run.error;
process.exitCode = run.status ?? 1;
