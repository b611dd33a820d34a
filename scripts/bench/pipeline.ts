// Wall time of the build steps and of npm test, each cold (tool caches
// cleared first) and then warm (run again at once).
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../lib/apis.ts';

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

function timed(script: string): Promise<number> {
  return new Promise((resolveTime, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', script], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolveTime((performance.now() - started) / 1000) : reject(new Error(`npm run ${script} failed:\n${errors}`))));
  });
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
