// Compile-time behaviour of the clients, run by vitest's typecheck mode: each
// `@ts-expect-error` is a test that fails if its line compiles, and each
// expectTypeOf a test that fails if the types differ. Nothing here runs.
import { Agent, ProxyAgent } from 'undici';
import { describe, expectTypeOf, test } from 'vitest';
import * as cinder from '../../../generated/cinder/index.ts';
import * as css from '../../../generated/css/index.ts';
import * as dws from '../../../generated/dws/index.ts';
import * as evs from '../../../generated/evs/index.ts';

const project_id = '89cd04f168b84af6be287f71730fdb4b';
const cluster_id = '44b277eb-39be-4921-be31-3d61b43651d7';
const volume_id = '2c194dde-7de5-4529-a141-49f48181f411';

describe('DWS createClusterSnapshot', () => {
  const client = dws.createClient({ region: 'cn-north-4' });
  const params = { path: { project_id } };

  test('rejects a misspelt field', () => {
    // @ts-expect-error `clusterId` instead of `cluster_id`
    void client.POST('/v1.0/{project_id}/snapshots', { params, body: { snapshot: { name: 'snap', clusterId: cluster_id } } });
  });
  test('rejects a body without the required name', () => {
    // @ts-expect-error `name` is required
    void client.POST('/v1.0/{project_id}/snapshots', { params, body: { snapshot: { cluster_id } } });
  });
  test('rejects a description that is not a string', () => {
    // @ts-expect-error description is a string
    void client.POST('/v1.0/{project_id}/snapshots', { params, body: { snapshot: { name: 'snap', cluster_id, description: 3 } } });
  });
  test('rejects a call without the project_id path parameter', () => {
    // @ts-expect-error project_id is a required path parameter
    void client.POST('/v1.0/{project_id}/snapshots', { params: { path: {} }, body: { snapshot: { name: 'snap', cluster_id } } });
  });
  test('rejects a method the path does not have', () => {
    // @ts-expect-error the spec has no PATCH
    void client.PATCH('/v1.0/{project_id}/snapshots', { params });
  });
  test('types data and error from the spec', async () => {
    const result = await client.POST('/v1.0/{project_id}/snapshots', { params, body: { snapshot: { name: 'snap', cluster_id } } });
    expectTypeOf(result.data).toEqualTypeOf<dws.CreateClusterSnapshotResponse | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<dws.CreateClusterSnapshotError | undefined>();
    if (result.data) expectTypeOf(result.data.snapshot.id).toEqualTypeOf<string>();
  });
});

describe('Cinder createVolumeSnapshot', () => {
  const client = cinder.createClient({ baseUrl: 'https://controller:8776' });
  const params = { path: { tenant_id: project_id } };

  test('rejects a misspelt field', () => {
    // @ts-expect-error `volumeId` instead of `volume_id`
    void client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { volumeId: volume_id } } });
  });
  test('rejects a body without volume_id, which the service requires', () => {
    // @ts-expect-error `volume_id` is required
    void client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { name: 'snap' } } });
  });
  test('rejects a force that is neither a Boolean nor one of its strings', () => {
    // @ts-expect-error force is a Boolean or one of its strings
    void client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { volume_id, force: 'maybe' } } });
  });
  test('rejects new_size, which is not a snapshot field', () => {
    // @ts-expect-error new_size belongs to volume extend
    void client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { volume_id, new_size: 10 } } });
  });
  test('rejects a call without the tenant_id path parameter', () => {
    // @ts-expect-error tenant_id is a required path parameter
    void client.POST('/v2/{tenant_id}/snapshots', { body: { snapshot: { volume_id } } });
  });
  test('accepts the Boolean strings and the null metadata the service takes', () => {
    void client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { volume_id, force: 'yes', metadata: null } } });
  });
  test('types data and error from the spec', async () => {
    const result = await client.POST('/v2/{tenant_id}/snapshots', { params, body: { snapshot: { volume_id } } });
    expectTypeOf(result.data).toEqualTypeOf<cinder.CreateVolumeSnapshotResponse | undefined>();
    // The 413 body is an allOf, which openapi-fetch and the alias spell differently: check both ways.
    expectTypeOf(result.error).toExtend<cinder.CreateVolumeSnapshotError | undefined>();
    expectTypeOf<cinder.CreateVolumeSnapshotError | undefined>().toExtend<typeof result.error>();
    if (result.data) expectTypeOf(result.data.snapshot.updated_at).toEqualTypeOf<string | null | undefined>();
  });
});

