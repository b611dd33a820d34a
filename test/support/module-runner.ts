// Runs ES module programs one after another in a single Node.js process, each
// imported as a module of its own. What the programs share (Node.js's start,
// the package and undici) loads once instead of once a program: for the docs'
// programs, about 0.25 CPU-seconds each. Each program still runs whole, as
// written, and fails as `node <file>` would fail: by throwing, or by setting
// a failing exit code.
import { resolve } from 'node:path';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { startProcess, type RunningProcess } from '../../scripts/lib/processes.ts';

const child = resolve(repoRoot, 'test/support/import-each.mjs');

export interface ModuleRun {
  /** Why the program failed: its error's stack, or undefined when it ran to the end. */
  failure: string | undefined;
  /** What the runner printed while it ran (the program's output). */
  output: string;
}

export class ModuleRunner {
  #process: RunningProcess | undefined;
  /** Programs run one at a time, in the order asked. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly cwd: string,
    private readonly env: Record<string, string>,
  ) {}

  run(file: string): Promise<ModuleRun> {
    const run = this.#queue.then(() => this.#runNow(file));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    await this.#process?.stop();
  }

  async #runNow(file: string): Promise<ModuleRun> {
    const running = (this.#process ??= startProcess(process.execPath, [child], { cwd: this.cwd, env: this.env, ipc: true }));
    const start = running.output().length;
    // One program at a time: the runner's next message is this program's answer, unless the runner dies first.
    const failure = await new Promise<string | undefined>((answered) => {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.#process = undefined;
        answered(`The runner exited (${code ?? signal}) while ${file} ran.`);
      };
      running.child.once('exit', onExit);
      running.child.once('message', (message: { failure?: string }) => {
        running.child.off('exit', onExit);
        answered(message.failure);
      });
      running.child.send({ file });
    });
    return { failure, output: running.output().slice(start) };
  }
}
