// The order test files start in. vitest starts the files that took longest in
// the last run first; with no last run (a fresh clone, CI) it starts the
// largest files first, and these, the slowest, are small: started last, they
// ran on alone at the end of the run. They start first, in this order.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST = [
  'test/integration/build-cli.test.ts',
  'test/integration/docs/docs.test.ts',
  'test/integration/package.test.ts',
  'test/integration/build-cli-failures.test.ts',
];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOWEST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? SLOWEST.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
