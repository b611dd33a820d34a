// The real OpenStack clients held to the Cinder mock. Each client has a small
// driver in its own language (test/integration/real-clients/*_driver.*). A test
// file lists its cases as data; the driver runs once with all of them (a JSON
// job on standard input, one JSON line per case back) and each case is then
// asserted in a test of its own, so any one passes alone.
//
// The cases of each documented operation are read from the spec: its default
// answer, its generated answer (`Prefer: dynamic=true`) and each documented
// error status (`Prefer: code=<status>`). What is particular to a client (the
// call that makes the operation, what the client makes of the answer, the
// exception it raises for a status) is written once, in its test file.
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { runProcess } from '../../scripts/lib/processes.ts';
import { firstExample, sampleCalls, type SampleCall } from '../../scripts/lib/sample-calls.ts';
import { GO, GOPATH, missingToolMessage, PYTHON, tool } from '../../scripts/lib/tools.ts';
import { mockFor, printMockLogOnFailure } from './mocks.ts';
import { isObject, loadSpec, objectAt, operationAt, operationsOf, type JsonObject } from './specs.ts';

export interface ClientCase {
  /** The test's name. No regular-expression characters, so `vitest -t "<name>"` finds it. */
  name: string;
  /** The driver's name for what to do (see the driver's table of calls). */
  call: string;
  args?: Record<string, unknown>;
  /** A Prefer header on every request of the case: `code=404`, `dynamic=true`, `example=error`. */
  prefer?: string;
  /** false: the client sends no credentials. */
  credentials?: boolean;
  expect: Expected;
}

/** Success, with what the client parsed (asymmetric matchers allowed), or the exception it raised. */
export type Expected = { ok: true; result?: unknown; requests?: string[] } | { raises: string; status?: number; requests?: string[] };

/** One line of a driver's output. */
export interface CaseResult {
  name: string;
  ok: boolean;
  result?: unknown;
  exception?: string;
  status?: number | null;
  message?: string;
  requests: string[];
}

export interface Driver {
  client: string;
  /** Its tools, by their names in scripts/lib/tools.ts. */
  tools: string[];
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const driverDir = resolve(repoRoot, 'test/integration/real-clients');
const python = (client: string, tools: string[]): Driver => ({
  client,
  tools,
  command: PYTHON,
  args: [resolve(driverDir, `${client}_driver.py`)],
  // The drivers import driver_common.py: no __pycache__ in the source tree. cinderclient
  // imports eventlet, whose DNS module takes a second to load; the mock needs no DNS.
  env: { PYTHONDONTWRITEBYTECODE: '1', EVENTLET_NO_GREENDNS: 'yes' },
});

export const drivers = {
  openstacksdk: python('openstacksdk', ['openstacksdk']),
  cinderclient: python('cinderclient', ['python-cinderclient']),
  tempest: python('tempest', ['tempest']),
  gophercloud: {
    client: 'gophercloud',
    tools: ['Go', 'gophercloud'],
    command: GO,
    args: ['run', resolve(driverDir, 'gophercloud_driver.go')],
    // Debian's Go packages are GOPATH sources, not modules. Go needs a build
    // cache: its default lives under $HOME, which a CI job may not set.
    env: {
      GO111MODULE: 'off',
      GOPATH,
      GOFLAGS: '',
      ...(process.env['HOME'] === undefined && process.env['GOCACHE'] === undefined ? { GOCACHE: resolve(tmpdir(), 'go-build') } : {}),
    },
  },
} satisfies Record<string, Driver>;

/** The token the drivers send; the mock accepts any. */
const TOKEN = 'real-client-token';

/** Runs the driver once with every case and returns its results by case name. */
async function runDriver(driver: Driver, cases: ClientCase[], endpoint: string): Promise<Map<string, CaseResult>> {
  const job = { endpoint, token: TOKEN, cases: cases.map(({ expect: _expected, ...sent }) => sent) };
  const finished = await runProcess(driver.command, driver.args, {
    input: JSON.stringify(job),
    ...(driver.env ? { env: driver.env } : {}),
  });
  if (finished.code !== 0) {
    const missing = await Promise.all(driver.tools.map(async (name) => ((await tool(name).present()) ? [] : [tool(name)])));
    const advice = missing.flat().map(missingToolMessage);
    throw new Error(
      `The ${driver.client} driver failed (exit ${finished.code ?? finished.signal}): ${driver.command} ${driver.args.join(' ')}\n` +
        (advice.length > 0 ? `${advice.join('\n')}\n` : '') +
        finished.output,
    );
  }
  const results = new Map<string, CaseResult>();
  for (const line of finished.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const result = JSON.parse(line) as CaseResult;
    results.set(result.name, result);
  }
  return results;
}

/** Asserts one case against what the driver reported for it. */
function checkCase(results: Map<string, CaseResult>, { name, expect: expected }: ClientCase): void {
  const outcome = results.get(name);
  if (outcome === undefined) throw new Error(`The driver reported nothing for "${name}".`);
  if ('raises' in expected) {
    expect(
      { raised: outcome.ok ? `nothing (it parsed ${JSON.stringify(outcome.result)})` : outcome.exception, status: outcome.status },
      outcome.message,
    ).toEqual({ raised: expected.raises, status: expected.status ?? outcome.status });
  } else {
    expect(outcome.ok ? 'ok' : `${outcome.exception}: ${outcome.message}`, 'the call should succeed').toBe('ok');
    if ('result' in expected) expect(outcome.result, 'what the client parsed').toEqual(expected.result);
  }
  if (expected.requests !== undefined) expect(outcome.requests, 'the requests the client sent').toEqual(expected.requests);
}

/** The whole test file of one client: its driver runs once, each case is a test. */
export function realClientSuite(driver: Driver, cases: ClientCase[]): void {
  const names = cases.map(({ name }) => name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) throw new Error(`Case names must be unique; repeated: ${twice.join(', ')}`);

  describe(`${driver.client} against the Cinder mock`, () => {
    printMockLogOnFailure('cinder');
    let results = new Map<string, CaseResult>();
    beforeAll(async () => {
      results = await runDriver(driver, cases, `${mockFor('cinder').url}${cinder.base}`);
    });
    // '%s' of the name itself: '$name' would shorten long names, which -t could then not find.
    it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => checkCase(results, testCase));
  });
}

