// Access to the Prism mocks started by test/contract/global-setup.ts, and
// what they report.
import { readFileSync } from 'node:fs';
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
