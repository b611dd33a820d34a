// `npm run docs`: serves generated/docs/ on localhost (port 8080, or DOCS_PORT)
// until Ctrl-C, rendering the docs first if they are not there yet.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { buildDocs } from './lib/docs.ts';
import { ensurePortFree, PortInUseError } from './lib/ports.ts';
import { serveFolder } from './lib/static-server.ts';

const docsDir = resolve(repoRoot, 'generated/docs');
const raw = process.env['DOCS_PORT'] ?? '8080';
const port = Number(raw);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`DOCS_PORT=${JSON.stringify(raw)} is not a port number; set it to a free port between 1 and 65535.`);
  process.exit(1);
}
try {
  await ensurePortFree(port, 'docs server');
} catch (error) {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(`${error.message} Stop what is using it, or choose another with DOCS_PORT=<free port>.`);
  process.exit(1);
}

if (!existsSync(resolve(docsDir, 'index.html'))) {
  console.log('generated/docs/ is empty; rendering the docs first.');
  await buildDocs(docsDir);
}
const server = await serveFolder(docsDir, port);
console.log(`Serving generated/docs/ at ${server.url} (Ctrl-C stops it).`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
