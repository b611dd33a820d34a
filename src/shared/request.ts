// How a client's requests leave. openapi-fetch builds a `Request` for every call
// and `fetch` builds a second one from it, piping the body through a stream;
// both cost more than the call itself on a fast network. So while nothing but
// the client can see a request (no middleware, no custom `fetch` or `Request`),
// openapi-fetch is handed `LightRequest`: the same URL and init as plain fields,
// sent by the platform's transport (undici's dispatch API in Node.js, selected
// by the package's `#transport` import; `fetch(url, init)` everywhere else).
// Once anything else can see a request, it is a real `Request` sent with fetch,
// exactly as openapi-fetch documents. Either way AK/SK signing happens here,
// after every middleware, on the exact bytes sent.
import { platformTransport } from '#transport';
import type { OutgoingToSign } from './aksk.js';

/** An undici dispatcher (`Agent`, `ProxyAgent`, `EnvHttpProxyAgent`, `MockAgent`, ...), from any undici version. */
export interface Dispatcher {
  dispatch(options: object, handler: object): boolean;
}

/** A request as the transports send it: URL parsed, body already bytes or text. */
export interface Outgoing {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array | string | undefined;
  signal: AbortSignal | undefined;
  redirect: RequestInit['redirect'];
  dispatcher: Dispatcher | undefined;
}

/** Sends a request and resolves with the response, body fully read. */
export type Transport = (request: Outgoing) => Promise<Response>;

// RequestInit as the DOM types and Node's types both read it (Node's has its own `dispatcher` type).
type Init = Omit<RequestInit, 'dispatcher'> & { dispatcher?: Dispatcher; duplex?: 'half' };

/**
 * What openapi-fetch's `Request` option builds when no one else will see the
 * request: the URL and init it passes, as they are. openapi-fetch reads only
 * `method` back from it, and hands it to the client's own fetch below.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
  readonly signal: AbortSignal | undefined;
  readonly init: Init;

  constructor(url: string, init: Init) {
    this.url = url;
    this.init = init;
    this.method = init.method ?? 'GET';
    // openapi-fetch always passes its merged Headers; anything else is made one.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body;
    this.signal = init.signal ?? undefined;
  }
}

/** The bodies a transport can send as they are: none, text, or bytes. */
function asSendable(body: unknown): Uint8Array | string | undefined | false {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return false;
}

export type Sign = (request: OutgoingToSign) => Promise<void>;
type Fetch = (input: Request, init?: Init) => Promise<Response>;

export interface SenderOptions {
  /** `'fetch'`: send with `fetch` even where a faster transport exists. */
  transport?: 'fetch' | undefined;
  /** Signs each request as it leaves (AK/SK). */
  sign?: Sign | undefined;
  /** Sends real `Request`s: the caller's fetch, or the global one. */
  fetch?: Fetch | undefined;
  /** Where Node.js requests go: this undici dispatcher instead of the global one. */
  dispatcher?: Dispatcher | undefined;
}

/** The `fetch` a client gives openapi-fetch: it gets a LightRequest or a real Request, and the `requestInitExt` option. */
export function createSender({ transport: choice, sign, fetch: customFetch, dispatcher }: SenderOptions) {
  const transport = choice === 'fetch' ? undefined : platformTransport;
  const fetchRequest: Fetch = customFetch ?? fetchWith;
  return async function send(request: Request | LightRequest, ext?: Init): Promise<Response> {
    if (!(request instanceof LightRequest)) {
      if (sign !== undefined) request = await signed(request, sign);
      return fetchRequest(request, withDispatcher(ext, dispatcher));
    }
    const init = withDispatcher(ext === undefined ? request.init : { ...request.init, ...ext }, dispatcher)!;
    const body = asSendable(request.body);
    if (body === false) {
      // Streams, FormData, Blobs, URLSearchParams: fetch encodes them, and signing reads what it made.
      if (request.body instanceof ReadableStream) init.duplex = 'half';
      if (sign === undefined) return fetchWith(request.url, init);
      return fetchRequest(await signed(new Request(request.url, init as RequestInit), sign), withDispatcher(undefined, init.dispatcher));
    }
    if (sign === undefined && transport === undefined) return fetchWith(request.url, init);
    const url = new URL(request.url);
    if (sign !== undefined) await sign({ method: request.method, url, headers: request.headers, body });
    if (transport === undefined) return fetchWith(request.url, init);
    return transport({
      url,
      method: request.method,
      headers: request.headers,
      body,
      signal: init.signal ?? undefined,
      redirect: init.redirect ?? 'follow',
      dispatcher: init.dispatcher,
    });
  };
}

/** The global fetch, given an init whose dispatcher (Node.js only) is typed loosely. */
const fetchWith = (input: Request | string, init?: Init) => globalThis.fetch(input, init as RequestInit);

/** The init with the client's dispatcher, unless it names its own (a copy: the given init is left as it was). */
function withDispatcher(init: Init | undefined, dispatcher: Dispatcher | undefined): Init | undefined {
  return dispatcher === undefined || init?.dispatcher !== undefined ? init : { ...init, dispatcher };
}

/** A real Request, signed: its body read out as the exact bytes sent, and put back. */
async function signed(request: Request, sign: Sign): Promise<Request> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  // As a Blob: Node's fetch sends a byte array once, and cannot send it again after a 307 or 308.
  const copy = body === undefined ? request : new Request(request, { body: new Blob([body as Uint8Array<ArrayBuffer>]) });
  await sign({ method: copy.method, url: new URL(copy.url), headers: copy.headers, body });
  return copy;
}
