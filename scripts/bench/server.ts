// The server the client benchmark calls, run in its own process so that its
// work does not share the client's event loop. Answers every API call (any
// POST) with a small JSON body, keeps connections alive, and prints its URL on
// the first line. Given a folder, it also serves that folder's index.html and
// app.js to GET requests: the browser benchmark's page, on the API's origin.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const pageDir = process.argv[2];
const page: Record<string, [string, Buffer]> =
  pageDir === undefined
    ? {}
    : {
        '/': ['text/html; charset=utf-8', readFileSync(join(pageDir, 'index.html'))],
        '/app.js': ['text/javascript; charset=utf-8', readFileSync(join(pageDir, 'app.js'))],
      };

const body = JSON.stringify({ snapshot: { id: '2a4d0f86-67cd-408a-8b66-017454fb7793' } });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const file = request.method === 'GET' ? page[request.url ?? ''] : undefined;
    if (file !== undefined) {
      response.writeHead(200, { 'content-type': file[0], 'content-length': file[1].byteLength });
      response.end(file[1]);
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
