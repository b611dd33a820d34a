// Bundles and dereferences every spec once per test run, instead of once per
// test file, and hands the documents to the tests (see loadSpecs).
import type { TestProject } from 'vitest/node';
import { loadApis } from '../../scripts/lib/apis.ts';
import { bundleSpec, type OpenApiDocument } from '../../scripts/lib/bundle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    bundledSpecs: Record<string, OpenApiDocument>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const apis = loadApis();
  const documents = await Promise.all(apis.map((api) => bundleSpec(api.root, { dereference: true })));
  project.provide('bundledSpecs', Object.fromEntries(apis.map((api, index) => [api.name, documents[index]!])));
}
