// A real HTTP server on 127.0.0.1 for client tests: it records every request
// and answers with whatever the test queued. Started and stopped by the tests.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
}

export class RecordingServer {
  readonly requests: RecordedRequest[] = [];
  #replies: Reply[] = [];
  #server: Server | undefined;
  #url = '';

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
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const reply = this.#replies.shift() ?? { status: 599, body: 'no reply queued' };
        const isText = typeof reply.body === 'string';
        const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
        response.writeHead(reply.status, {
          'content-type': isText ? 'text/html' : 'application/json',
          ...reply.headers,
        });
        response.end(payload);
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.#server!.once('error', reject).listen(0, '127.0.0.1', () => resolve());
    });
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}
