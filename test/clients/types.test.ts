// Compile-time behaviour of the clients. `npm test` runs `tsc --noEmit` first:
// each `@ts-expect-error` below fails that step if the line after it compiles,
// and each expectTypeOf fails it if the types differ. The calls are built but
// never sent (the functions are not invoked), so no request leaves the test.
import { describe, expectTypeOf, it } from 'vitest';
import * as cinder from '../../src/cinder.ts';
import * as css from '../../src/css.ts';
import * as dws from '../../src/dws.ts';
import * as evs from '../../src/evs.ts';

const project_id = '89cd04f168b84af6be287f71730fdb4b';
const cluster_id = '44b277eb-39be-4921-be31-3d61b43651d7';

function dwsCalls(client: dws.DwsClient) {
  return [
    // @ts-expect-error misspelt field (`clusterId` instead of `cluster_id`)
    client.POST('/v1.0/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { name: 'snap', clusterId: cluster_id } } }),
    // @ts-expect-error missing required field `name`
    client.POST('/v1.0/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { cluster_id } } }),
    // @ts-expect-error wrong type: description is a string
    client.POST('/v1.0/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { name: 'snap', cluster_id, description: 3 } } }),
    // @ts-expect-error missing path parameter project_id
    client.POST('/v1.0/{project_id}/snapshots', { params: { path: {} }, body: { snapshot: { name: 'snap', cluster_id } } }),
    // @ts-expect-error an operation the API does not have
    client.GET('/v1.0/{project_id}/snapshots', { params: { path: { project_id } } }),
  ];
}

function cinderCalls(client: cinder.CinderClient) {
  return [
    // @ts-expect-error misspelt field (`volumeId`)
    client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: project_id } }, body: { snapshot: { volumeId: cluster_id } } }),
    // @ts-expect-error missing required field `volume_id` (the service requires it)
    client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: project_id } }, body: { snapshot: { name: 'snap' } } }),
    // @ts-expect-error wrong type: force is a Boolean or one of its strings
    client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: project_id } }, body: { snapshot: { volume_id: cluster_id, force: 'maybe' } } }),
    // @ts-expect-error new_size is not a snapshot field
    client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: project_id } }, body: { snapshot: { volume_id: cluster_id, new_size: 10 } } }),
    // @ts-expect-error missing path parameter tenant_id
    client.POST('/v2/{tenant_id}/snapshots', { body: { snapshot: { volume_id: cluster_id } } }),
    // Accepted: the Boolean strings and null metadata the service takes.
    client.POST('/v2/{tenant_id}/snapshots', { params: { path: { tenant_id: project_id } }, body: { snapshot: { volume_id: cluster_id, force: 'yes', metadata: null } } }),
  ];
}

function cssCalls(client: css.CssClient) {
  return [
    // @ts-expect-error misspelt field (`indexes`)
    client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: { path: { project_id, cluster_id } }, body: { name: 'snap', indexes: 'a' } }),
    // @ts-expect-error missing required field `name`
    client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: { path: { project_id, cluster_id } }, body: { indices: 'a' } }),
    // @ts-expect-error wrong type: indices is a comma-separated string
    client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: { path: { project_id, cluster_id } }, body: { name: 'snap', indices: ['a', 'b'] } }),
    // @ts-expect-error missing path parameter cluster_id
    client.POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', { params: { path: { project_id } }, body: { name: 'snap' } }),
  ];
}

function evsCalls(client: evs.EvsClient) {
  return [
    // @ts-expect-error misspelt field (`instantAccess`)
    client.POST('/v5/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { volume_id: cluster_id, instantAccess: true } } }),
    // @ts-expect-error missing required field `volume_id`
    client.POST('/v5/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { name: 'snap' } } }),
    // @ts-expect-error wrong type: tags map to strings
    client.POST('/v5/{project_id}/snapshots', { params: { path: { project_id } }, body: { snapshot: { volume_id: cluster_id, tags: { env: 1 } } } }),
    // @ts-expect-error missing path parameter project_id
    client.POST('/v5/{project_id}/snapshots', { params: {}, body: { snapshot: { volume_id: cluster_id } } }),
  ];
}

async function resultTypes() {
  const dwsResult = await dws.createClient({ region: 'cn-north-4' }).POST('/v1.0/{project_id}/snapshots', {
    params: { path: { project_id } },
    body: { snapshot: { name: 'snap', cluster_id } },
  });
  expectTypeOf(dwsResult.data).toEqualTypeOf<dws.CreateClusterSnapshotResponse | undefined>();
  expectTypeOf(dwsResult.error).toEqualTypeOf<dws.CreateClusterSnapshotError | undefined>();
  if (dwsResult.data) expectTypeOf(dwsResult.data.snapshot.id).toEqualTypeOf<string>();

  const cinderResult = await cinder.createClient({ baseUrl: 'https://controller:8776' }).POST('/v2/{tenant_id}/snapshots', {
    params: { path: { tenant_id: project_id } },
    body: { snapshot: { volume_id: cluster_id } },
  });
  expectTypeOf(cinderResult.data).toEqualTypeOf<cinder.CreateVolumeSnapshotResponse | undefined>();
  // The 413 body is an allOf, which the two types spell differently: check both ways.
  expectTypeOf(cinderResult.error).toExtend<cinder.CreateVolumeSnapshotError | undefined>();
  expectTypeOf<cinder.CreateVolumeSnapshotError | undefined>().toExtend<typeof cinderResult.error>();
  if (cinderResult.data) expectTypeOf(cinderResult.data.snapshot.updated_at).toEqualTypeOf<string | null | undefined>();

  const cssResult = await css.createClient({ region: 'cn-north-1' }).POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', {
    params: { path: { project_id, cluster_id } },
    body: { name: 'snap' },
  });
  expectTypeOf(cssResult.data).toEqualTypeOf<css.CreateIndexSnapshotResponse | undefined>();
  expectTypeOf(cssResult.error).toEqualTypeOf<css.CreateIndexSnapshotError | undefined>();

  const evsResult = await evs.createClient({ region: 'cn-north-4' }).POST('/v5/{project_id}/snapshots', {
    params: { path: { project_id } },
    body: { snapshot: { volume_id: cluster_id } },
  });
  expectTypeOf(evsResult.data).toEqualTypeOf<evs.CreateStandardSnapshotResponse | undefined>();
  expectTypeOf(evsResult.error).toEqualTypeOf<evs.CreateStandardSnapshotError | undefined>();
}

function badOptions() {
  // @ts-expect-error not a DWS region
  dws.createClient({ region: 'RegionOne' });
  // @ts-expect-error Cinder has no official regions
  cinder.createClient({ region: 'cn-north-4' });
  // @ts-expect-error the token is a string
  evs.createClient({ baseUrl: 'http://127.0.0.1:4013', token: 42 });
}

describe('client types', () => {
  it('are checked by tsc (see the file header); the checks exist', () => {
    expectTypeOf(dwsCalls).toBeFunction();
    expectTypeOf(cinderCalls).toBeFunction();
    expectTypeOf(cssCalls).toBeFunction();
    expectTypeOf(evsCalls).toBeFunction();
    expectTypeOf(resultTypes).toBeFunction();
    expectTypeOf(badOptions).toBeFunction();
  });
});
