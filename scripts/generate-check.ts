// Fails when generated/ is not what the specs generate: renders everything in
// memory and compares it with the files on disk, naming each stale, missing or
// extra file and the command that fixes them.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { bundleApis } from './lib/bundle.ts';
import { ownedFiles, renderGenerated } from './lib/generate.ts';
import { readmeWithTable } from './lib/readme.ts';

const generatedDir = resolve(repoRoot, 'generated');
const specs = await bundleApis();
const expected = new Map((await renderGenerated(specs)).map((file) => [file.path, file.contents]));
const problems: string[] = [];
for (const [path, contents] of expected) {
  const onDisk = resolve(generatedDir, path);
  if (!existsSync(onDisk)) problems.push(`missing  generated/${path}`);
  else if (readFileSync(onDisk, 'utf8') !== contents) problems.push(`stale    generated/${path}`);
}
for (const path of ownedFiles(generatedDir, specs)) {
  if (!expected.has(path)) problems.push(`extra    generated/${path}`);
}

const readme = await readmeWithTable(specs);
if (readme.wanted !== readme.now) problems.push('stale    README.md (its table of operations)');

if (problems.length > 0) {
  console.error(`generated/ is out of date with the specs:\n  ${problems.join('\n  ')}`);
  console.error('Fix: run `npm run generate` (or `npm run build`) and commit generated/.');
  process.exitCode = 1;
} else {
  console.log(`generated/ is up to date (${expected.size} files).`);
}