// The spec's own sample calls and examples, which the cases are made of.
const { document } = await loadSpec('cinder');
const samples = sampleCalls(document, 'cinder');

function sample(operationId: string): SampleCall {
  const found = samples.find((candidate) => candidate.operationId === operationId);
  if (found === undefined) throw new Error(`The Cinder spec has no operation ${operationId}.`);
  return found;
}

function operationObject(operationId: string): JsonObject {
  const { method, path } = sample(operationId);
  return operationAt(document, method, path).operation;
}

function requestExample(operationId: string, example: string): JsonObject {
  return objectAt(operationObject(operationId), 'requestBody', 'content', 'application/json', 'examples', example, 'value');
}

const show = sample('showVolumeSnapshot');
const showItem = sample('showVolumeSnapshotMetadataItem');
const base = `/v2/${show.pathParams['tenant_id']}`;
const created = objectAt(defaultAnswer('createVolumeSnapshot'), 'snapshot');

/** What the cases are made of: the examples of the spec's parameters, requests and answers. */
export const cinder = {
  /** `/v2/<tenant_id>`, the path the clients are pointed at. */
  base,
  snapshotId: show.pathParams['snapshot_id']!,
  metadataKey: showItem.pathParams['key']!,
  /** The API reference's create request: volume_id, name, description and force. */
  createRequest: objectAt(sample('createVolumeSnapshot').body, 'snapshot'),
  /** The create request with every documented field: the API reference's, plus metadata. */
  everyField: {
    ...objectAt(requestExample('createVolumeSnapshot', 'dailyBackup'), 'snapshot'),
    metadata: objectAt(requestExample('createVolumeSnapshot', 'withMetadata'), 'snapshot', 'metadata'),
  },
  /** The API reference's update request: name and description. */
  updateRequest: objectAt(sample('updateVolumeSnapshot').body, 'snapshot'),
  /** The metadata of the spec's metadata requests. */
  metadata: objectAt(sample('createVolumeSnapshotMetadata').body, 'metadata'),
  /** The item of the spec's set-one-item request. */
  metadataItem: objectAt(sample('updateVolumeSnapshotMetadataItem').body, 'meta'),
  /** The snapshot of the create call's default answer. */
  created,
  /** The request that shows the created snapshot, which a client polls while it waits for it. */
  showCreated: `GET ${base}/snapshots/${created['id'] as string}`,
  /** The snapshot of the show call's default answer. */
  shown: objectAt(defaultAnswer('showVolumeSnapshot'), 'snapshot'),
};

