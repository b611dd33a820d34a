// `npm run build`, run for real on a clean copy of the repository: it passes,
// and what it generates is the committed generated/ byte for byte (generated
// twice, so the same bytes each time). How a broken or changed spec fails is
// in build-cli-failures.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { copyOfRepo, npmRun, removeCopies } from '../support/repo-copy.ts';

afterAll(removeCopies);

/** Every file under `root`'s generated/ and the README, by path, but the rendered docs (build output, not committed). */
function generatedFiles(root: string): Map<string, string> {
  const files = readdirSync(join(root, 'generated'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith(join('generated', 'docs')));
  return new Map([...files, 'README.md'].map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

describe('npm run build', () => {
  it('passes on a clean copy, reproducing the committed generated/ files', async () => {
    const dir = copyOfRepo();
    const build = await npmRun(dir, 'build');
    expect(build.status, build.output).toBe(0);
    const built = generatedFiles(dir);
    const committed = generatedFiles(repoRoot);
    expect([...built.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [path, contents] of committed) expect(built.get(path) === contents, `${path} differs from the committed one`).toBe(true);
  });
});
