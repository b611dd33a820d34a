// What a user gets from npm: pack the package, install the tarball into a fresh
// project, compile a strict-mode consumer that calls every operation of every API, and
// run it against a local server (in Node.js, through the undici transport that
// package.json's `#transport` import selects there); and bundle it for a
// browser, where the same import selects plain fetch. No network: the
// dependencies (openapi-fetch, undici) and theirs are packed from node_modules
// (the locked versions) and installed from those tarballs, as npm would
// install them from the registry.
//
// The same project compiles and runs the code the docs show: every code sample
// of every operation and every guide, type-checked as shown (with Node.js's
// types, since they read credentials from the environment) and run against the
// Prism mocks, with the endpoint swapped for the mock's and nothing else (the
// TypeScript ones one after another in one Node.js process; the consumer above
// shows that a program of the package runs and exits on its own).
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { runChecked, runProcess, type Finished } from '../../scripts/lib/processes.ts';
import { firstExample, sampleCalls } from '../../scripts/lib/sample-calls.ts';
import { credentialsEnv, docsPrograms, operationIdOf, pointedAt, readmeSnippets, type DocsProgram } from '../support/docs-code.ts';
import { guideScenarios } from '../support/guide-scenarios.ts';
import { RecordingServer } from '../support/http-server.ts';
import { mockFor } from '../support/mocks.ts';
import { ModuleRunner } from '../support/module-runner.ts';
import { RecordingProxy, type Route } from '../support/recording-proxy.ts';
import { isObject, loadSpec, loadSpecs, objectAt, operationsOf, type JsonObject } from '../support/specs.ts';

// Made by beforeAll, which a run that filters out every test of this file skips (and afterAll with it).
let workDir: string;
let consumerDir: string;
const server = new RecordingServer();
const proxy = new RecordingProxy();

function packageJson(dir: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(resolve(repoRoot, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
}

async function run(command: string, args: string[], cwd: string): Promise<string> {
  return (await runChecked(command, args, { cwd, env: { NO_COLOR: '1' } })).stdout;
}

const specs = await loadSpecs();
/** Every API's sample call of every operation, in the order the consumer makes them. */
const calls = specs.flatMap(({ name: api, document }) => {
  const responses = operationsOf(document).map(({ operation }) => operation['responses'] as JsonObject);
  return sampleCalls(document, api).map((sample, index) => {
    const success = responses[index]![String(sample.successStatus)] as JsonObject;
    const body = isObject(success['content']) ? firstExample(objectAt(success, 'content', 'application/json')) : undefined;
    return { api, sample, reply: { status: sample.successStatus, body } };
  });
});

/** A strict-mode TypeScript program that makes every sample call through the installed package, typed by it. */
function consumerSource(baseUrl: string): string {
  const lines = [
    ...specs.map(({ name }) => `import * as ${name} from 'snapshot-apis/${name}';`),
    "import * as all from 'snapshot-apis';",
    `import spec from 'snapshot-apis/openapi/${specs[0]!.name}.json' with { type: 'json' };`,
    '',
    `const baseUrl = ${JSON.stringify(baseUrl)};`,
    'const results: Record<string, unknown> = {};',
    '// Counts what goes through the global fetch: nothing, in Node.js, unless transport is fetch.',
    'const globalFetch = globalThis.fetch;',
    'let fetchCalls = 0;',
    'globalThis.fetch = (input, init) => ((fetchCalls += 1), globalFetch(input, init));',
  ];
  calls.forEach(({ api, sample }, index) => {
    const params = {
      ...(Object.keys(sample.pathParams).length > 0 ? { path: sample.pathParams } : {}),
      ...(Object.keys(sample.query).length > 0 ? { query: sample.query } : {}),
    };
    const init = { ...(Object.keys(params).length > 0 ? { params } : {}), ...(sample.body === undefined ? {} : { body: sample.body }) };
    lines.push(
      `const r${index} = await ${api}.createClient({ baseUrl, token: 'token' }).${sample.method.toUpperCase()}('${sample.path}'${Object.keys(init).length > 0 ? `, ${JSON.stringify(init)}` : ''});`,
      `results['${api} ${sample.operationId}'] = { status: r${index}.response.status, data: r${index}.data ?? null, requestId: ${api}.requestIdOf(r${index}.response) ?? null };`,
    );
  });
  const [first] = calls;
  lines.push(
    'results.fetchCallsByDefault = fetchCalls;',
    `const viaFetch = await ${first!.api}.createClient({ baseUrl, token: 'token', transport: 'fetch' }).${first!.sample.method.toUpperCase()}('${first!.sample.path}', ${JSON.stringify({ params: { path: first!.sample.pathParams }, body: first!.sample.body })});`,
    'results.viaFetch = { status: viaFetch.response.status, fetchCalls };',
    'results.namespaces = Object.keys(all).sort();',
    'results.specTitle = spec.info.title;',
    'console.log(JSON.stringify(results));',
    '',
  );
  return lines.join('\n');
}

const strictTsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
    types: [],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    resolveJsonModule: true,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    verbatimModuleSyntax: true,
    // The package's declarations (and openapi-fetch's) are checked; TypeScript's own lib files need not be (a third of the time).
    skipLibCheck: false,
    skipDefaultLibCheck: true,
  },
  files: ['consumer.ts'],
};

