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
    const answer = new Promise<string | undefined>((answered, failed) => {
      const onMessage = (message: { file: string; failure?: string }) => {
        if (message.file !== file) return;
        running.child.off('message', onMessage);
        answered(message.failure);
      };
      running.child.on('message', onMessage);
      void running.exited.then(({ code, signal }) => failed(new Error(`The runner exited (${code ?? signal}) while ${file} ran.`)));
    });
    running.child.send({ file });
    try {
      const failure = await answer;
      return { failure, output: running.output().slice(start) };
    } catch (error) {
      this.#process = undefined;
      return { failure: (error as Error).message, output: running.output().slice(start) };
    }
  }
}
