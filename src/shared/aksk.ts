// Huawei Cloud access key / secret key request signing (SDK-HMAC-SHA256). The
// client signs each request exactly as it leaves, after every middleware: the
// serialized body bytes and the host it is sent to (src/shared/request.ts). Built-in crypto only, no
// dependency: Node's crypto module where there is one (synchronous, and some
// thirty times faster per signature than Web Crypto, whose every call is a trip
// to a worker thread), Web Crypto elsewhere. The secret key is used for the
// HMAC and nowhere else: never in a header, a log line or an error message.
export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';

export interface AkSkCredentials {
  /** Access key ID, sent in the Authorization header. */
  ak: string;
  /** Secret key: the HMAC key. */
  sk: string;
  /** For temporary credentials: sent (and signed) as X-Security-Token. */
  securityToken?: string;
  /** Sent (and signed) as X-Project-Id, for sub-projects and the services that want it. */
  projectId?: string;
}

export interface RequestToSign {
  method: string;
  url: URL;
  /** Every header to sign, with the values that are sent, `host` and `x-sdk-date` included. */
  headers: Record<string, string>;
  /** The body as sent: bytes, or text sent as UTF-8. */
  body: Uint8Array | string;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const encoder = new TextEncoder();

/** Percent-encodes everything but the unreserved characters, as the signature's canonical form wants. */
export function encodeForSigning(text: string): string {
  if (ALL_UNRESERVED.test(text)) return text; // most path segments, keys and values: nothing to do
  let encoded = '';
  for (const char of text) {
    if (UNRESERVED.test(char)) {
      encoded += char;
      continue;
    }
    for (const byte of encoder.encode(char)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path as the gateway reads it: decoded, split on '/', each piece encoded, with a trailing '/'. */
export function canonicalUri(pathname: string): string {
  const uri = decode(pathname).split('/').map(encodeForSigning).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** The query sorted by key (and each key's values sorted), keys and values encoded. */
export function canonicalQuery(search: URLSearchParams): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of search) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) =>
      byKey
        .get(key)!
        .sort()
        .map((value) => `${encodeForSigning(key)}=${encodeForSigning(value)}`),
    )
    .join('&');
}

let lastDate = { second: NaN, text: '' };

/** UTC time as the X-Sdk-Date header carries it: YYYYMMDDTHHMMSSZ. */
export function sdkDate(date: Date): string {
  // Every request of a second carries the same text: made once.
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastDate.second) lastDate = { second, text: `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z` };
  return lastDate.text;
}

/** The part of Node's crypto module used here, looked up without an import so browser bundles stay clean. */
interface NodeHashing {
  /** One-shot hashing, without a Hash object (Node.js 20.12 and later). */
  hash?(algorithm: 'sha256', data: Uint8Array | string, encoding: 'hex'): string;
  createHash(algorithm: 'sha256'): { update(data: Uint8Array | string): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: 'sha256', key: string): { update(data: string): { digest(encoding: 'hex'): string } };
}
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as NodeHashing | undefined;

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  if (nodeCrypto !== undefined)
    return nodeCrypto.hash?.('sha256', data, 'hex') ?? nodeCrypto.createHash('sha256').update(data).digest('hex');
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

type SecretKey = Pick<AkSkCredentials, 'sk'>;

/**
 * Web Crypto's key for each set of credentials: a client signs every request
 * with the same credentials object, so its key is imported once, and dropped
 * with the credentials.
 */
const webKeys = new WeakMap<SecretKey, { sk: string; key: ReturnType<typeof crypto.subtle.importKey> }>();

async function hmacHex(credentials: SecretKey, data: string): Promise<string> {
  const { sk } = credentials;
  if (nodeCrypto !== undefined) return nodeCrypto.createHmac('sha256', sk).update(data).digest('hex');
  let imported = webKeys.get(credentials);
  if (imported?.sk !== sk) {
    imported = { sk, key: crypto.subtle.importKey('raw', encoder.encode(sk), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) };
    webKeys.set(credentials, imported);
  }
  return hex(await crypto.subtle.sign('HMAC', await imported.key, encoder.encode(data)));
}

export interface Signature {
  /** The Authorization header value. */
  authorization: string;
  signedHeaders: string;
  canonicalRequest: string;
}

export async function signRequest(request: RequestToSign, credentials: Pick<AkSkCredentials, 'ak' | 'sk'>): Promise<Signature> {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const date = headers.find(([name]) => name === 'x-sdk-date')?.[1];
  if (date === undefined) throw new TypeError('A request to sign needs its x-sdk-date header.');
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    await sha256Hex(request.body),
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, date, await sha256Hex(canonicalRequest)].join('\n');
  const signature = await hmacHex(credentials, stringToSign);
  return {
    authorization: `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signedHeaders,
    canonicalRequest,
  };
}

/** Headers signed besides host and x-sdk-date, when the request carries them. */
const ALSO_SIGNED = ['content-type', 'x-project-id', 'x-security-token'];

/** A request about to leave: its headers are set in place, its body is the exact bytes (or text) sent. */
export interface OutgoingToSign {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array | string | undefined;
}

/**
 * Signs requests with AK/SK: sets X-Sdk-Date (and X-Project-Id, X-Security-Token)
 * and the Authorization header on the request's own headers. Called on the
 * request as it is sent, after every middleware, so the signature covers it all.
 */
export function akskSigner(credentials: AkSkCredentials, now: () => Date = () => new Date()): (request: OutgoingToSign) => Promise<void> {
  return async ({ method, url, headers: sent, body }) => {
    const date = sdkDate(now());
    sent.set('X-Sdk-Date', date);
    if (credentials.projectId !== undefined) sent.set('X-Project-Id', credentials.projectId);
    if (credentials.securityToken !== undefined) sent.set('X-Security-Token', credentials.securityToken);
    const headers: Record<string, string> = { host: url.host, 'x-sdk-date': date };
    for (const name of ALSO_SIGNED) {
      const value = sent.get(name);
      if (value !== null) headers[name] = value;
    }
    const { authorization } = await signRequest({ method, url, headers, body: body ?? '' }, credentials);
    sent.set('Authorization', authorization);
  };
}
