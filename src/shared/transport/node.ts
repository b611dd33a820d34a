// The Node.js transport: undici's dispatch API, with the response read whole
// into a `Response`. It skips what makes Node's `fetch` slow for small calls
// (a second Request, body streams both ways) and keeps what callers rely on:
// the same dispatcher as fetch (undici's global one, which
// `setGlobalDispatcher` sets, or the `dispatcher` passed), redirects followed
// as fetch follows them, gzip, deflate and brotli bodies decoded, AbortSignal,
// and network and TLS errors as a TypeError whose `cause` is the system error.
// Selected by package.json's `#transport` import under the `node` condition.
import { promisify } from 'node:util';
import { brotliDecompress, constants, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import type { Dispatcher, Transport } from '../request.js';

/**
 * Where every copy of undici keeps the global dispatcher: the one Node's fetch
 * uses and `setGlobalDispatcher` replaces. undici's `getGlobalDispatcher()`
 * reads this slot; Node.js fills it as soon as anything touches fetch's
 * classes (openapi-fetch's `Headers` does, before any request is sent).
 */
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

let ownAgent: Dispatcher | undefined;

/** The dispatcher fetch uses. Only if there is none is undici loaded (some 90 ms): its global one, or an Agent of our own. */
async function globalDispatcher(): Promise<Dispatcher> {
  const installed = (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];
  if (installed !== undefined) return installed;
  const undici = await import('undici');
  return (undici.getGlobalDispatcher() as Dispatcher | undefined) ?? (ownAgent ??= new undici.Agent());
}

interface Received {
  status: number;
  statusText: string;
  /** Response headers as name, value, name, value, ... */
  headers: string[];
  body: Buffer;
}

const text = (value: Buffer | string) => (typeof value === 'string' ? value : value.toString('latin1'));

/**
 * Collects one response. Speaks both of undici's handler interfaces: the one
 * undici 6 and 7 call natively (onConnect, onHeaders, ...: the global
 * dispatcher's, whichever undici made it) and the one undici 8 dispatchers
 * accept (onRequestStart, onResponseStart, ...), for a `dispatcher` passed in.
 */
class Collector {
  status = 0;
  statusText = '';
  headers: string[] = [];
  chunks: Buffer[] = [];
  abort: ((reason: Error) => void) | undefined;

  constructor(
    readonly resolve: (received: Received) => void,
    readonly reject: (error: unknown) => void,
    readonly signal: AbortSignal | undefined,
  ) {}

  onConnect(abort: (reason: Error) => void): void {
    this.abort = abort;
    if (this.signal?.aborted) abort(this.signal.reason as Error);
  }

  onHeaders(status: number, raw: (Buffer | string)[], _resume: unknown, statusText: string): boolean {
    if (status < 200) return true; // 1xx: informational, the real answer follows
    this.status = status;
    this.statusText = statusText;
    this.headers = raw.map(text);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const { chunks } = this;
    this.resolve({
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
    });
  }

  onError(error: unknown): void {
    this.reject(error);
  }
}

/** The same, with undici 8's handler interface added for dispatchers that speak only that. */
class DualCollector extends Collector {
  onRequestStart(controller: { abort(reason: Error): void }): void {
    this.onConnect((reason) => controller.abort(reason));
  }

  onResponseStart(_controller: unknown, status: number, headers: Record<string, string | string[]>, statusText = ''): void {
    if (status < 200) return;
    this.status = status;
    this.statusText = statusText;
    this.headers = Object.entries(headers).flatMap(([name, value]) =>
      Array.isArray(value) ? value.flatMap((item) => [name, item]) : [name, value],
    );
  }

  onResponseData(_controller: unknown, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.onComplete();
  }

  onResponseError(_controller: unknown, error: unknown): void {
    this.reject(error);
  }
}

/** One request and its whole response, no redirects followed. */
function exchange(
  dispatcher: Dispatcher,
  dual: boolean,
  url: URL,
  method: string,
  headers: string[],
  body: Uint8Array | string | undefined,
  signal: AbortSignal | undefined,
): Promise<Received> {
  return new Promise<Received>((resolve, reject) => {
    if (signal === undefined) {
      const handler = dual ? new DualCollector(resolve, reject, undefined) : new Collector(resolve, reject, undefined);
      dispatcher.dispatch({ origin: url.origin, path: url.pathname + url.search, method, headers, body }, handler);
      return;
    }
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => handler.abort?.(signal.reason as Error);
    const settle =
      <T>(then: (value: T) => void) =>
      (value: T) => {
        signal.removeEventListener('abort', onAbort);
        then(value);
      };
    const handler = dual
      ? new DualCollector(settle(resolve), settle(reject), signal)
      : new Collector(settle(resolve), settle(reject), signal);
    signal.addEventListener('abort', onAbort, { once: true });
    dispatcher.dispatch({ origin: url.origin, path: url.pathname + url.search, method, headers, body }, handler);
  });
}

const zlibFlush: ZlibOptions = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const decoders: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: (body) => promisify(gunzip)(body, zlibFlush),
  'x-gzip': (body) => promisify(gunzip)(body, zlibFlush),
  // A deflate body is zlib-wrapped as the RFC says, or raw as some servers send it.
  deflate: (body) => ((body[0]! & 0x0f) === 0x08 ? promisify(inflate)(body, zlibFlush) : promisify(inflateRaw)(body, zlibFlush)),
  br: (body) =>
    promisify(brotliDecompress)(body, {
      flush: constants.BROTLI_OPERATION_FLUSH,
      finishFlush: constants.BROTLI_OPERATION_FLUSH,
    }),
};

