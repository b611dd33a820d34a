// Fails when generated/ is not what the specs generate: renders everything in
// memory and compares it with the files on disk, naming each stale, missing or
// extra file and the command that fixes them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleSpec } from './lib/bundle.ts';
import { loadApis, repoRoot } from './lib/apis.ts';
import { ownedFolders, renderGenerated } from './lib/generate.ts';
import { operationsTable, withOperationsTable } from './lib/readme.ts';

const generatedDir = resolve(repoRoot, 'generated');

function filesUnder(folder: string): string[] {
  const root = resolve(generatedDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(generatedDir.length + 1)
        .replaceAll('\\', '/'),
    );
}

const expected = new Map((await renderGenerated()).map((file) => [file.path, file.contents]));
const problems: string[] = [];
for (const [path, contents] of expected) {
  const onDisk = resolve(generatedDir, path);
  if (!existsSync(onDisk)) problems.push(`missing  generated/${path}`);
  else if (readFileSync(onDisk, 'utf8') !== contents) problems.push(`stale    generated/${path}`);
}
for (const path of ownedFolders().flatMap(filesUnder)) {
  if (!expected.has(path)) problems.push(`extra    generated/${path}`);
}

const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
const specs = await Promise.all(loadApis().map(async (api) => ({ name: api.name, document: await bundleSpec(api.root) })));
if (withOperationsTable(readme, await operationsTable(specs)) !== readme) problems.push('stale    README.md (its table of operations)');

if (problems.length > 0) {
  console.error(`generated/ is out of date with the specs:\n  ${problems.join('\n  ')}`);
  console.error('Fix: run `npm run generate` (or `npm run build`) and commit generated/.');
  process.exitCode = 1;
} else {
  console.log(`generated/ is up to date (${expected.size} files).`);
}
