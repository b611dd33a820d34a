// The code the docs show, as programs to type-check and run: every code
// sample of every operation (scripts/docs/code-samples.ts) and the program of
// every guide (docs/guides/<api>.md), with what each should do against the
// mock; and the TypeScript blocks of the README. The package test compiles
// them against the packed package and runs the first two through a recording
// proxy in front of the Prism mocks (the README's call real regions).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { codeSamples, retarget, sampleCredentials, sampleEndpoint, type SampleEndpoint } from '../../scripts/docs/code-samples.ts';
import { renderGuide } from '../../scripts/docs/guides.ts';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { sampleCalls } from '../../scripts/lib/sample-calls.ts';
import type { PreferRule } from './recording-proxy.ts';
import { operationsOf, type LoadedSpec } from './specs.ts';

export interface DocsProgram {
  /** For test names, e.g. `cinder createVolumeSnapshot TypeScript` or `cinder guide`. */
  name: string;
  api: string;
  language: 'typescript' | 'shell';
  /** The code as the docs show it. */
  source: string;
  endpoint: SampleEndpoint;
  /** What it must ask the mock: one sample call's `METHOD url`, or a guide's operations in order. */
  expected: { request: string } | { operations: string[] };
  /** How the mock must answer for the run (see guideScenarios). */
  rules: PreferRule[];
  /** Why a guide's code cannot run yet. */
  pending?: string;
}

/** How the mock plays each guide through: the Prefer rules, and the calls the guide makes, in order. */
export interface GuideScenario {
  rules: PreferRule[];
  operations: string[];
}

/** The environment every program runs with: a credential in each variable the docs read. */
export function credentialsEnv(specs: LoadedSpec[]): Record<string, string> {
  return Object.fromEntries(
    specs.flatMap(({ document }) => Object.values(sampleCredentials(document))).map((name) => [name, `docs-${name.toLowerCase()}`]),
  );
}

export function docsPrograms(specs: LoadedSpec[], scenarios: Record<string, GuideScenario>): DocsProgram[] {
  return specs.flatMap(({ name: api, document }) => {
    const endpoint = sampleEndpoint(document);
    const calls = new Map(sampleCalls(document, api).map((call) => [call.operationId, call]));
    const samples = [...codeSamples(api, document)].flatMap(([operationId, list]) =>
      list.map((sample): DocsProgram => ({
        name: `${api} ${operationId} ${sample.label}`,
        api,
        language: sample.lang === 'Shell' ? 'shell' : 'typescript',
        source: sample.source,
        endpoint,
        expected: { request: `${calls.get(operationId)!.method.toUpperCase()} ${calls.get(operationId)!.url}` },
        rules: [],
      })),
    );
    const guide = renderGuide(api, document);
    if (guide === undefined) return samples;
    const scenario = scenarios[api];
    if (scenario === undefined) throw new Error(`No guide scenario for ${api}: add one to test/support/guide-scenarios.ts.`);
    return [
      ...samples,
      {
        name: `${api} guide`,
        api,
        language: 'typescript',
        source: guide.program,
        endpoint,
        expected: { operations: scenario.operations },
        rules: scenario.rules,
        ...(guide.pending === undefined ? {} : { pending: guide.pending }),
      },
    ];
  });
}

/** The source pointed at `baseUrl`, failing when the code never names the endpoint it was written for. */
export function pointedAt(program: DocsProgram, baseUrl: string): string {
  const { source, replaced } = retarget(program.source, program.endpoint, baseUrl);
  if (replaced === 0)
    throw new Error(
      `${program.name} never names ${program.endpoint.clientOption} or ${program.endpoint.url}, so it cannot be run against the mock.`,
    );
  return source;
}

/** The operation of a spec that a request is for: the path template that matches, the one with the most fixed segments first. */
export function operationIdOf(spec: LoadedSpec, method: string, url: string): string {
  const path = url.split('?')[0]!;
  const candidates = operationsOf(spec.document)
    .filter((operation) => operation.method === method.toLowerCase())
    .filter((operation) => new RegExp(`^${operation.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path))
    .sort((a, b) => b.path.replace(/\{\w+\}/g, '').length - a.path.replace(/\{\w+\}/g, '').length);
  return String(candidates[0]?.operation['operationId'] ?? `no operation of ${spec.name} for ${method} ${path}`);
}

/** The README's TypeScript code blocks, each a module of its own, as a reader would paste them. */
export function readmeSnippets(): string[] {
  const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => `${match[1]!}export {};\n`);
}
