// HTTP requests sent exactly as written, for the hostile-request tests of our
// servers: fetch (through the WHATWG URL parser) would turn `/../x` and
// `/%2e%2e/x` into `/x`, and refuses some methods, which are the very things
// these tests send.
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method?: string;
  /** The request target as sent: not normalised, not escaped. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends one request on a connection of its own (a reused one that the server has closed would fail for
 * reasons of no interest here) and resolves with the answer; rejects when there is none (a dropped or reset
 * connection), or after `timeoutMs`.
 */
export function sendRaw(baseUrl: string, { method = 'GET', path, headers = {}, body }: RawRequest, timeoutMs = 30_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers: { ...length, ...headers }, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      incoming.on('error', reject);
    });
    // A CONNECT is answered on this event instead, whatever the status.
    outgoing.on('connect', (incoming, socket) => {
      socket.destroy();
      resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: '' });
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`No answer to ${method} ${path.slice(0, 80)} within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
