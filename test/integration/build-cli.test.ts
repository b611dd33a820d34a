// `npm run build`, run for real on a clean copy of the repository: it passes,
// and what it generates is the committed generated/ byte for byte (generated
// twice, so the same bytes each time). How a broken or changed spec fails is
// in build-cli-failures.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { ownedFiles } from '../../scripts/lib/generate.ts';
import { runChecked } from '../../scripts/lib/processes.ts';
import { copyOfRepo, npmRun, removeCopies } from '../support/repo-copy.ts';

afterAll(removeCopies);

describe('npm run build', () => {
  it('passes on a clean copy, reproducing the committed generated/ files', async () => {
    const dir = copyOfRepo();
    const build = await npmRun(dir, 'build');
    expect(build.status, build.output).toBe(0);
    // What git holds of generated/ (the rendered docs are ignored), and the README's table.
    const committed = (await runChecked('git', ['ls-files', 'generated', 'README.md'])).stdout.trim().split('\n');
    for (const path of committed) {
      expect(
        readFileSync(join(dir, path), 'utf8') === readFileSync(join(repoRoot, path), 'utf8'),
        `${path} differs from the committed one`,
      ).toBe(true);
    }
    const extra = ownedFiles(join(dir, 'generated')).filter((path) => !committed.includes(`generated/${path}`));
    expect(extra, 'generated files that are not committed').toEqual([]);
  });
});
