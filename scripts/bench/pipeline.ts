// Wall time of the build steps, of `npm run build` (all of them in one process)
// and of the type-check, each cold (tool caches cleared first) and then warm
// (run again at once); of each test tier once; and of `npm test` itself, which
// runs the type-check beside both tiers.
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../lib/apis.ts';
import { runChecked } from '../lib/processes.ts';

export interface StepTime {
  step: string;
  coldSeconds?: number;
  seconds: number;
}

const BUILD_STEPS = ['lint', 'generate', 'build:docs'];
/** The parts of `npm test`, each on its own. */
const TEST_TIERS = ['test:unit', 'test:integration'];
export const NPM_BUILD = 'npm run build (lint, then generate and build:docs in one process)';
export const NPM_TEST = 'npm test (typecheck beside unit + integration)';

function clearCaches(): void {
  rmSync(resolve(repoRoot, 'node_modules/.vite'), { recursive: true, force: true });
  rmSync(resolve(repoRoot, 'node_modules/.cache'), { recursive: true, force: true });
  for (const entry of readdirSync(tmpdir())) if (entry.startsWith('tsx-')) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
}

async function timed(script: string): Promise<number> {
  const started = performance.now();
  await runChecked('npm', ['run', script]);
  return (performance.now() - started) / 1000;
}

/** A script run with the tool caches cleared, then again at once. */
async function coldAndWarm(script: string): Promise<StepTime> {
  clearCaches();
  const coldSeconds = await timed(script);
  return { step: `npm run ${script}`, coldSeconds, seconds: await timed(script) };
}

export async function benchPipeline(): Promise<StepTime[]> {
  const build: StepTime[] = [];
  for (const step of BUILD_STEPS) build.push(await coldAndWarm(step));
  build.push({ ...(await coldAndWarm('build')), step: NPM_BUILD });
  // Each cold run clears the caches: the type-check's comes last, so that the test runs start warm.
  const typecheck = await coldAndWarm('typecheck');
  const tests: StepTime[] = [];
  for (const step of TEST_TIERS) tests.push({ step: `npm run ${step}`, seconds: await timed(step) });
  return [
    ...build,
    typecheck,
    ...tests,
    // `npm run test` is `npm test`.
    { step: NPM_TEST, seconds: await timed('test') },
  ];
}
