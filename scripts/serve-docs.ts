// `npm run docs`: serves generated/docs/ on localhost (port 8080, or DOCS_PORT)
// until Ctrl-C, rendering the docs first if they are not there yet.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from './lib/apis.ts';
import { ensurePortFree, PortError, portFromEnv } from './lib/ports.ts';
import { serveFolder } from './lib/static-server.ts';

const docsDir = resolve(repoRoot, 'generated/docs');
let port: number;
try {
  port = portFromEnv('DOCS_PORT', 8080);
  await ensurePortFree(port, 'docs server', 'DOCS_PORT');
} catch (error) {
  if (!(error instanceof PortError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (!existsSync(resolve(docsDir, 'index.html'))) {
  console.log('generated/docs/ is empty; rendering the docs first.');
  // Imported only here: the renderer takes seconds to load, and serving what is there needs none of it.
  const { buildDocs } = await import('./lib/docs.ts');
  await buildDocs(docsDir);
}
const server = await serveFolder(docsDir, port);
console.log(`Serving generated/docs/ at ${server.url} (Ctrl-C stops it).`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
