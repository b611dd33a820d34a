// A local server that accepts a request only if the vendor's signer
// (test/support/huawei-oracle.ts) computes the same AK/SK signature for it:
// 200 with the body it was given, or the API gateway's 401.
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback, LOCALHOST } from '../../scripts/lib/ports.ts';
import { answerCors } from './http-server.ts';
import { vendorAuthorization } from './huawei-oracle.ts';

export interface VerifyingServerOptions {
  /** Allow cross-origin calls from any page (for browser tests). */
  cors?: boolean;
  /** The JSON body of the 200 answer to a correctly signed request. */
  body?: unknown;
}

export class VerifyingServer {
  readonly received: { headers: Record<string, string | string[] | undefined>; body: string; authorization?: string }[] = [];
  #server: Server | undefined;
  url = '';

  /** keys: access key ID -> secret key. */
  constructor(
    private readonly keys: Record<string, string>,
    private readonly options: VerifyingServerOptions = {},
  ) {}

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      if (this.options.cors === true && answerCors(request, response)) return;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const authorization = request.headers['authorization'];
        const text = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: request.headers, body: text, ...(authorization === undefined ? {} : { authorization }) });
        const match = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization ?? '');
        const sk = match === null ? undefined : this.keys[match[1]!];
        let valid = false;
        if (match !== null && sk !== undefined) {
          const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
          const signed = match[2]!.split(';').filter((name) => name !== 'host');
          const expected = vendorAuthorization(
            {
              method: request.method ?? 'GET',
              origin: `http://${request.headers.host}`,
              segments: url.pathname.split('/').slice(1).map(decodeURIComponent),
              query: [...url.searchParams],
              // The vendor's signer looks the date up as X-Sdk-Date, in that case.
              headers: Object.fromEntries(
                signed.map((name) => [name === 'x-sdk-date' ? 'X-Sdk-Date' : name, String(request.headers[name])]),
              ),
              body: text === '' ? undefined : (JSON.parse(text) as unknown),
            },
            match[1]!,
            sk,
          );
          valid = expected === authorization;
        }
        response.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
        response.end(
          valid
            ? JSON.stringify(this.options.body ?? {})
            : JSON.stringify({
                error_code: 'APIGW.0301',
                error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
              }),
        );
      });
    });
    this.url = `http://${LOCALHOST}:${await listenOnLoopback(this.#server)}`;
  }

  async stop(): Promise<void> {
    if (this.#server !== undefined) await closeServer(this.#server);
  }
}
