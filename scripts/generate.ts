// Rebuilds everything generation owns under generated/ from the specs: the
// owned folders are wiped first, so nothing stale survives.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleSpec } from './lib/bundle.ts';
import { loadApis, repoRoot } from './lib/apis.ts';
import { ownedFolders, renderGenerated } from './lib/generate.ts';
import { operationsTable, withOperationsTable } from './lib/readme.ts';

const generatedDir = resolve(repoRoot, 'generated');
const files = await renderGenerated();
for (const folder of ownedFolders()) rmSync(resolve(generatedDir, folder), { recursive: true, force: true });
for (const file of files) {
  const target = resolve(generatedDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.contents);
}
console.log(`generated ${files.length} files under generated/: ${files.map((file) => file.path).join(', ')}`);

const readme = resolve(repoRoot, 'README.md');
const specs = await Promise.all(loadApis().map(async (api) => ({ name: api.name, document: await bundleSpec(api.root) })));
writeFileSync(readme, withOperationsTable(readFileSync(readme, 'utf8'), await operationsTable(specs)));
console.log('updated the table of operations in README.md');