/** The body decoded as fetch decodes it: codings undone last first; an unknown coding leaves the body as sent. */
async function decoded(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  if (contentEncoding === undefined || body.byteLength === 0) return body;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  if (codings.length > 5) throw new TypeError(`too many content-encodings (${codings.length}): ${contentEncoding}`);
  if (!codings.every((coding) => coding in decoders)) return body;
  for (const coding of codings) body = await decoders[coding]!(body);
  return body;
}

function headerOf(headers: string[], name: string): string | undefined {
  for (let index = 0; index < headers.length; index += 2) if (headers[index]!.toLowerCase() === name) return headers[index + 1];
  return undefined;
}

/** Statuses whose responses have no body, whatever the server sends. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Headers fetch drops when a redirect changes the method to GET, and when it leaves the origin. */
const BODY_HEADERS = ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'];
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'host'];

/** What fetch sends when the caller did not say (Node's fetch sends these too). */
const DEFAULT_HEADERS: [string, string][] = [
  ['accept', '*/*'],
  ['accept-encoding', 'gzip, deflate'],
  ['user-agent', 'node'],
];

function headerList(headers: Headers): string[] {
  const list: string[] = [];
  headers.forEach((value, name) => list.push(name, value));
  for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) list.push(name, value);
  return list;
}

function without(headers: string[], names: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < headers.length; index += 2) {
    if (!names.includes(headers[index]!.toLowerCase())) kept.push(headers[index]!, headers[index + 1]!);
  }
  return kept;
}

async function toResponse(received: Received, method: string, url: URL, redirected: boolean): Promise<Response> {
  const { status, statusText, headers } = received;
  const hasBody = !NULL_BODY.has(status) && method !== 'HEAD';
  const body = hasBody ? await decoded(received.body, headerOf(headers, 'content-encoding')) : null;
  const pairs: [string, string][] = [];
  for (let index = 0; index < headers.length; index += 2) pairs.push([headers[index]!, headers[index + 1]!]);
  let response: Response;
  try {
    response = new Response(body as Uint8Array<ArrayBuffer> | null, { status, statusText, headers: pairs });
  } catch (error) {
    throw new TypeError(`${method} ${url.href}: the server answered ${status} ${statusText}, which is not a valid HTTP response`, {
      cause: error,
    });
  }
  // What fetch sets, and a constructed Response cannot: where the response came from.
  Object.defineProperty(response, 'url', { value: url.href });
  if (redirected) Object.defineProperty(response, 'redirected', { value: true });
  return response;
}

/** A failure of the network, TLS or HTTP as fetch reports it: a TypeError, with the underlying error as `cause`. */
function failure(error: unknown, method: string, url: URL, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted && error === signal.reason) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new TypeError(`${method} ${url.origin}${url.pathname} failed: ${reason}`, { cause: error });
}

const MAX_REDIRECTS = 20;

export const platformTransport: Transport | undefined = async (request) => {
  const dual = request.dispatcher !== undefined;
  const dispatcher = request.dispatcher ?? (await globalDispatcher());
  let { url, method, body } = request;
  let headers = headerList(request.headers);
  for (let redirects = 0; ; redirects += 1) {
    let received: Received;
    try {
      received = await exchange(dispatcher, dual, url, method, headers, body, request.signal);
    } catch (error) {
      throw failure(error, method, url, request.signal);
    }
    const location = REDIRECT.has(received.status) ? headerOf(received.headers, 'location') : undefined;
    if (location === undefined || request.redirect === 'manual') return toResponse(received, method, url, redirects > 0);
    if (request.redirect === 'error') throw new TypeError(`${method} ${url.href} was redirected to ${location}, and redirect is 'error'`);
    if (redirects === MAX_REDIRECTS) throw new TypeError(`${method} ${request.url.href}: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new TypeError(`${method} ${url.href} was redirected to ${next.href}, which is not an http(s) URL`);
    }
    if (((received.status === 301 || received.status === 302) && method === 'POST') || (received.status === 303 && method !== 'HEAD')) {
      method = 'GET';
      body = undefined;
      headers = without(headers, BODY_HEADERS);
    }
    if (next.origin !== url.origin) headers = without(headers, CREDENTIAL_HEADERS);
    url = next;
  }
};