describe('CSS createIndexSnapshot', () => {
  const client = css.createClient({ region: 'cn-north-1' });
  const params = { path: { project_id, cluster_id } };

  test('rejects a misspelt field', () => {
    // @ts-expect-error `indexes` instead of `indices`
    void client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params, body: { name: 'snap', indexes: 'a' } });
  });
  test('rejects a body without the required name', () => {
    // @ts-expect-error `name` is required
    void client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params, body: { indices: 'a' } });
  });
  test('rejects indices given as a list', () => {
    // @ts-expect-error indices is a comma-separated string
    void client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params, body: { name: 'snap', indices: ['a', 'b'] } });
  });
  test('rejects a call without the cluster_id path parameter', () => {
    const withoutCluster = { path: { project_id } };
    // @ts-expect-error cluster_id is a required path parameter
    void client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: withoutCluster, body: { name: 'snap' } });
  });
  test('types data and error from the spec', async () => {
    const result = await client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params, body: { name: 'snap' } });
    expectTypeOf(result.data).toEqualTypeOf<css.CreateIndexSnapshotResponse | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<css.CreateIndexSnapshotError | undefined>();
  });
});

describe('EVS createStandardSnapshot', () => {
  const client = evs.createClient({ region: 'cn-north-4' });
  const params = { path: { project_id } };

  test('rejects a misspelt field', () => {
    // @ts-expect-error `instantAccess` instead of `instant_access`
    void client.POST('/v5/{project_id}/snapshots', { params, body: { snapshot: { volume_id, instantAccess: true } } });
  });
  test('rejects a body without volume_id', () => {
    // @ts-expect-error `volume_id` is required
    void client.POST('/v5/{project_id}/snapshots', { params, body: { snapshot: { name: 'snap' } } });
  });
  test('rejects tag values that are not strings', () => {
    // @ts-expect-error tags map to strings
    void client.POST('/v5/{project_id}/snapshots', { params, body: { snapshot: { volume_id, tags: { env: 1 } } } });
  });
  test('rejects a call without the project_id path parameter', () => {
    // @ts-expect-error project_id is a required path parameter
    void client.POST('/v5/{project_id}/snapshots', { params: {}, body: { snapshot: { volume_id } } });
  });
  test('types data and error from the spec', async () => {
    const result = await client.POST('/v5/{project_id}/snapshots', { params, body: { snapshot: { volume_id } } });
    expectTypeOf(result.data).toEqualTypeOf<evs.CreateStandardSnapshotResponse | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<evs.CreateStandardSnapshotError | undefined>();
  });
});

describe('client options', () => {
  test('rejects a region the service does not have', () => {
    // @ts-expect-error not a DWS region
    dws.createClient({ region: 'RegionOne' });
  });
  test('rejects a region for Cinder, which has none', () => {
    // @ts-expect-error Cinder has no official regions
    cinder.createClient({ region: 'cn-north-4' });
  });
  test('rejects a token that is not a string', () => {
    // @ts-expect-error the token is a string
    evs.createClient({ baseUrl: 'http://127.0.0.1:4013', token: 42 });
  });
  test('takes transport: fetch, and no other transport', () => {
    evs.createClient({ baseUrl: 'http://127.0.0.1:4013', transport: 'fetch' });
    // @ts-expect-error 'fetch' is the only transport to choose
    evs.createClient({ baseUrl: 'http://127.0.0.1:4013', transport: 'undici' });
  });
  test('takes any undici dispatcher, such as a ProxyAgent, and nothing that cannot dispatch', () => {
    dws.createClient({ region: 'cn-north-4', dispatcher: new ProxyAgent('http://proxy.internal:3128') });
    cinder.createClient({ baseUrl: 'https://controller:8776', dispatcher: new Agent({ connect: { rejectUnauthorized: true } }) });
    // @ts-expect-error a proxy URL is not a dispatcher
    css.createClient({ region: 'cn-north-4', dispatcher: 'http://proxy.internal:3128' });
  });
});
