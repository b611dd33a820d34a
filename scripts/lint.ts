// `npm run lint [-- spectral redocly format]`: the linters named (all three by
// default). Spectral (.spectral.yaml, over every spec in redocly.yaml) and
// Redocly run side by side and both report everything they find, so one run
// shows every problem of the specs; each one's output is printed whole, in
// turn. Prettier's check comes last and only when the specs pass: it would
// report a spec that does not parse a third time. Fails on any warning or error;
// each finding names its file, line, column and rule.
import { relative, resolve } from 'node:path';
import { loadApis, repoRoot } from './lib/apis.ts';
import { runProcess } from './lib/processes.ts';

const bin = (name: string) => resolve(repoRoot, 'node_modules/.bin', name);

const LINTERS = {
  spectral: () => [
    bin('spectral'),
    [
      'lint',
      '--ruleset',
      '.spectral.yaml',
      '--fail-severity',
      'warn',
      '--format',
      'stylish',
      ...loadApis().map((api) => relative(repoRoot, api.root)),
    ],
  ],
  redocly: () => [bin('redocly'), ['lint']],
  format: () => [bin('prettier'), ['--check', '--cache', '--cache-strategy', 'content', '.']],
} satisfies Record<string, () => [string, string[]]>;
type Linter = keyof typeof LINTERS;

const isLinter = (name: string): name is Linter => Object.hasOwn(LINTERS, name);
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !isLinter(name));
if (unknown.length > 0) {
  console.error(
    `Unknown linter ${unknown.map((name) => `"${name}"`).join(', ')}. Name any of: ${Object.keys(LINTERS).join(', ')} (or none, for all).`,
  );
  process.exit(2);
}
const chosen = new Set<Linter>(asked.length > 0 ? asked.filter(isLinter) : (Object.keys(LINTERS) as Linter[]));

/** Runs one linter, with colours where the terminal shows them. */
async function run(linter: Linter) {
  const [command, args] = LINTERS[linter]();
  return { linter, ...(await runProcess(command, args, { env: process.stdout.isTTY ? { FORCE_COLOR: '1' } : {} })) };
}

/** Prints a linter's output whole, and says whether it passed. */
function report({ linter, code, output }: Awaited<ReturnType<typeof run>>): boolean {
  process.stdout.write(output);
  if (code !== 0) console.error(`\nlint: ${linter} failed (exit ${code ?? 'by signal'}).\n`);
  return code === 0;
}

const specResults = await Promise.all((['spectral', 'redocly'] as const).filter((linter) => chosen.has(linter)).map(run));
const specsPass = specResults.map(report).every(Boolean);
let formatted = true;
if (chosen.has('format')) {
  if (specsPass) formatted = report(await run('format'));
  else console.error('lint: formatting not checked until the specs pass.');
}
process.exitCode = specsPass && formatted ? 0 : 1;
