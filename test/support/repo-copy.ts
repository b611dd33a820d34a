// A throwaway copy of the repository (its sources, not its history), with the
// real node_modules linked in, for tests that run npm scripts and may break a spec.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { runProcess } from '../../scripts/lib/processes.ts';

const COPIED = [
  'package.json',
  'tsconfig.json',
  // `npm run generate` writes the table of operations into it.
  'README.md',
  'redocly.yaml',
  '.spectral.yaml',
  '.prettierrc.json',
  '.prettierignore',
  'specs',
  'lint',
  'scripts',
  'src',
  'generated',
];
const copies: string[] = [];

export function copyOfRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-'));
  copies.push(dir);
  for (const entry of COPIED) cpSync(resolve(repoRoot, entry), join(dir, entry), { recursive: true });
  // The installed packages, linked one by one, and a cache of the copy's own: the tools' caches (Prettier's)
  // are keyed by absolute path, so a shared one would be overwritten with the copy's files each run.
  const modules = resolve(repoRoot, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(modules)) {
    if (entry !== '.cache') symlinkSync(join(modules, entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

/** Deletes every copy made so far. */
export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface NpmRun {
  status: number | null;
  output: string;
}

export async function npmRun(dir: string, script: string): Promise<NpmRun> {
  const { code, output } = await runProcess('npm', ['run', script], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: code, output };
}

/** Replaces `from` by `to` in one file of the copy, failing if the file no longer says `from`. */
export function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

/**
 * One run of `script` on a copy changed by `prepare`, made by the first test that asks for it and
 * shared by the tests that ask after it: each test still passes alone, and breaks what only it looks for.
 */
export function sharedRun(prepare: (dir: string) => void, script: string): () => Promise<NpmRun> {
  let run: Promise<NpmRun> | undefined;
  return () =>
    (run ??= (() => {
      const dir = copyOfRepo();
      prepare(dir);
      return npmRun(dir, script);
    })());
}
