// The static file server of the rendered docs (`npm run docs`, the docs tests):
// sirv serves the files under one folder and nothing outside it, and a hostile
// request gets a 4xx without taking the server down. sirv runs in its `dev`
// mode, which looks each file up on disk when it is asked for: `npm run
// build:docs` deletes and rewrites the folder, and a page rebuilt while the
// server runs must be served whole, with its new length.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import sirv from 'sirv';
import { closeServer, listenOnLoopback, LOCALHOST } from './ports.ts';

/** The docs' own file types, as text in UTF-8 (sirv's lookup names .yaml `text/yaml` and gives no charset). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
};

const READ_METHODS = ['GET', 'HEAD'];

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

export async function serveFolder(folder: string, port: number): Promise<StaticServer> {
  const serveFile = sirv(folder, {
    dev: true,
    // Traversal attempts, malformed escapes (sirv keeps a path it cannot decode as it is) and absent files all end here.
    onNoMatch: (request, response) => answer(response, 404, `Not found: ${request.url ?? '/'}. The docs start at /.`),
    setHeaders: (response, pathname) => {
      const type = CONTENT_TYPES[extname(pathname)];
      if (type !== undefined) response.setHeader('content-type', type);
    },
  });

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!READ_METHODS.includes(request.method ?? '')) {
      answer(response, 405, `${request.method} is not served here; the docs are read with GET.`, { allow: READ_METHODS.join(', ') });
      return;
    }
    // sirv pipes the file into the response; a file deleted by a rebuild mid-read must end this response, not the server.
    response.once('pipe', (source: Readable) => source.once('error', () => response.destroy()));
    try {
      serveFile(request, response);
    } catch {
      // A file that vanished between sirv's existence check and its stat (a rebuild under way).
      answer(response, 404, `Not found: ${request.url ?? '/'}. The docs may be being rebuilt; try again.`);
    }
  });
  // Node's HTTP parser answers what it cannot parse (an unknown method, a 20 kB request line) with a 4xx by itself;
  // CONNECT is parsed but has no handler, and Node would drop the connection without an answer.
  server.on('connect', (_request: IncomingMessage, socket: Socket) =>
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${READ_METHODS.join(', ')}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
  );

  const actual = await listenOnLoopback(server, port);
  return { url: `http://${LOCALHOST}:${actual}/`, close: () => closeServer(server) };
}
