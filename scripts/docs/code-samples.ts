// The code samples of every operation, shown by Redoc from `x-codeSamples`:
// TypeScript with this package's client (with a token, and with AK/SK where the
// spec takes it) and curl. Each is written from the operation's sample call
// (scripts/lib/sample-calls.ts), never by hand, so a new operation gets its
// samples with nothing else to do. The tests type-check and run every sample
// against the mock, after `retarget` points it there.
import type { OpenApiDocument } from '../lib/bundle.ts';
import { defaultServerUrl, regionEndpoints } from '../lib/generate.ts';
import { acceptsAkSk, operationsOf, type Node } from '../lib/operations.ts';
import { sampleCalls, type SampleCall } from '../lib/sample-calls.ts';

export interface CodeSample {
  /** Redoc's `lang`: it picks the highlighting. */
  lang: 'TypeScript' | 'Shell';
  /** The tab's title. */
  label: string;
  source: string;
}

/** Where the samples send their requests: what the client is given, and the URL curl calls. */
export interface SampleEndpoint {
  /** The createClient option, e.g. `region: 'cn-north-4'` or `baseUrl: 'https://controller:8776'`. */
  clientOption: string;
  /** The URL that option stands for, e.g. `https://dws.cn-north-4.myhuaweicloud.com`. */
  url: string;
}

/** The environment variables the samples read the credentials from. */
export interface SampleCredentials {
  token: string;
  ak?: string;
  sk?: string;
}

/** A spec's region's official endpoint when it has regions (the first server's default region), else its first server. */
export function sampleEndpoint(document: OpenApiDocument): SampleEndpoint {
  const regions = regionEndpoints(document);
  const servers = (document['servers'] ?? []) as { variables?: Record<string, { default?: string }> }[];
  const region = servers.find((server) => server.variables?.['region'] !== undefined)?.variables?.['region']?.default;
  if (region !== undefined && regions[region] !== undefined) return { clientOption: `region: '${region}'`, url: regions[region] };
  const url = defaultServerUrl(document);
  return { clientOption: `baseUrl: '${url}'`, url };
}

/**
 * The variables a caller keeps credentials in. The Huawei Cloud APIs (those
 * that take AK/SK) share IAM's tokens and keys; OpenStack's tools read OS_TOKEN.
 */
export function sampleCredentials(document: OpenApiDocument): SampleCredentials {
  return acceptsAkSk(document) ? { token: 'HUAWEI_TOKEN', ak: 'HUAWEI_AK', sk: 'HUAWEI_SK' } : { token: 'OS_TOKEN' };
}

/**
 * Points code written for the real endpoint at another one (a mock): every
 * `createClient` endpoint option and every URL of the endpoint is replaced,
 * nothing else. `replaced` says how many were, so a caller can tell that the
 * code called the endpoint at all.
 */
export function retarget(source: string, endpoint: SampleEndpoint, baseUrl: string): { source: string; replaced: number } {
  let replaced = 0;
  const swap = (text: string, from: string, to: string) => {
    const parts = text.split(from);
    replaced += parts.length - 1;
    return parts.join(to);
  };
  const withClient = swap(source, endpoint.clientOption, `baseUrl: '${baseUrl}'`);
  return { source: swap(withClient, endpoint.url, baseUrl.replace(/\/$/, '')), replaced };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/**
 * The widest line a sample aims at, so that it fits Redoc's right-hand panel
 * on a laptop's screen (a value longer than that still goes on one line).
 */
const WIDTH = 64;
const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;

/** A value as a TypeScript literal, on one line when that fits in WIDTH, else one member a line. */
function literal(value: unknown, indent: string, before = 0): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => literal(item, inner))
    : Object.entries(value).map(([key, item]) => {
        const name = IDENTIFIER.test(key) ? key : quote(key);
        return `${name}: ${literal(item, inner, name.length + 2)}`;
      });
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (items.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const flat = `${open}${items.join(', ')}${close}`;
  // `before`: what precedes the value on its line (a member's name); the 1 is the comma after it.
  if (indent.length + before + flat.length + 1 <= WIDTH && !flat.includes('\n')) return flat;
  return `${open.trim()}\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}${close.trim()}`;
}

