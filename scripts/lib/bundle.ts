// Bundles a spec and its $refs (specs/shared/ included) into one document with
// Redocly's bundler, the same one `redocly lint` uses.
import { bundle, formatProblems, getTotals, loadConfig } from '@redocly/openapi-core';
import { resolve } from 'node:path';
import { loadApis, repoRoot, type Api } from './apis.ts';

export type OpenApiDocument = Record<string, unknown>;

export interface BundleOptions {
  /** Inline every $ref (for validators); otherwise keep internal refs under components. */
  dereference?: boolean;
  /** The redocly.yaml to bundle with; the repository's by default. */
  configPath?: string;
}

/** Each redocly.yaml is read once per process, however many specs are bundled with it. */
const configs = new Map<string, ReturnType<typeof loadConfig>>();

export async function bundleSpec(
  root: string,
  { dereference = false, configPath = resolve(repoRoot, 'redocly.yaml') }: BundleOptions = {},
): Promise<OpenApiDocument> {
  let config = configs.get(configPath);
  if (config === undefined) {
    config = loadConfig({ configPath });
    configs.set(configPath, config);
  }
  const result = await bundle({ ref: root, config: await config, dereference });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    formatProblems(errors, { format: 'stylish', totals: getTotals(errors), version: 'bundle' });
    throw new Error(`${root}: cannot be bundled (${errors.length} error(s) above). Run npm run lint for details.`);
  }
  return result.bundle.parsed as OpenApiDocument;
}

/** An API of redocly.yaml with its bundled spec. */
export interface BundledApi extends Api {
  document: OpenApiDocument;
}

/** Every API of redocly.yaml (or those given), each spec bundled once, side by side. */
export async function bundleApis(apis: Api[] = loadApis(), options: BundleOptions = {}): Promise<BundledApi[]> {
  return Promise.all(apis.map(async (api) => ({ ...api, document: await bundleSpec(api.root, options) })));
}