/** The docs' code, and the files it is written to in the consumer project. */
const docsCode = docsPrograms(specs, guideScenarios);
const runnable = docsCode.filter((program) => program.pending === undefined);
/** The credentials the docs' code reads from the environment. */
const docsEnv = credentialsEnv(specs);
const pending = docsCode.filter((program) => program.pending !== undefined);
const readmeCode = readmeSnippets();
const fileOf = (program: DocsProgram, folder: 'shown' | 'run') =>
  `docs/${folder}/${program.name.replace(/[^\w]+/g, '-')}.${program.language === 'shell' ? 'sh' : 'ts'}`;
const routes = new Map<DocsProgram, Route>();
/** The TypeScript programs, compiled, run in one Node.js process (see module-runner.ts). */
let programs: ModuleRunner | undefined;

/**
 * Type-checks, with Node.js's types, the docs' TypeScript as shown and as pointed at the mocks.
 * The consumer's compilation already checks the package's declarations under the same options;
 * checking them again here, with @types/node's, would double this compilation's time.
 */
const docsTsconfig = {
  extends: './tsconfig.json',
  compilerOptions: { types: ['node'], skipLibCheck: true },
  files: [],
  include: ['docs/**/*.ts'],
};

function writeDocsCode(): void {
  for (const program of runnable) {
    const route = proxy.route(mockFor(program.api).url, program.rules);
    routes.set(program, route);
    for (const [folder, source] of [
      ['shown', program.source],
      ['run', pointedAt(program, route.baseUrl)],
    ] as const) {
      const file = join(consumerDir, fileOf(program, folder));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, source);
    }
  }
  readmeCode.forEach((source, index) => writeFileSync(join(consumerDir, 'docs', 'shown', `readme-${index + 1}.ts`), source));
  writeFileSync(join(consumerDir, 'tsconfig.docs.json'), JSON.stringify(docsTsconfig, null, 2));
}

const tsc = resolve(repoRoot, 'node_modules/typescript/bin/tsc');
/** Both compilations, run side by side once everything is installed. */
let compiled: { consumer: Finished; docs: Finished };

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-consumer-'));
  consumerDir = join(workDir, 'consumer');
  programs = new ModuleRunner(consumerDir, docsEnv);
  await Promise.all([server.start(), proxy.start()]);
  const pack = async (...args: string[]) =>
    (JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', workDir, ...args], repoRoot)) as { filename: string }[]).map(
      (packed) => join(workDir, packed.filename),
    );
  const tarballs = await pack();
  const direct = Object.keys(packageJson('.').dependencies ?? {});
  const runtime = [...direct, ...direct.flatMap((name) => Object.keys(packageJson(`node_modules/${name}`).dependencies ?? {}))];
  // Node.js's types (and their own dependency) for the docs' code, which reads the environment.
  const forDocs = ['@types/node', ...Object.keys(packageJson('node_modules/@types/node').dependencies ?? {})];
  tarballs.push(...(await pack('--ignore-scripts', ...[...runtime, ...forDocs].map((name) => resolve(repoRoot, 'node_modules', name)))));
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs], consumerDir);
  writeFileSync(join(consumerDir, 'tsconfig.json'), JSON.stringify(strictTsconfig, null, 2));
  writeFileSync(join(consumerDir, 'consumer.ts'), consumerSource(server.url));
  writeDocsCode();
  const [consumer, docs] = await Promise.all([
    runProcess(process.execPath, [tsc, '-p', consumerDir], { cwd: consumerDir }),
    runProcess(process.execPath, [tsc, '-p', join(consumerDir, 'tsconfig.docs.json')], { cwd: consumerDir }),
  ]);
  compiled = { consumer, docs };
}, 240_000);

