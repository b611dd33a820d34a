// Rebuilds everything generation owns under generated/ from the specs: the
// owned folders are wiped first, so nothing stale survives.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { bundleApis } from './lib/bundle.ts';
import { ownedFolders, renderGenerated } from './lib/generate.ts';
import { readmeWithTable } from './lib/readme.ts';

const generatedDir = resolve(repoRoot, 'generated');
const specs = await bundleApis();
const files = await renderGenerated(specs);
for (const folder of ownedFolders(specs)) rmSync(resolve(generatedDir, folder), { recursive: true, force: true });
for (const file of files) {
  const target = resolve(generatedDir, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.contents);
}
console.log(`generated ${files.length} files under generated/: ${files.map((file) => file.path).join(', ')}`);

const readme = await readmeWithTable(specs);
writeFileSync(readme.path, readme.wanted);
console.log('updated the table of operations in README.md');
