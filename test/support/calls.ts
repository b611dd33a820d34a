// Calls through each generated client, as an application makes them, driven
// by the spec's own sample-call table (scripts/lib/sample-calls.ts): any API,
// any operation, with the body, headers and credentials a test chooses.
import { sampleCalls, type SampleCall } from '../../scripts/lib/sample-calls.ts';
import { loadSpec } from './specs.ts';

export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** A generated client, called without its types: any operation, any options. */
export interface AnyClient {
  request(method: string, url: string, init?: Record<string, unknown>): Promise<CallResult>;
  use(...middleware: object[]): void;
  eject(...middleware: object[]): void;
}

/** What every generated client module exports. */
export interface ClientModule {
  createClient(options: Record<string, unknown>): AnyClient;
  requestIdHeader: string;
  requestIdOf(response: Response): string | undefined;
}

export async function clientModule(api: string): Promise<ClientModule> {
  return (await import(`../../generated/${api}/index.ts`)) as ClientModule;
}

/** The spec's sample call of one operation, found by method and path, or by operationId. */
export async function sampleCall(api: string, which: string | { method: string; path: string }): Promise<SampleCall> {
  const calls = sampleCalls((await loadSpec(api)).document, api);
  const found = calls.find((call) =>
    typeof which === 'string' ? call.operationId === which : call.method === which.method && call.path === which.path,
  );
  if (found === undefined) throw new Error(`${api} has no operation ${JSON.stringify(which)}.`);
  return found;
}

export interface Call {
  baseUrl: string;
  /** The request body; the sample's when left out. */
  body?: unknown;
  /** Leave out to send no credentials. */
  token?: string;
  headers?: Record<string, string>;
  /** Any other client option (ak, sk, middleware, fetch, ...). */
  options?: Record<string, unknown>;
}

/** Makes the sample call of an operation through the API's generated client. */
export async function callOperation(
  api: string,
  sample: SampleCall,
  { baseUrl, body, token, headers = {}, options = {} }: Call,
): Promise<CallResult> {
  const client = (await clientModule(api)).createClient({ baseUrl, ...(token === undefined ? {} : { token }), ...options });
  const sent = body === undefined ? sample.body : body;
  return client.request(sample.method.toUpperCase(), sample.path, {
    params: { path: sample.pathParams, query: sample.query },
    ...(sent === undefined ? {} : { body: sent }),
    headers,
  });
}