/** The query parameters with the types of their schemas (the sample call holds them as text). */
function typedQuery(operation: Node, query: Record<string, string>): Record<string, unknown> {
  const parameters = (operation['parameters'] ?? []) as { name: string; in: string; schema?: { type?: unknown } }[];
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => {
      const type = parameters.find((parameter) => parameter.in === 'query' && parameter.name === name)?.schema?.type;
      if (type === 'integer' || type === 'number') return [name, Number(value)];
      if (type === 'boolean') return [name, value === 'true'];
      return [name, value];
    }),
  );
}

const variableName = (api: string) => api.replace(/[^A-Za-z0-9]+(.)/g, (_match, letter: string) => letter.toUpperCase());

function typescriptSample(api: string, call: SampleCall, operation: Node, clientOptions: string[], hasBody: boolean): string {
  const client = variableName(api);
  const params = {
    ...(Object.keys(call.pathParams).length > 0 ? { path: call.pathParams } : {}),
    ...(Object.keys(call.query).length > 0 ? { query: typedQuery(operation, call.query) } : {}),
  };
  const init = { ...(Object.keys(params).length > 0 ? { params } : {}), ...(call.body === undefined ? {} : { body: call.body }) };
  const options = `{ ${clientOptions.join(', ')} }`;
  const create =
    `const ${client} = createClient(${options});`.length <= WIDTH
      ? `const ${client} = createClient(${options});`
      : `const ${client} = createClient({\n${clientOptions.map((option) => `  ${option},`).join('\n')}\n});`;
  const callStart = `const { ${hasBody ? 'data, ' : ''}error, response } = await ${client}.${call.method.toUpperCase()}(`;
  const path = `'${call.path}'`;
  const request =
    Object.keys(init).length === 0
      ? `${callStart}${path});`
      : `${callStart}${path}, `.length <= WIDTH
        ? `${callStart}${path}, ${literal(init, '')});`
        : `${callStart}\n  ${path},\n  ${literal(init, '  ')},\n);`;
  return [
    `import { createClient } from 'snapshot-apis/${api}';`,
    '',
    create,
    '',
    request,
    'if (error) {',
    '  throw new Error(`${response.status}: ${JSON.stringify(error)}`);',
    '}',
    hasBody ? 'console.log(data);' : 'console.log(response.status);',
    '',
  ].join('\n');
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

function curlSample(call: SampleCall, endpoint: SampleEndpoint, credentials: SampleCredentials): string {
  const lines = [
    `curl --fail-with-body${call.method === 'get' ? '' : ` -X ${call.method.toUpperCase()}`} ${shellQuote(`${endpoint.url}${call.url}`)}`,
    `-H "X-Auth-Token: $${credentials.token}"`,
    ...(call.body === undefined ? [] : [`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(call.body, null, 2))}`]),
  ];
  return `${lines.join(' \\\n  ')}\n`;
}

/** Every operation's samples, by operationId. `document` is the dereferenced bundle (sample calls need its parameters). */
export function codeSamples(api: string, document: OpenApiDocument): Map<string, CodeSample[]> {
  const endpoint = sampleEndpoint(document);
  const credentials = sampleCredentials(document);
  const operations = operationsOf(document);
  const samples = new Map<string, CodeSample[]>();
  sampleCalls(document, api).forEach((call, index) => {
    const { operation } = operations[index]!;
    const success = (operation['responses'] as Record<string, Node>)[String(call.successStatus)];
    const hasBody = success?.['content'] !== undefined;
    const env = (name: string) => `process.env.${name} ?? ''`;
    const typescript = (label: string, options: string[]): CodeSample => ({
      lang: 'TypeScript',
      label,
      source: typescriptSample(api, call, operation, [endpoint.clientOption, ...options], hasBody),
    });
    samples.set(call.operationId, [
      typescript('TypeScript', [`token: ${env(credentials.token)}`]),
      ...(credentials.ak !== undefined && credentials.sk !== undefined
        ? [typescript('TypeScript (AK/SK)', [`ak: ${env(credentials.ak)}`, `sk: ${env(credentials.sk)}`])]
        : []),
      { lang: 'Shell', label: 'curl', source: curlSample(call, endpoint, credentials) },
    ]);
  });
  return samples;
}
