// A real HTTP(S) server on 127.0.0.1 for client tests: it records every request
// and answers with whatever the test queued. Started and stopped by the tests.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { closeServer, listenOnLoopback, LOCALHOST } from '../../scripts/lib/ports.ts';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  body: string;
  /** The body's bytes, exactly as received. */
  bytes: Buffer;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON, unless it is a string (sent as text/html) or bytes (sent as they are). */
  body?: unknown;
  /** Never answer: the connection stays open until the client gives up or the server stops. */
  hang?: boolean;
}

export interface ServerOptions {
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Allow cross-origin calls from any page: answer preflights, expose every header. */
  cors?: boolean;
}

/** Answers a CORS preflight, or adds the CORS headers to an answer; true when the preflight is answered. */
export function answerCors(request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-expose-headers', '*');
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
    'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
  });
  response.end();
  return true;
}

export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  #replies: Reply[] = [];
  #server: Server | undefined;
  #url = '';

  constructor(private readonly options: ServerOptions = {}) {}

  get url(): string {
    if (this.#server === undefined) throw new Error('RecordingServer is not started');
    return this.#url;
  }

  /** The next requests get these replies, in order; later ones get a 599. */
  reply(...replies: Reply[]): this {
    this.#replies = replies;
    this.requests.length = 0;
    return this;
  }

  async start(): Promise<this> {
    const handle = (request: IncomingMessage, response: ServerResponse) => {
      if (this.options.cors === true && answerCors(request, response)) return;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const bytes = Buffer.concat(chunks);
        this.requests.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: bytes.toString('utf8'),
          bytes,
        });
        const reply = this.#replies.shift() ?? { status: 599, body: 'no reply queued' };
        if (reply.hang === true) return;
        const raw = reply.body instanceof Uint8Array;
        const isText = typeof reply.body === 'string';
        const payload =
          reply.body === undefined ? '' : raw ? (reply.body as Uint8Array) : isText ? (reply.body as string) : JSON.stringify(reply.body);
        response.writeHead(reply.status, {
          'content-type': raw ? 'application/octet-stream' : isText ? 'text/html' : 'application/json',
          ...reply.headers,
        });
        response.end(payload);
      });
    };
    this.#server = this.options.tls === undefined ? createServer(handle) : createTlsServer(this.options.tls, handle);
    const port = await listenOnLoopback(this.#server);
    this.#url = `${this.options.tls === undefined ? 'http' : 'https'}://${LOCALHOST}:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server !== undefined) await closeServer(server);
  }
}
