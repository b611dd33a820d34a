// `npm run check [-- --base <git-ref>]`: everything a reviewer or a PR job needs
// to know about a change, one step after another, with one summary line each.
// Each step's output goes to test-results/check/<step>.log; a failing step's
// last lines are printed. Exits non-zero if any step fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './lib/apis.ts';
import { runProcess } from './lib/processes.ts';

const { values } = parseArgs({ options: { base: { type: 'string' } } });
const breakingArgs = values.base === undefined ? [] : ['--', '--base', values.base];

// Each step runs once: `npm test` already type-checks and validates every example, and its docs tests render the docs.
const steps: { name: string; what: string; command: string[] }[] = [
  { name: 'lint', what: 'Spectral, Redocly and Prettier', command: ['npm', 'run', 'lint'] },
  { name: 'generated', what: 'generated/ up to date with the specs', command: ['npm', 'run', 'generate:check'] },
  { name: 'test', what: 'npm test: type-check, unit and integration tests', command: ['npm', 'test'] },
  { name: 'breaking', what: 'breaking changes for API callers', command: ['npm', 'run', 'check:breaking', ...breakingArgs] },
];

const logDir = resolve(repoRoot, 'test-results/check');
mkdirSync(logDir, { recursive: true });

const failed: string[] = [];
for (const { name, what, command } of steps) {
  const log = resolve(logDir, `${name}.log`);
  const started = performance.now();
  const { code, output } = await runProcess(command[0]!, command.slice(1), { env: { FORCE_COLOR: '0' } });
  writeFileSync(log, output);
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  const verdict = code === 0 ? 'pass' : name === 'breaking' && code === 1 ? 'FAIL (breaking changes)' : `FAIL (exit ${code})`;
  console.log(`${code === 0 ? '✔' : '✘'} ${name.padEnd(10)} ${seconds} s  ${verdict.padEnd(24)} ${what}  [${relative(repoRoot, log)}]`);
  if (code !== 0) {
    failed.push(name);
    const tail = output.trimEnd().split('\n').slice(-40).join('\n');
    console.log(`  --- last lines of ${relative(repoRoot, log)} ---\n${tail.replace(/^/gm, '  ')}\n  ---`);
  }
}

console.log(failed.length === 0 ? '\nAll checks passed.' : `\n${failed.length} check(s) failed: ${failed.join(', ')}.`);
process.exitCode = failed.length === 0 ? 0 : 1;
