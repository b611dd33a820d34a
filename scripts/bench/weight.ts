// What each entry point weighs in a browser bundle: bundled with its
// dependencies (openapi-fetch included) as a browser gets them (the fetch
// transport), minified by esbuild, then gzipped; openapi-fetch alone beside
// them, and each entry's createClient alone (what a bundle that never waits
// holds, the package having no side effects).
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadApis, repoRoot } from '../lib/apis.ts';
import { bundleForBrowser } from '../lib/browser-bundle.ts';

export interface Weight {
  entry: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

async function weigh(entry: string, contents: string): Promise<Weight> {
  const code = await bundleForBrowser({ stdin: { contents, resolveDir: repoRoot, loader: 'ts' } }, true);
  return { entry, minifiedBytes: code.byteLength, gzippedBytes: gzipSync(code, { level: 9 }).byteLength };
}

export async function benchWeight(): Promise<Weight[]> {
  const weights = [await weigh('openapi-fetch alone', "export { default } from 'openapi-fetch';")];
  for (const { name } of loadApis()) {
    const entry = resolve(repoRoot, `generated/${name}/index.ts`);
    weights.push(await weigh(`snapshot-apis/${name}`, `export * from '${entry}';`));
    // What a bundle holds when it only calls the API: the wait helpers and the rest are shaken out.
    weights.push(await weigh(`snapshot-apis/${name}: createClient alone`, `export { createClient } from '${entry}';`));
  }
  return weights;
}
