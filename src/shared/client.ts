// What every client shares: choosing the endpoint, sending the token or
// signing, and telling the caller clearly when the options cannot work.
// openapi-fetch builds each call from the generated types; src/shared/request.ts
// decides how it leaves.
import { akskSigner, type AkSkCredentials } from './aksk.js';
import { createSender, LightRequest, type Dispatcher, type SenderOptions } from './request.js';
import type { TypedClient } from './types.js';
import createFetchClient, { type ClientOptions, type HeadersOptions, type Middleware } from 'openapi-fetch';

/** Options every client accepts, on top of openapi-fetch's own (headers, fetch, serializers, ...). */
export interface CommonClientOptions extends Omit<ClientOptions, 'baseUrl' | 'dispatcher'> {
  /** Where to send requests, e.g. a mock server (`http://127.0.0.1:4010`) or a private endpoint. */
  baseUrl?: string;
  /** Sent as `X-Auth-Token` on every request. */
  token?: string;
  /** openapi-fetch middleware, applied in order. */
  middleware?: Middleware[];
  /**
   * `'fetch'` sends every request with the global `fetch`. By default Node.js
   * sends them with undici's dispatch API, which is faster; elsewhere they go
   * to `fetch` anyway.
   */
  transport?: 'fetch';
  /**
   * Node.js only: the undici dispatcher to send requests through, e.g. a
   * `ProxyAgent` for a proxy, or an `Agent` with TLS options. Without it,
   * requests use undici's global dispatcher, as `fetch` does.
   */
  dispatcher?: Dispatcher;
}

/** Options of the Huawei Cloud clients, which know their regions' endpoints and sign with AK/SK. */
export interface RegionalClientOptions<Region extends string> extends CommonClientOptions {
  /** Region ID such as `cn-north-4`: the client calls that region's official endpoint. */
  region?: Region;
  /** Access key ID: with `sk`, every request is signed (SDK-HMAC-SHA256) instead of sending a token. */
  ak?: string;
  /** Secret key, used only to compute each request's signature. */
  sk?: string;
  /** Security token of temporary AK/SK credentials, sent as X-Security-Token. */
  securityToken?: string;
  /** Sent as X-Project-Id (sub-projects, and services that ask for it). */
  projectId?: string;
  /** The clock of the signature's X-Sdk-Date, for tests; the system clock by default. */
  now?: () => Date;
}

export interface ServiceDescription {
  /** Subpath of the package, used in error messages, e.g. `snapshot-apis/dws`. */
  module: string;
  /** Region ID -> endpoint, for services with official regional endpoints. */
  regions?: Readonly<Record<string, string>>;
  /** How to describe a base URL to someone who passed none. */
  baseUrlHint: string;
  /** Whether the service accepts AK/SK-signed requests. */
  signing?: boolean;
}

export class ClientOptionsError extends TypeError {
  override name = 'ClientOptionsError';
}

function resolveBaseUrl(service: ServiceDescription, options: RegionalClientOptions<string>): string {
  const { module, regions, baseUrlHint } = service;
  const { baseUrl, region } = options;
  if (baseUrl !== undefined && region !== undefined) {
    throw new ClientOptionsError(
      `${module}: pass either baseUrl or region, not both (got baseUrl ${JSON.stringify(baseUrl)} and region ${JSON.stringify(region)}).`,
    );
  }
  if (region !== undefined) {
    if (regions === undefined) {
      throw new ClientOptionsError(`${module}: this service has no official regions; pass baseUrl (${baseUrlHint}) instead of region.`);
    }
    const endpoint = regions[region];
    if (endpoint === undefined) {
      throw new ClientOptionsError(
        `${module}: unknown region ${JSON.stringify(region)}. Pass one of: ${Object.keys(regions).join(', ')}; or pass baseUrl for any other endpoint.`,
      );
    }
    return endpoint;
  }
  if (baseUrl === undefined) {
    const choices = regions === undefined ? '' : `, or region (one of: ${Object.keys(regions).join(', ')})`;
    throw new ClientOptionsError(`${module}: pass baseUrl (${baseUrlHint})${choices}.`);
  }
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new ClientOptionsError(`${module}: baseUrl ${JSON.stringify(baseUrl)} is not an http(s) URL; pass it as e.g. ${baseUrlHint}.`);
  }
  return baseUrl;
}

/** The client's default headers with the token added; a call's own headers can still override it. */
function withToken(module: string, headers: HeadersOptions | undefined, token: string | undefined): HeadersOptions {
  if (token === undefined) return headers ?? {};
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ClientOptionsError(`${module}: token is empty; pass the X-Auth-Token value, or leave token out.`);
  }
  // A plain object: openapi-fetch merges those fastest. The token goes last, so it wins over a stale one.
  let given = headers;
  if (headers instanceof Headers || Array.isArray(headers)) {
    const entries: Record<string, string> = {};
    new Headers(headers).forEach((value, name) => (entries[name] = value));
    given = entries;
  }
  return { ...given, 'X-Auth-Token': token };
}

