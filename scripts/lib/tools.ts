// The programs from outside npm that the tests run: Debian's Chromium for the
// docs tests, and the real OpenStack clients that are held to the Cinder mock
// (openstacksdk, python-cinderclient and tempest on Debian's own Python, and
// gophercloud on Debian's Go). Each is a Debian package; scripts/ensure-tools.ts
// installs the missing ones before `npm test`, and a test that finds its tool
// missing fails with the command that installs it, never skips.
import { existsSync } from 'node:fs';
import { runProcess } from './processes.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Debian's interpreter, the one its python3-* packages install into (a `python3` on PATH may be another). */
export const PYTHON = '/usr/bin/python3';
export const GO = '/usr/bin/go';
/** Debian's Go packages install their sources here; gophercloud is built from them, without modules. */
export const GOPATH = '/usr/share/gocode';
const gophercloudSnapshots = `${GOPATH}/src/github.com/gophercloud/gophercloud/openstack/blockstorage/v2/snapshots`;

export interface Tool {
  name: string;
  /** What needs it. */
  purpose: string;
  /** The Debian packages that provide it. */
  packages: string[];
  /** Resolves true when the tool is there. Cheap: no tool is started for real. */
  present(): Promise<boolean>;
}

/** Whether Debian's Python can find these modules (found, not imported, which would take a second). */
async function pythonHas(modules: string[]): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  const script = `import importlib.util, sys; sys.exit(any(importlib.util.find_spec(m) is None for m in ${JSON.stringify(modules)}))`;
  return (await runProcess(PYTHON, ['-c', script])).code === 0;
}

export const tools: Tool[] = [
  {
    name: 'Chromium',
    purpose: 'the docs tests',
    packages: ['chromium'],
    present: async () => existsSync(CHROMIUM_PATH),
  },
  {
    name: 'openstacksdk',
    purpose: 'the real-client tests of the Cinder mock',
    packages: ['python3-openstacksdk'],
    present: () => pythonHas(['openstack', 'keystoneauth1']),
  },
  {
    name: 'python-cinderclient',
    purpose: 'the real-client tests of the Cinder mock',
    packages: ['python3-cinderclient'],
    present: () => pythonHas(['cinderclient']),
  },
  {
    name: 'tempest',
    purpose: 'the real-client tests of the Cinder mock',
    packages: ['python3-tempest'],
    present: () => pythonHas(['tempest']),
  },
  {
    name: 'Go',
    purpose: 'building the gophercloud driver of the real-client tests',
    packages: ['golang-go'],
    present: async () => existsSync(GO),
  },
  {
    name: 'gophercloud',
    purpose: 'the real-client tests of the Cinder mock',
    packages: ['golang-github-gophercloud-gophercloud-dev'],
    present: async () => existsSync(gophercloudSnapshots),
  },
];

/** The command that installs Debian packages, as root or with sudo. */
export function installCommand(packages: string[]): string {
  return `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
}

/** The tool of this name (a typo in a test is an error, not a skip). */
export function tool(name: string): Tool {
  const found = tools.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`No tool named "${name}" in scripts/lib/tools.ts.`);
  return found;
}

/** What to tell someone whose machine lacks this tool. */
export function missingToolMessage({ name, purpose, packages }: Tool): string {
  return (
    `${name} (for ${purpose}) is not installed. Install it with \`${installCommand(packages)}\` ` +
    '(as root, or with sudo); `npm test` does this itself when it can (scripts/ensure-tools.ts).'
  );
}
