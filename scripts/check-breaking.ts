// `npm run check:breaking -- --base <git-ref>`: compares every API's spec at
// <git-ref> (default: the merge base with main) with the working tree, both
// bundled and dereferenced, and reports each breaking and compatible change per
// operation, under the ID of its rule (docs/breaking-rules.md). Writes a
// Markdown summary and a JSON report.
// Exit codes: 0 no breaking change, 1 breaking changes, 2 could not compare.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadApis, repoRoot, type Api } from './lib/apis.ts';
import { diffSpecs, type Change } from './lib/breaking.ts';
import type { bundleSpec as BundleSpec } from './lib/bundle.ts';
import { renderMarkdown, type ApiReport } from './lib/breaking-report.ts';
import { runProcess } from './lib/processes.ts';

class CannotCompare extends Error {}

async function git(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runProcess('git', args);
  if (code !== 0) throw new CannotCompare(`git ${args.join(' ')} failed${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
  return stdout.trim();
}

async function defaultBase(): Promise<string> {
  for (const main of ['main', 'origin/main']) {
    try {
      return await git(['merge-base', 'HEAD', main]);
    } catch {
      // try the next candidate
    }
  }
  throw new CannotCompare('No branch "main" or "origin/main" to take the merge base with; pass --base <git-ref>.');
}

/** The specs and redocly.yaml as they are at `ref`, extracted into a temporary folder. */
async function checkout(ref: string): Promise<string> {
  let commit: string;
  try {
    commit = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new CannotCompare(`Unknown git ref "${ref}". Pass a branch, tag or commit that exists here (git fetch it first in CI).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-apis-base-'));
  const archive = join(dir, 'base.tar');
  const archived = await runProcess('git', ['archive', '--format=tar', '-o', archive, commit, 'redocly.yaml', 'specs']);
  const extracted = archived.code === 0 ? await runProcess('tar', ['-x', '-f', archive, '-C', dir]) : archived;
  if (extracted.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new CannotCompare(`${ref} (${commit.slice(0, 12)}) has no redocly.yaml and specs/ to compare with.`);
  }
  return dir;
}

/** Redocly's bundler, loaded on first use: it takes a CPU-second to load, and a bad ref or a renamed API is refused without it. */
let bundler: Promise<typeof BundleSpec> | undefined;

async function load(api: Api, side: string, configPath?: string) {
  bundler ??= import('./lib/bundle.ts').then((module) => module.bundleSpec);
  const bundleSpec = await bundler;
  try {
    return await bundleSpec(api.root, { dereference: true, ...(configPath === undefined ? {} : { configPath }) });
  } catch (error) {
    throw new CannotCompare(`The ${api.name} spec ${side} cannot be bundled: ${(error as Error).message}`);
  }
}

function apisOf(configPath: string | undefined, side: string): Api[] {
  try {
    return configPath === undefined ? loadApis() : loadApis(configPath);
  } catch (error) {
    throw new CannotCompare(`The API list ${side} cannot be read: ${(error as Error).message}`);
  }
}

async function compare(ref: string): Promise<ApiReport[]> {
  const baseDir = await checkout(ref);
  try {
    const baseConfig = resolve(baseDir, 'redocly.yaml');
    const baseApis = apisOf(baseConfig, `at ${ref}`);
    const headApis = apisOf(undefined, 'in the working tree');
    const names = (apis: Api[]) => apis.map((api) => api.name);
    const onlyBase = names(baseApis).filter((name) => !names(headApis).includes(name));
    const onlyHead = names(headApis).filter((name) => !names(baseApis).includes(name));
    if (onlyBase.length > 0) {
      throw new CannotCompare(
        `API ${onlyBase.join(', ')} exists at ${ref} but not in the working tree${onlyHead.length > 0 ? ` (renamed to ${onlyHead.join(', ')}?)` : ''}; breaking changes cannot be judged across a rename.`,
      );
    }
    const reports: ApiReport[] = [];
    for (const head of headApis) {
      const base = baseApis.find((api) => api.name === head.name);
      const after = await load(head, 'in the working tree');
      if (base === undefined) {
        reports.push({ api: head.name, spec: relative(repoRoot, head.root), added: true, changes: [] });
        continue;
      }
      const before = await load(base, `at ${ref}`, baseConfig);
      reports.push({ api: head.name, spec: relative(repoRoot, head.root), added: false, changes: diffSpecs(before, after) });
    }
    return reports;
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    markdown: { type: 'string', default: 'test-results/breaking/summary.md' },
    json: { type: 'string', default: 'test-results/breaking/report.json' },
  },
});

try {
  const ref = values.base ?? (await defaultBase());
  const reports = await compare(ref);
  const breaking = reports.flatMap((report) => report.changes.filter((change: Change) => change.verdict === 'breaking'));
  const markdown = renderMarkdown(ref, reports);
  for (const [file, contents] of [
    [values.markdown, markdown],
    [values.json, `${JSON.stringify({ base: ref, breaking: breaking.length, apis: reports }, null, 2)}\n`],
  ] as const) {
    const target = resolve(repoRoot, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile !== undefined && summaryFile !== '' && existsSync(dirname(summaryFile))) appendFileSync(summaryFile, markdown);
  console.log(markdown);
  console.log(`Reports: ${values.markdown}, ${values.json}`);
  process.exitCode = breaking.length > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof CannotCompare)) throw error;
  console.error(`Could not compare: ${error.message}`);
  process.exitCode = 2;
}
