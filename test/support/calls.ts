// One way to call each API's create operation through its generated client,
// for the tests that run the same scenario against all four: the path
// parameters are fixed, the body and headers come from the test.
import * as cinder from '../../src/cinder.ts';
import * as css from '../../src/css.ts';
import * as dws from '../../src/dws.ts';
import * as evs from '../../src/evs.ts';
import type { JsonObject } from './specs.ts';

export const PROJECT_ID = '89cd04f168b84af6be287f71730fdb4b';
export const CLUSTER_ID = 'ea244205-d641-45d9-9dcb-ab2236bcd07e';

export interface Call {
  baseUrl: string;
  body: JsonObject;
  /** Leave out to send no credentials. */
  token?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export interface ApiCaller {
  api: 'dws' | 'cinder' | 'css' | 'evs';
  /** The URL path the call sends. */
  path: string;
  requestIdHeader: string;
  requestIdOf: (response: Response) => string | undefined;
  call: (call: Call) => Promise<CallResult>;
}

const credentials = (token: string | undefined) => (token === undefined ? {} : { token });

export const callers: ApiCaller[] = [
  {
    api: 'dws',
    path: `/v1.0/${PROJECT_ID}/snapshots`,
    requestIdHeader: dws.requestIdHeader,
    requestIdOf: dws.requestIdOf,
    call: ({ baseUrl, token, body, headers = {} }) =>
      dws.createClient({ baseUrl, ...credentials(token) }).POST('/v1.0/{project_id}/snapshots', {
        params: { path: { project_id: PROJECT_ID } },
        body: body as dws.CreateClusterSnapshotRequest,
        headers,
      }),
  },
  {
    api: 'cinder',
    path: `/v2/${PROJECT_ID}/snapshots`,
    requestIdHeader: cinder.requestIdHeader,
    requestIdOf: cinder.requestIdOf,
    call: ({ baseUrl, token, body, headers = {} }) =>
      cinder.createClient({ baseUrl, ...credentials(token) }).POST('/v2/{tenant_id}/snapshots', {
        params: { path: { tenant_id: PROJECT_ID } },
        body: body as cinder.CreateVolumeSnapshotRequest,
        headers,
      }),
  },
  {
    api: 'css',
    path: `/v1.0/${PROJECT_ID}/clusters/${CLUSTER_ID}/index_snapshot`,
    requestIdHeader: css.requestIdHeader,
    requestIdOf: css.requestIdOf,
    call: ({ baseUrl, token, body, headers = {} }) =>
      css.createClient({ baseUrl, ...credentials(token) }).POST('/v1.0/{project_id}/clusters/{cluster_id}/index_snapshot', {
        params: { path: { project_id: PROJECT_ID, cluster_id: CLUSTER_ID } },
        body: body as css.CreateIndexSnapshotRequest,
        headers,
      }),
  },
  {
    api: 'evs',
    path: `/v5/${PROJECT_ID}/snapshots`,
    requestIdHeader: evs.requestIdHeader,
    requestIdOf: evs.requestIdOf,
    call: ({ baseUrl, token, body, headers = {} }) =>
      evs.createClient({ baseUrl, ...credentials(token) }).POST('/v5/{project_id}/snapshots', {
        params: { path: { project_id: PROJECT_ID } },
        body: body as evs.CreateStandardSnapshotRequest,
        headers,
      }),
  },
];

export function callerFor(api: string): ApiCaller {
  const caller = callers.find((candidate) => candidate.api === api);
  if (caller === undefined) throw new Error(`No caller for API "${api}"`);
  return caller;
}