/** The request line a client sends for the spec's sample call of an operation. */
export function requestLine(operationId: string): string {
  const { method, url } = sample(operationId);
  return `${method.toUpperCase()} ${url}`;
}

/** The JSON content of an operation's success response, if it has a body. */
function successMedia(operationId: string): JsonObject | undefined {
  const content = objectAt(operationObject(operationId), 'responses', String(sample(operationId).successStatus))['content'];
  return isObject(content) && isObject(content['application/json']) ? content['application/json'] : undefined;
}

/** The body the mock answers an operation with when asked nothing: the first example of its success response. */
function defaultAnswer(operationId: string): unknown {
  const media = successMedia(operationId);
  return media === undefined ? undefined : firstExample(media);
}

/** The other named examples of an operation's success response, which `Prefer: example=<name>` asks for. */
function otherExamples(operationId: string): [string, unknown][] {
  const examples = successMedia(operationId)?.['examples'];
  if (!isObject(examples)) return [];
  return Object.entries(examples)
    .slice(1)
    .map(([name, example]) => [name, isObject(example) ? example['value'] : undefined] as [string, unknown]);
}

/** What a Python driver raises when a client sends a request anywhere but the mock (see driver_common.py). */
const OFF_THE_MOCK = 'driver_common.RequestOffTheMock';

/** What a client does with a named example other than parse it: the exception it raises, and why. */
export interface Refusal {
  because: string;
  raises: string;
}

/**
 * For the clients that follow a list's `snapshots_links` (openstacksdk, cinderclient): the
 * API reference's list examples link to a next page on another host, which the client then
 * asks for, and the driver refuses to send.
 */
export function followsNextLink(body: unknown): Refusal | undefined {
  const links = isObject(body) ? body['snapshots_links'] : undefined;
  return Array.isArray(links) && links.length > 0
    ? { because: 'links to a next page on another host, which the client asks for', raises: OFF_THE_MOCK }
    : undefined;
}

/** How a client makes one operation. */
export interface ClientOperation {
  call: string;
  args: Record<string, unknown>;
  /** What the client hands back for the answer `body` (undefined for an empty body). */
  parses(body: unknown): unknown;
}

export interface ClientProfile {
  /** The operations the client can make, by operationId. */
  operations: Record<string, ClientOperation>;
  /** The exception (as the driver names it) that the client raises for an error status. */
  raises(status: number): string;
  /**
   * How the client treats a named example it does not simply parse. Never asked of the
   * default answer or a generated one: those, every client must parse.
   */
  refuses?(body: unknown): Refusal | undefined;
}

/**
 * For each operation the client makes: its default answer, each other named
 * example of its success response, a generated answer, and each documented
 * error status.
 */
export function operationCases({ operations, raises, refuses = () => undefined }: ClientProfile): ClientCase[] {
  const unknown = Object.keys(operations).filter((operationId) => !samples.some((s) => s.operationId === operationId));
  if (unknown.length > 0) throw new Error(`Not operations of the Cinder spec: ${unknown.join(', ')}`);
  return operationsOf(document).flatMap(({ operation }) => {
    const operationId = String(operation['operationId']);
    const made = operations[operationId];
    if (made === undefined) return [];
    const { call, args } = made;
    const requests = [requestLine(operationId)];
    const label = `${call}, ${operationId}`;
    const errors = Object.keys(objectAt(operation, 'responses'))
      .map(Number)
      .filter((status) => status >= 400);
    return [
      {
        name: `${label}: parses the default answer`,
        call,
        args,
        expect: { ok: true, result: made.parses(defaultAnswer(operationId)), requests },
      },
      ...otherExamples(operationId).map(([example, body]): ClientCase => {
        const prefer = `example=${example}`;
        const refusal = refuses(body);
        if (refusal !== undefined)
          return {
            name: `${label}: the example ${example} ${refusal.because}, ${refusal.raises}`,
            call,
            args,
            prefer,
            expect: { raises: refusal.raises, requests },
          };
        return {
          name: `${label}: parses the example ${example}`,
          call,
          args,
          prefer,
          expect: { ok: true, result: made.parses(body), requests },
        };
      }),
      {
        name: `${label}: parses a generated answer, Prefer dynamic=true`,
        call,
        args,
        prefer: 'dynamic=true',
        expect: { ok: true, requests },
      },
      ...errors.map((status) => ({
        name: `${label}: answered ${status}, raises ${raises(status)}`,
        call,
        args,
        prefer: `code=${status}`,
        expect: { raises: raises(status), status, requests },
      })),
    ];
  });
}
