// The linters of `npm run lint` and `npm run build`. Spectral (.spectral.yaml,
// over every spec in redocly.yaml) and Redocly run side by side and both
// report everything they find, so one run shows every problem of the specs;
// each one's output is printed whole, in turn. Prettier's check comes last and
// only when the specs pass: it would report a spec that does not parse a third
// time. Each finding names its file, line, column and rule.
import { relative, resolve } from 'node:path';
import { loadApis, repoRoot } from './apis.ts';
import { runProcess, terminalColor } from './processes.ts';

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
export type Linter = keyof typeof LINTERS;

export const LINTER_NAMES = Object.keys(LINTERS) as Linter[];
export const isLinter = (name: string): name is Linter => Object.hasOwn(LINTERS, name);

async function run(linter: Linter) {
  const [command, args] = LINTERS[linter]();
  return { linter, ...(await runProcess(command, args, { env: terminalColor })) };
}

/** Prints a linter's output whole, and says whether it passed. */
function report({ linter, code, output }: Awaited<ReturnType<typeof run>>): boolean {
  process.stdout.write(output);
  if (code !== 0) console.error(`\nlint: ${linter} failed (exit ${code ?? 'by signal'}).\n`);
  return code === 0;
}

/** Runs the chosen linters (all by default) and says whether every one passed (any warning fails). */
export async function lint(chosen: ReadonlySet<Linter> = new Set(LINTER_NAMES)): Promise<boolean> {
  const specResults = await Promise.all((['spectral', 'redocly'] as const).filter((linter) => chosen.has(linter)).map(run));
  const specsPass = specResults.map(report).every(Boolean);
  if (!chosen.has('format')) return specsPass;
  if (!specsPass) {
    console.error('lint: formatting not checked until the specs pass.');
    return false;
  }
  return report(await run('format'));
}
