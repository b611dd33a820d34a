// Runs Spectral (.spectral.yaml) over every spec in redocly.yaml. Fails on any
// warning or error; Spectral prints each finding with file, line, column and rule.
import { relative, resolve } from 'node:path';
import { loadApis, repoRoot } from './lib/apis.ts';
import { runProcess } from './lib/processes.ts';

const spectral = resolve(repoRoot, 'node_modules/.bin/spectral');
const specs = loadApis().map((api) => relative(repoRoot, api.root));

const { code } = await runProcess(
  spectral,
  ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--format', 'stylish', ...specs],
  {
    echo: true,
  },
);
process.exitCode = code ?? 1;
