// Access to the Prism mocks started by test/contract/global-setup.ts, and
// what they report.
import { readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import { afterEach, inject } from 'vitest';
import type { MockServer } from '../integration/mock/global-setup.ts';

export function mockFor(api: string): MockServer {
  const mock = inject('mocks')[api];
  if (mock === undefined) throw new Error(`No Prism mock was started for "${api}" (see test/contract/global-setup.ts).`);
  return mock;
}

/** After a failing test, prints the end of the API's Prism log, where Prism says what it saw. */
export function printMockLogOnFailure(api: string, lines = 60): void {
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    const { log } = mockFor(api);
    const tail = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    console.error(`--- last ${lines} lines of the ${api} Prism log (${log}) ---\n${tail}\n--- end of Prism log ---`);
  });
}

export interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

/** The request violations Prism reports in its `sl-violations` header. */
export function violationsOf(response: Response): Violation[] {
  const header = response.headers.get('sl-violations');
  return header === null ? [] : (JSON.parse(header) as Violation[]);
}

/** Whether a violation is about the body field at `field` (itself, or as a missing or unexpected member). */
export function namesField(violation: Violation, field: string[]): boolean {
  // Prism writes each location segment as a JSON pointer token (~1 for /, ~0 for ~).
  const location = violation.location.map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~')).join('.');
  const path = ['request', 'body', ...field].join('.');
  const parent = ['request', 'body', ...field.slice(0, -1)].join('.');
  const name = field[field.length - 1]!;
  return location === path || location.startsWith(`${path}.`) || (location === parent && violation.message.includes(`'${name}'`));
}

/** What every generated `createClient` takes, as far as the tests of a mock need it. */
interface MockClientOptions {
  baseUrl: string;
  token?: string;
  middleware: Middleware[];
}

/** `Prefer` examples by path: the first `times` requests to each path ask the mock for that example. */
type PreferPlan = Record<string, { example: string; times: number }>;

export interface RecordingOptions {
  token?: string | null;
  plan?: PreferPlan;
}

/**
 * A client of `api`'s mock, made by that API's `createClient`, that records
 * each request it sends as `METHOD /path` in `sent` and plays `plan`. `token`
 * `null` sends no credentials.
 */
export function recordingClient<Client>(
  createClient: (options: MockClientOptions) => Client,
  api: string,
  { token = 'mock-test', plan = {} }: RecordingOptions = {},
): { client: Client; sent: string[] } {
  const sent: string[] = [];
  const record: Middleware = {
    onRequest: ({ request }) => {
      const path = new URL(request.url).pathname;
      sent.push(`${request.method} ${path}`);
      const step = plan[path];
      if (step !== undefined && step.times > 0) {
        step.times -= 1;
        request.headers.set('Prefer', `example=${step.example}`);
      }
      return request;
    },
  };
  const client = createClient({ baseUrl: mockFor(api).url, ...(token === null ? {} : { token }), middleware: [record] });
  return { client, sent };
}
