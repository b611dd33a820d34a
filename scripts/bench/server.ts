// The server the client benchmark calls, run in its own process so that its
// work does not share the client's event loop. Answers every POST with a small
// JSON body, keeps connections alive, and prints its URL on the first line.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({ snapshot: { id: '2a4d0f86-67cd-408a-8b66-017454fb7793' } });
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
