// The child process of test/support/module-runner.ts: imports each ES module
// its parent names, one at a time, and answers how it ended, as `node <file>`
// would say it: a module that throws, or sets a failing process.exitCode, fails.
import { pathToFileURL } from 'node:url';

// Each import gets a URL of its own, so a module asked for twice runs twice (Node.js caches modules by URL).
let runs = 0;

process.on('message', async (/** @type {{ file: string }} */ { file }) => {
  /** @type {string | undefined} */
  let failure;
  try {
    runs += 1;
    await import(`${pathToFileURL(file).href}?run=${runs}`);
    if (process.exitCode !== undefined && process.exitCode !== 0) failure = `${file} set process.exitCode to ${process.exitCode}`;
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  process.exitCode = undefined;
  process.send?.({ failure });
});
// Gone with the parent, or once it stops asking.
process.on('disconnect', () => process.exit());
