// The one list of APIs: redocly.yaml's `apis:` section. Every script and test
// that needs "all the specs" asks this module instead of globbing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Api {
  /** Key under `apis:` in redocly.yaml, e.g. `dws`. */
  name: string;
  /** Absolute path of the spec's root file. */
  root: string;
}

export function loadApis(configPath = resolve(repoRoot, 'redocly.yaml')): Api[] {
  const config: unknown = parse(readFileSync(configPath, 'utf8'));
  const apis = typeof config === 'object' && config !== null ? (config as { apis?: unknown }).apis : undefined;
  if (typeof apis !== 'object' || apis === null || Object.keys(apis).length === 0) {
    throw new Error(`${configPath}: no "apis:" section. List each API as "<name>: { root: specs/<name>/openapi.yaml }".`);
  }
  return Object.entries(apis).map(([name, entry]: [string, unknown]) => {
    const root = typeof entry === 'object' && entry !== null ? (entry as { root?: unknown }).root : undefined;
    if (typeof root !== 'string') {
      throw new Error(`${configPath}: apis.${name} has no "root". Set it to the spec's path, e.g. specs/${name}/openapi.yaml.`);
    }
    const absolute = resolve(dirname(configPath), root);
    if (!existsSync(absolute)) {
      throw new Error(`${configPath}: apis.${name}.root points to ${root}, which does not exist.`);
    }
    return { name, root: absolute };
  });
}
