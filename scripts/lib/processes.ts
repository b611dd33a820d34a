// The one way this project runs other programs (npm, git, Redocly, Spectral,
// Prism, the real OpenStack clients): `runProcess` for a command that finishes,
// `startProcess` for a server that runs until it is stopped. Both collect what
// the program prints, so a failure can quote it.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './apis.ts';

export interface ProcessOptions {
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string | undefined>;
  /** Written to the program's standard input, which is then closed. */
  input?: string | Uint8Array;
  /** Also copy the program's output to this process's stdout and stderr. */
  echo?: boolean;
  /** Receives every non-empty line the program prints, stdout and stderr alike. */
  onLine?: (line: string) => void;
  /** Start the program as the leader of its own process group, as a terminal does. */
  detached?: boolean;
  /** Open an IPC channel to a Node.js program (`child.send`, and its `message` events). */
  ipc?: boolean;
}

export interface Finished {
  /** Exit code, or null when a signal ended the program. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
}

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** Everything printed so far. */
  output(): string;
  /** Settles once the program has exited, for any reason. */
  readonly exited: Promise<Finished>;
  /** Resolves with the first match in the output; rejects with the output when the program exits or time runs out first. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the program is gone. */
  stop(graceMs?: number): Promise<Finished>;
}

/** The environment that keeps a program's colours when this process prints to a terminal (they go through a pipe). */
export const terminalColor: Record<string, string> = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};

const pause = (ms: number) => new Promise((resolveTimer) => setTimeout(resolveTimer, ms));

/** Starts `command` and collects its output until it exits. */
export function startProcess(command: string, args: string[], options: ProcessOptions = {}): RunningProcess {
  const { cwd = repoRoot, env, input, echo = false, onLine, detached = false, ipc = false } = options;
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  let stdout = '';
  let stderr = '';
  let output = '';
  let partial = '';
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (stream === 'stdout') stdout += text;
    else stderr += text;
    output += text;
    if (echo) process[stream].write(text);
    if (onLine !== undefined) {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line.trim() !== '') onLine(line);
    }
  };
  child.stdout!.on('data', collect('stdout'));
  child.stderr!.on('data', collect('stderr'));
  if (input !== undefined) child.stdin!.end(input);

  const exited = new Promise<Finished>((resolveExit) => {
    // A program that cannot be started at all (ENOENT) reports it here, not on 'close'.
    child.once('error', (error) =>
      resolveExit({ code: 127, signal: null, stdout, stderr: `${stderr}${error.message}\n`, output: `${output}${error.message}\n` }),
    );
    child.once('close', (code, signal) => {
      if (onLine !== undefined && partial.trim() !== '') onLine(partial);
      resolveExit({ code, signal, stdout, stderr, output });
    });
  });
  let running = true;
  void exited.then(() => (running = false));

  return {
    child,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    async waitFor(pattern, ms = 90_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const match = pattern.exec(output);
        if (match !== null) return match;
        if (!running) throw new Error(`${command} ${args.join(' ')} exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${command} ${args.join(' ')} did not print ${pattern} within ${ms} ms:\n${output}`);
        await pause(100);
      }
    },
    async stop(graceMs = 5_000) {
      if (running) {
        child.kill('SIGTERM');
        // The grace timer is cleared once the program is gone: left pending, it would keep this process alive for graceMs.
        let grace: NodeJS.Timeout | undefined;
        const gone = await Promise.race([
          exited.then(() => true),
          new Promise<false>((resolveTimer) => (grace = setTimeout(() => resolveTimer(false), graceMs))),
        ]);
        clearTimeout(grace);
        if (!gone) child.kill('SIGKILL');
      }
      return exited;
    },
  };
}

/** Runs `command` to the end and returns what it printed and how it ended. */
export function runProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<Finished> {
  return startProcess(command, args, options).exited;
}

/** Like runProcess, but a non-zero exit is an error that quotes the command and its output. */
export async function runChecked(command: string, args: string[], options: ProcessOptions = {}): Promise<Finished> {
  const finished = await runProcess(command, args, options);
  if (finished.code !== 0) {
    const how = finished.code === null ? `signal ${finished.signal}` : `exit ${finished.code}`;
    throw new Error(`${command} ${args.join(' ')} failed (${how}) in ${options.cwd ?? repoRoot}:\n${finished.output}`);
  }
  return finished;
}

/** Whether a process with this ID is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