/** The AK/SK credentials in the options, if any, checked. The secret key is never quoted back. */
function signingCredentials(service: ServiceDescription, options: RegionalClientOptions<string>): AkSkCredentials | undefined {
  const { module } = service;
  const { ak, sk, securityToken, projectId, token } = options;
  const given = [
    ['ak', ak],
    ['sk', sk],
    ['securityToken', securityToken],
    ['projectId', projectId],
  ].filter(([, value]) => value !== undefined);
  if (given.length === 0) return undefined;
  if (service.signing !== true) {
    throw new ClientOptionsError(
      `${module}: this service does not take AK/SK credentials (${given.map(([name]) => name).join(', ')}); pass token instead.`,
    );
  }
  if (token !== undefined) throw new ClientOptionsError(`${module}: pass either token or ak and sk, not both.`);
  if (ak === undefined || sk === undefined)
    throw new ClientOptionsError(`${module}: AK/SK signing needs both ak and sk; ${ak === undefined ? 'ak' : 'sk'} is missing.`);
  for (const [name, value] of given) {
    if (typeof value !== 'string' || value.trim() === '')
      throw new ClientOptionsError(`${module}: ${String(name)} is empty; pass the value, or leave it out.`);
  }
  return { ak, sk, ...(securityToken === undefined ? {} : { securityToken }), ...(projectId === undefined ? {} : { projectId }) };
}

type Init = { fetch?: SenderOptions['fetch']; Request?: unknown; middleware?: unknown[] } | undefined;
type Call = (...args: unknown[]) => unknown;
const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Keeps openapi-fetch's middleware contract on a client whose requests are
 * LightRequests by default: a call is given real `Request`s while any
 * middleware is registered (`use`, until `eject`) or passed with the call,
 * and a call's own `fetch` gets real, signed `Request`s too.
 */
function realRequestsForMiddleware(client: Record<string, Call>, senderOptions: SenderOptions, RealRequest: typeof Request): void {
  const registered: unknown[] = [];
  const adapt = (init: Init): Init => {
    if (init?.fetch !== undefined) {
      return { ...init, Request: init.Request ?? RealRequest, fetch: createSender({ ...senderOptions, fetch: init.fetch }) };
    }
    if (init?.Request !== undefined || (registered.length === 0 && !(init?.middleware?.length ?? 0))) return init;
    return { ...init, Request: RealRequest };
  };
  for (const method of HTTP_METHODS) {
    const call = client[method]!;
    client[method] = (url, init) => call(url, adapt(init as Init));
  }
  const request = client['request']!;
  client['request'] = (method, url, init) => request(method, url, adapt(init as Init));
  const use = client['use']!;
  client['use'] = (...middleware) => {
    use(...middleware);
    registered.push(...middleware.filter(Boolean));
  };
  const eject = client['eject']!;
  client['eject'] = (...middleware) => {
    eject(...middleware);
    for (const item of middleware) if (registered.includes(item)) registered.splice(registered.indexOf(item), 1);
  };
}

/** An openapi-fetch client for one service, with its endpoint and credentials applied. */
export function createServiceClient<Paths extends {}>(
  service: ServiceDescription,
  options: RegionalClientOptions<string>,
): TypedClient<Paths> {
  if (typeof options !== 'object' || options === null) {
    throw new ClientOptionsError(`${service.module}: createClient needs an options object, e.g. { baseUrl, token }.`);
  }
  const {
    region: _region,
    token,
    middleware = [],
    ak: _ak,
    sk: _sk,
    securityToken: _securityToken,
    projectId: _projectId,
    now,
    transport,
    dispatcher,
    fetch: customFetch,
    Request: CustomRequest,
    headers,
    ...fetchOptions
  } = options;
  if (transport !== undefined && transport !== 'fetch') {
    throw new ClientOptionsError(`${service.module}: transport ${JSON.stringify(transport)} is not known; pass 'fetch', or leave it out.`);
  }
  const credentials = signingCredentials(service, options);
  const senderOptions: SenderOptions = {
    transport,
    sign: credentials === undefined ? undefined : akskSigner(credentials, now),
    fetch: customFetch,
    dispatcher,
  };
  // A caller's own fetch or Request sees every request: those are real Requests, always.
  const RealRequest = CustomRequest ?? globalThis.Request;
  const light = customFetch === undefined && CustomRequest === undefined;
  const client = createFetchClient<Paths, 'application/json'>({
    ...fetchOptions,
    baseUrl: resolveBaseUrl(service, options),
    ...(token === undefined && headers === undefined ? {} : { headers: withToken(service.module, headers, token) }),
    fetch: createSender(senderOptions) as (input: Request) => Promise<Response>,
    Request: light ? (LightRequest as unknown as typeof Request) : RealRequest,
  });
  realRequestsForMiddleware(client as unknown as Record<string, Call>, senderOptions, RealRequest);
  if (middleware.length > 0) client.use(...middleware);
  // The same object: TypedClient only states each method's parameters more strictly.
  return client as unknown as TypedClient<Paths>;
}

/** Reads a request ID header from a response, if the service sent one. */
export function readRequestId(response: Response, header: string): string | undefined {
  return response.headers.get(header) ?? undefined;
}
