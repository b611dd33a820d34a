// Wall time of the build steps and of npm test, each cold (tool caches
// cleared first) and then warm (run again at once).
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../lib/apis.ts';
import { runChecked } from '../lib/processes.ts';

export interface StepTime {
  step: string;
  coldSeconds: number;
  warmSeconds: number;
}

const STEPS = ['lint', 'generate', 'build:docs', 'test'];

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

export async function benchPipeline(): Promise<StepTime[]> {
  const times: StepTime[] = [];
  for (const step of STEPS) {
    clearCaches();
    const coldSeconds = await timed(step);
    const warmSeconds = await timed(step);
    times.push({ step: step === 'test' ? 'npm test' : `npm run ${step}`, coldSeconds, warmSeconds });
  }
  const build = times.filter((time) => time.step !== 'npm test');
  times.splice(build.length, 0, {
    step: 'npm run build (lint + generate + build:docs)',
    coldSeconds: build.reduce((sum, time) => sum + time.coldSeconds, 0),
    warmSeconds: build.reduce((sum, time) => sum + time.warmSeconds, 0),
  });
  return times;
}
