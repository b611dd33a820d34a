// What `npm run mock` (scripts/mock.ts) reads and prints, in one place for the
// script and the tests that start it: the variable that moves each API's port,
// each mock's log lines, and the table of what runs where.

/** The environment variable that moves an API's mock to another port. */
export const portVariable = (api: string) => `MOCK_PORT_${api.toUpperCase()}`;

/** The port variables that put each of `apis` on the port at the same place in `ports`. */
export const portVariables = (apis: { name: string }[], ports: number[]): Record<string, string> =>
  Object.fromEntries(apis.map(({ name }, index) => [portVariable(name), String(ports[index])]));

/** A mock's log line, as printed: with its API's name. */
export const logLine = (api: string, line: string) => `[${api}] ${line}`;

/** The API and the text of a mock's log line, or undefined for any other line. */
export function readLogLine(line: string): { api: string; text: string } | undefined {
  const match = /^\[(\w+)\] (.*)$/.exec(line);
  return match === null ? undefined : { api: match[1]!, text: match[2]! };
}

export interface MockRow {
  api: string;
  url: string;
  variable: string;
  spec: string;
  pid: number;
}

const HEADER = ['API', 'URL', 'PORT VARIABLE', 'SPEC', 'PID'];
/** The end of the line after the table, printed once every mock answers. */
const READY = 'Ctrl-C stops all mocks.';
export const MOCKS_READY = new RegExp(READY.replaceAll('.', '\\.'));

/** The table, its columns aligned, between a title and the line that says how to use and stop the mocks. */
export function mockTable(rows: MockRow[]): string {
  const cells = rows.map(({ api, url, variable, spec, pid }) => [api, url, variable, spec, String(pid)]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [
    '',
    'Mock servers running:',
    line(HEADER),
    ...cells.map(line),
    '',
    `Requests need an X-Auth-Token header (any value will do) or the AK/SK headers. ${READY}`,
  ].join('\n');
}

/** The rows of the table in what `npm run mock` printed. */
export function readMockTable(output: string): MockRow[] {
  return output
    .split('\n')
    .filter((line) => /^\w+\s+http:\/\/127\.0\.0\.1:\d+\s/.test(line))
    .map((line) => {
      const [api, url, variable, spec, pid] = line.split(/\s+/);
      return { api: api!, url: url!, variable: variable!, spec: spec!, pid: Number(pid) };
    });
}
