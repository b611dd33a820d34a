// The page's code in the browser test, written as a browser app would use the
// clients, and type-checked with the rest of the project (npx tsc): the EVS
// call below compiles only because its body and its data are typed by the
// spec. esbuild builds it for the browser, where package.json's `#transport`
// import gives the fetch transport, and AK/SK signing uses Web Crypto.
import * as cinder from '../../../generated/cinder/index.ts';
import * as css from '../../../generated/css/index.ts';
import * as dws from '../../../generated/dws/index.ts';
import * as evs from '../../../generated/evs/index.ts';

export type Credentials = { token: string } | { ak: string; sk: string };

export interface EvsResult {
  status: number;
  /** From the typed data: undefined only if the call failed. */
  jobId: string | undefined;
  snapshotId: string | undefined;
  error: evs.CreateStandardSnapshotError | undefined;
}

/** EVS's create call, typed end to end. */
export async function createEvsSnapshot(baseUrl: string, credentials: Credentials): Promise<EvsResult> {
  const client: evs.EvsClient = evs.createClient({ baseUrl, ...credentials });
  const body: evs.CreateStandardSnapshotRequest = {
    snapshot: { volume_id: '2c194dde-7de5-4529-a141-49f48181f411', name: 'from-the-browser' },
  };
  const { data, error, response } = await client.POST('/v5/{project_id}/snapshots', {
    params: { path: { project_id: '3e8bc8e2a7a94d0f8dbb43c5e3f2e6d4' } },
    body,
  });
  return { status: response.status, jobId: data?.job_id, snapshotId: data?.snapshot_id, error };
}

/** What the test hands the page for each operation: the spec's sample call (scripts/lib/sample-calls.ts). */
export interface PageCall {
  api: 'cinder' | 'css' | 'dws' | 'evs';
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
}

const modules = { cinder, css, dws, evs };

/** Any operation of any API, untyped: the test drives every sample call through the browser build. */
export async function callSample(call: PageCall, baseUrl: string, credentials: Credentials) {
  const client = modules[call.api].createClient({ baseUrl, ...credentials } as never) as unknown as {
    request(method: string, path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  };
  const { data, error, response } = await client.request(call.method.toUpperCase(), call.path, {
    params: { path: call.pathParams, query: call.query },
    ...(call.body === undefined ? {} : { body: call.body }),
  });
  return { status: response.status, data, error };
}

Object.assign(globalThis, { snapshotApis: { createEvsSnapshot, callSample } });
