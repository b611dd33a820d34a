// `npm test [-- <vitest options>]`: the type-check beside one vitest run of
// both tiers. Run one after another, the type-check and the unit tier kept the
// integration tier waiting; side by side, they use the moments it waits on its
// browser, servers and child processes. The type-check's findings print after
// the tests; either failing fails the command.
import { resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { runProcess, terminalColor } from './lib/processes.ts';

const vitest = resolve(repoRoot, 'node_modules/vitest/vitest.mjs');

const [typecheck, tests] = await Promise.all([
  runProcess('npm', ['run', '--silent', 'typecheck']),
  runProcess(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { echo: true, env: terminalColor }),
]);
if (typecheck.code === 0) console.log('Type-check (npm run typecheck): no errors.');
else console.error(`Type-check (npm run typecheck) failed:\n${typecheck.output}`);
process.exitCode = typecheck.code === 0 && tests.code === 0 ? 0 : 1;