afterAll(async () => {
  await Promise.all([server.stop(), proxy.stop(), programs?.stop()]);
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('declares openapi-fetch and undici as its only dependencies, pinned, and installs', async () => {
    const installed = JSON.parse(readFileSync(join(consumerDir, 'node_modules/snapshot-apis/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(installed.dependencies ?? {}).sort()).toEqual(['openapi-fetch', 'undici']);
    expect(installed.dependencies).toEqual(packageJson('.').dependencies);
    for (const version of Object.values(installed.dependencies ?? {})) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    await run('npm', ['ls', '--all'], consumerDir);
  });

  it('ships a compiled module for each source and nothing else (no leftover of a deleted source)', () => {
    const shipped = join(consumerDir, 'node_modules/snapshot-apis/dist');
    const compiled = readdirSync(shipped, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const sources = compiled.filter((file) => existsSync(resolve(repoRoot, file.replace(/\.js$/, '.ts'))));
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled).toEqual(sources);
  });

  it('ships the licence text', () => {
    expect(readFileSync(join(consumerDir, 'node_modules/snapshot-apis/LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('compiles a strict-mode consumer of every operation of every API', () => {
    expect(compiled.consumer.output).toBe('');
    expect(compiled.consumer.code).toBe(0);
  });

  it('makes every sample call from the compiled consumer, with typed data back', async () => {
    server.reply(
      ...calls.map(({ reply }, index) => ({
        ...reply,
        headers: { 'X-Request-Id': `req-${index}`, 'x-openstack-request-id': `req-${index}` },
      })),
      calls[0]!.reply,
    );
    const output = JSON.parse(await run(process.execPath, ['consumer.js'], consumerDir)) as Record<string, unknown>;
    const expected = Object.fromEntries(
      calls.map(({ api, sample, reply }, index) => [
        `${api} ${sample.operationId}`,
        { status: reply.status, data: reply.body ?? null, requestId: `req-${index}` },
      ]),
    );
    expect(output).toEqual({
      ...expected,
      fetchCallsByDefault: 0,
      viaFetch: { status: calls[0]!.reply.status, fetchCalls: 1 },
      namespaces: specs.map(({ name }) => name).sort(),
      specTitle: (specs[0]!.document['info'] as JsonObject)['title'],
    });
    expect(server.requests.map((request) => `${request.method} ${request.url} ${request.headers['x-auth-token']}`)).toEqual(
      [...calls, calls[0]!].map(({ sample }) => `${sample.method.toUpperCase()} ${sample.url} token`),
    );
  });

  it('bundles for a browser with plain fetch: no undici, no Node.js code', async () => {
    const built = await build({
      stdin: { contents: specs.map(({ name }) => `export * as ${name} from 'snapshot-apis/${name}';`).join('\n'), resolveDir: consumerDir },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const bundle = built.outputFiles[0]!.text;
    expect(bundle).toContain('createClient');
    expect(bundle).not.toMatch(/getGlobalDispatcher|undici\.globalDispatcher|node:zlib|brotliDecompress/);
  });
});

describe('the code of the docs', () => {
  it("type-checks, against the package, every code sample and guide as the docs show it, and the README's code", () => {
    expect(compiled.docs.output).toBe('');
    expect(compiled.docs.code).toBe(0);
    expect(runnable.filter((program) => program.language === 'typescript').length).toBeGreaterThan(specs.length);
    expect(readmeCode.length).toBeGreaterThanOrEqual(4);
  });

  it.each(runnable)('runs $name against the mock, as the docs show it but for the endpoint', async (program) => {
    const run = fileOf(program, 'run');
    if (program.language === 'shell') {
      const { code, output } = await runProcess('bash', [run], { cwd: consumerDir, env: docsEnv });
      expect(code, output).toBe(0);
    } else {
      const { failure, output } = await programs!.run(join(consumerDir, run.replace(/\.ts$/, '.js')));
      expect(failure, output).toBeUndefined();
    }
    const requests = routes.get(program)!.requests;
    if ('request' in program.expected) {
      expect(requests.map(({ method, url }) => `${method} ${url}`)).toEqual([program.expected.request]);
    } else {
      const spec = await loadSpec(program.api);
      expect(requests.map(({ method, url }) => operationIdOf(spec, method, url))).toEqual(program.expected.operations);
    }
  });

  // A guide whose service's calls are not in its spec yet says so, and shows here as skipped until it can run.
  if (pending.length > 0) it.skip.each(pending)('runs $name against the mock (pending: $pending)', () => {});
});
