// The project's TypeScript sources bundled as a browser gets them, for the
// browser test, the browser bench and the weight bench: ESM for es2022, with
// package.json's `#transport` import resolved through the sources' own
// condition to the fetch transport (the Node.js one never enters).
import { build, type BuildOptions } from 'esbuild';

/** One entry file, or source text given inline (`stdin`); minified when asked. */
export async function bundleForBrowser(input: Pick<BuildOptions, 'entryPoints' | 'stdin'>, minify = false): Promise<Uint8Array> {
  const built = await build({
    ...input,
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['snapshot-apis-source'],
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0]!.contents;
}
