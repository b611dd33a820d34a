// The README's table of operations is the one the specs give: adding an
// operation to a spec and running `npm run generate` is all it takes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/apis.ts';
import { OPERATIONS_END, OPERATIONS_START, operationsTable } from '../../scripts/lib/readme.ts';
import { loadSpecs } from '../support/specs.ts';

describe('README.md', () => {
  it('lists exactly the operations of the specs (run `npm run generate` to update it)', async () => {
    const readme = readFileSync(resolve(repoRoot, 'README.md'), 'utf8');
    const shown = readme.slice(readme.indexOf(OPERATIONS_START) + OPERATIONS_START.length, readme.indexOf(OPERATIONS_END)).trim();
    expect(shown).toBe(await operationsTable(await loadSpecs()));
  });
});
