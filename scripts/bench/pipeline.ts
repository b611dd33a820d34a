// Wall time of the build steps, each cold (tool caches cleared first) and then
// warm (run again at once), and of each part of `npm test` once, after them.
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
/** What `npm test` runs after checking the tools it drives are installed. */
const TEST_STEPS = ['typecheck', 'test:unit', 'test:integration'];

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

const sum = (times: StepTime[], read: (time: StepTime) => number | undefined) =>
  times.reduce((total, time) => total + (read(time) ?? 0), 0);

export async function benchPipeline(): Promise<StepTime[]> {
  const build: StepTime[] = [];
  for (const step of BUILD_STEPS) {
    clearCaches();
    const coldSeconds = await timed(step);
    build.push({ step: `npm run ${step}`, coldSeconds, seconds: await timed(step) });
  }
  const tests: StepTime[] = [];
  for (const step of TEST_STEPS) tests.push({ step: `npm run ${step}`, seconds: await timed(step) });
  return [
    ...build,
    {
      step: 'npm run build (lint + generate + build:docs)',
      coldSeconds: sum(build, (t) => t.coldSeconds),
      seconds: sum(build, (t) => t.seconds),
    },
    ...tests,
    { step: 'npm test (typecheck + unit + integration)', seconds: sum(tests, (t) => t.seconds) },
  ];
}
