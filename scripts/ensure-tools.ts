// `npm test` runs this first: it makes sure the programs the tests drive from
// outside npm are installed (scripts/lib/tools.ts lists them), so a fresh
// Debian machine needs only the README's two commands. When something is
// missing it installs the Debian packages with apt-get, as root or through a
// sudo that needs no password; otherwise it stops at once with the command to
// run. When everything is there it only looks, and takes well under a second.
import { installCommand, tools } from './lib/tools.ts';
import { runProcess } from './lib/processes.ts';

async function missingTools() {
  const presence = await Promise.all(tools.map(async (candidate) => ({ candidate, present: await candidate.present() })));
  return presence.filter(({ present }) => !present).map(({ candidate }) => candidate);
}

function listed(missing: Awaited<ReturnType<typeof missingTools>>): string {
  return missing.map(({ name, purpose }) => `  - ${name}, for ${purpose}`).join('\n');
}

/** How this user can run apt-get: directly as root, through sudo without a password, or not at all. */
async function privilege(): Promise<string[] | undefined> {
  if (process.getuid?.() === 0) return [];
  const sudo = await runProcess('sudo', ['-n', 'true']);
  // sudo drops the environment, so the variable goes on its command line.
  return sudo.code === 0 ? ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'] : undefined;
}

async function run(prefix: string[], command: string, args: string[]): Promise<void> {
  const [program, ...rest] = [...prefix, command, ...args];
  const finished = await runProcess(program!, rest, { echo: true, env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (finished.code !== 0) throw new Error(`${[program, ...rest].join(' ')} failed (exit ${finished.code}).`);
}

const missing = await missingTools();
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap(({ packages: names }) => names))];
  const command = installCommand(packages);
  const prefix = await privilege();
  if (prefix === undefined) {
    console.error(
      `ensure-tools: the tests need programs this machine lacks:\n${listed(missing)}\n` +
        `This user cannot install packages. As root, run:\n\n  ${command}\n\nthen run npm test again.`,
    );
    process.exit(1);
  }
  console.log(`ensure-tools: installing ${packages.join(', ')} for:\n${listed(missing)}`);
  try {
    await run(prefix, 'apt-get', ['update']);
    await run(prefix, 'apt-get', ['install', '-y', ...packages]);
  } catch (failure) {
    console.error(`ensure-tools: ${(failure as Error).message} Install the packages yourself (as root):\n\n  ${command}\n`);
    process.exit(1);
  }
  const stillMissing = await missingTools();
  if (stillMissing.length > 0) {
    console.error(`ensure-tools: still missing after the installation:\n${listed(stillMissing)}\nCheck the apt-get output above.`);
    process.exit(1);
  }
}
