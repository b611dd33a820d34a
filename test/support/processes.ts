// Child processes of the tests: whether one still runs, and `npm run <script>`
// started the way a user starts it, with its output collected.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '../../scripts/lib/apis.ts';

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ScriptRun {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output: () => string;
  /** The exit code, once the process has exited. */
  exit: Promise<number | null>;
}

/** `npm run <script>` in the repository, with extra environment variables. */
export function runNpmScript(script: string, env: Record<string, string>, { ownGroup = false } = {}): ScriptRun {
  const child = spawn('npm', ['run', script], { cwd: repoRoot, env: { ...process.env, ...env }, detached: ownGroup, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

/** Waits until the output matches, failing with the output when the process ends or time runs out. */
export async function waitForOutput(run: ScriptRun, pattern: RegExp, ms = 90_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(run.output());
    if (match !== null) return match;
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`Did not see ${pattern}:\n${run.output()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
