// How the docs' rendering scales with the number of specs: the repository's
// specs, then 40 (ten copies of each, every copy with its own shared files, as
// separate APIs would be), rendered by the same buildDocs as `npm run
// build:docs`, into temporary folders. Run alone with
// `node --import tsx scripts/bench/docs.ts`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadApis, repoRoot, type Api } from '../lib/apis.ts';
import { buildDocs } from '../lib/docs.ts';

export interface DocsTime {
  specs: number;
  seconds: number;
  /** Seconds per spec. */
  perSpec: number;
}

const COPIES = 10;

async function timed(apis: Api[], outDir: string): Promise<DocsTime> {
  const started = performance.now();
  await buildDocs(outDir, apis);
  const seconds = (performance.now() - started) / 1000;
  return { specs: apis.length, seconds, perSpec: seconds / apis.length };
}

export async function benchDocs(): Promise<DocsTime[]> {
  const workDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-bench-docs-'));
  try {
    const apis = loadApis();
    const real = await timed(apis, join(workDir, 'docs-real'));
    const specsDir = resolve(repoRoot, 'specs');
    const copies = Array.from({ length: COPIES }, (_, index) => {
      const copy = join(workDir, `copy-${index + 1}`, 'specs');
      cpSync(specsDir, copy, { recursive: true });
      return apis.map((api) => ({ name: `${api.name}-${index + 1}`, root: join(copy, relative(specsDir, api.root)) }));
    }).flat();
    const many = await timed(copies, join(workDir, 'docs-many'));
    return [real, many];
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { specs, seconds, perSpec } of await benchDocs())
    console.log(`${specs} specs: ${seconds.toFixed(2)} s (${perSpec.toFixed(3)} s per spec)`);
}
