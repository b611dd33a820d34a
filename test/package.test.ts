// What a user gets from npm: pack the package, install the tarball into a fresh
// project, compile a strict-mode consumer that imports all four subpaths, and
// run it against a local server. No network: openapi-fetch and its own
// dependency are packed from node_modules (the locked versions) and installed
// from those tarballs, as npm would install them from the registry.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/lib/apis.ts';
import { RecordingServer } from './support/http-server.ts';

const workDir = mkdtempSync(join(tmpdir(), 'snapshot-apis-consumer-'));
const consumerDir = join(workDir, 'consumer');
const server = new RecordingServer();

function packageJson(dir: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(resolve(repoRoot, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const consumerSource = (baseUrl: string) => `
import { createClient as createDws, type CreateClusterSnapshotRequest } from 'snapshot-apis/dws';
import { createClient as createCinder } from 'snapshot-apis/cinder';
import { createClient as createCss } from 'snapshot-apis/css';
import { createClient as createEvs, requestIdOf, type CreateStandardSnapshotError } from 'snapshot-apis/evs';
import { dws } from 'snapshot-apis';
import dwsSpec from 'snapshot-apis/openapi/dws.json' with { type: 'json' };

const baseUrl = ${JSON.stringify(baseUrl)};
const project_id = '89cd04f168b84af6be287f71730fdb4b';
const body: CreateClusterSnapshotRequest = { snapshot: { name: 'snapshot-3', cluster_id: '44b277eb-39be-4921-be31-3d61b43651d7' } };

const a = await createDws({ baseUrl, token: 'token' }).POST('/v1.0/{project_id}/snapshots', { params: { path: { project_id } }, body });
const b = await createCinder({ baseUrl, token: 'token' }).POST('/v2/{tenant_id}/snapshots', {
  params: { path: { tenant_id: project_id } },
  body: { snapshot: { volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', force: true } },
});
const c = await createCss({ baseUrl, token: 'token' }).POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', {
  params: { path: { project_id, cluster_id: 'ea244205-d641-45d9-9dcb-ab2236bcd07e' } },
  body: { name: 'snapshot_001' },
});
const d = await createEvs({ baseUrl, token: 'token' }).POST('/v5/{project_id}/snapshots', {
  params: { path: { project_id } },
  body: { snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411' } },
});
const error: CreateStandardSnapshotError | undefined = d.error;

console.log(JSON.stringify({
  dws: a.data?.snapshot.id ?? null,
  cinder: b.data?.snapshot.status ?? null,
  css: c.data?.backup.name ?? null,
  evs: error !== undefined && 'error' in error ? error.error.code : null,
  evsStatus: d.response.status,
  evsRequestId: requestIdOf(d.response) ?? null,
  namespaceExport: typeof dws.createClient,
  specTitle: dwsSpec.info.title,
}));
`;

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
    skipLibCheck: false,
  },
  files: ['consumer.ts'],
};

beforeAll(async () => {
  await server.start();
  const pack = (...args: string[]) =>
    (JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir, ...args], repoRoot)) as { filename: string }[]).map(
      (packed) => join(workDir, packed.filename),
    );
  const tarballs = pack();
  const runtime = ['openapi-fetch', ...Object.keys(packageJson('node_modules/openapi-fetch').dependencies ?? {})];
  tarballs.push(...pack('--ignore-scripts', ...runtime.map((name) => resolve(repoRoot, 'node_modules', name))));
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs], consumerDir);
  writeFileSync(join(consumerDir, 'tsconfig.json'), JSON.stringify(strictTsconfig, null, 2));
  writeFileSync(join(consumerDir, 'consumer.ts'), consumerSource(server.url));
}, 180_000);

afterAll(async () => {
  await server.stop();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('declares openapi-fetch as its only dependency, and installs', () => {
    const installed = JSON.parse(readFileSync(join(consumerDir, 'node_modules/snapshot-apis/package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(installed.dependencies).toEqual({ 'openapi-fetch': packageJson('.').dependencies?.['openapi-fetch'] });
    expect(() => run('npm', ['ls', '--all'], consumerDir)).not.toThrow();
  });

  it('compiles a strict-mode consumer of all four subpaths', () => {
    const tsc = resolve(repoRoot, 'node_modules/typescript/bin/tsc');
    expect(() => run(process.execPath, [tsc, '-p', consumerDir], consumerDir)).not.toThrow();
  });

  it('calls all four APIs from the compiled consumer', async () => {
    server.reply(
      { status: 200, body: { snapshot: { id: '2a4d0f86-67cd-408a-8b66-017454fb7793' } } },
      {
        status: 202,
        body: {
          snapshot: {
            id: 'ffa9bc5e-1172-4021-acaf-cdcd78a9584d', status: 'creating', name: null, description: null,
            created_at: '2013-02-25T03:56:53.081642', metadata: {}, volume_id: '5aa119a8-d25b-45a7-8d1b-88e127885635', size: 1,
          },
        },
      },
      { status: 201, body: { backup: { id: '9dc4f5c9-33c0-45c7-9378-ae35ae350682', name: 'snapshot_001' } } },
      { status: 400, body: { error: { code: 'EVS.1002', message: 'invalid volume id!' } }, headers: { 'X-Request-Id': 'req-42' } },
    );
    // Asynchronously: the local server answering it runs in this process.
    const { stdout: output } = await promisify(execFile)(process.execPath, ['consumer.js'], { cwd: consumerDir });
    expect(JSON.parse(output)).toEqual({
      dws: '2a4d0f86-67cd-408a-8b66-017454fb7793',
      cinder: 'creating',
      css: 'snapshot_001',
      evs: 'EVS.1002',
      evsStatus: 400,
      evsRequestId: 'req-42',
      namespaceExport: 'function',
      specTitle: 'Huawei Cloud DWS snapshots',
    });
    expect(server.requests.map((request) => `${request.method} ${request.url} ${request.headers['x-auth-token']}`)).toEqual([
      'POST /v1.0/89cd04f168b84af6be287f71730fdb4b/snapshots token',
      'POST /v2/89cd04f168b84af6be287f71730fdb4b/snapshots token',
      'POST /v1.0/89cd04f168b84af6be287f71730fdb4b/clusters/ea244205-d641-45d9-9dcb-ab2236bcd07e/index_snapshot token',
      'POST /v5/89cd04f168b84af6be287f71730fdb4b/snapshots token',
    ]);
  });
});
