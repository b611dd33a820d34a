// Bundles and dereferences every spec once per test run, instead of once per
// test file, and hands the documents to the tests (see loadSpecs).
import type { TestProject } from 'vitest/node';
import { loadApis } from '../../scripts/lib/apis.ts';
import { bundleApis, type OpenApiDocument } from '../../scripts/lib/bundle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    bundledSpecs: Record<string, OpenApiDocument>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const specs = await bundleApis(loadApis(), { dereference: true });
  project.provide('bundledSpecs', Object.fromEntries(specs.map(({ name, document }) => [name, document])));
}
