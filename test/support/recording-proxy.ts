// A real HTTP proxy on 127.0.0.1 in front of the Prism mocks, for running the
// docs' code samples and guides unchanged: each run gets a route of its own
// (a path prefix that stands for one mock), the proxy records what the run
// asked, and it adds the `Prefer` header a scenario needs (for example, after
// the DELETE, a show answers 404) so the mock can play the service's next
// answer without the code being changed. Started and stopped by the tests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback, LOCALHOST } from '../../scripts/lib/ports.ts';

/** Adds `Prefer: <prefer>` to requests with this method, once a request with `afterMethod` has gone through. */
export interface PreferRule {
  method: string;
  prefer: string;
  afterMethod?: string;
}

export interface ProxiedRequest {
  method: string;
  /** The path and query as the mock got them (without the route's prefix). */
  url: string;
  /** The Prefer header the proxy added, if any. */
  prefer?: string;
  status: number;
}

export interface Route {
  /** The base URL that stands for the mock: give it to the code instead of the real endpoint. */
  baseUrl: string;
  requests: ProxiedRequest[];
}

interface RouteState extends Route {
  target: string;
  rules: PreferRule[];
  methodsSeen: Set<string>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class RecordingProxy {
  #server: Server | undefined;
  #url = '';
  #routes = new Map<string, RouteState>();

  /** A new route to `target` (a mock's URL) with its own record and Prefer rules. */
  route(target: string, rules: PreferRule[] = []): Route {
    if (this.#server === undefined) throw new Error('RecordingProxy is not started');
    const name = `r${this.#routes.size + 1}`;
    const state: RouteState = {
      baseUrl: `${this.#url}${name}`,
      requests: [],
      target: target.replace(/\/$/, ''),
      rules,
      methodsSeen: new Set(),
    };
    this.#routes.set(name, state);
    return state;
  }

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      const [, name = '', ...rest] = (request.url ?? '/').split('/');
      const route = this.#routes.get(name);
      if (route === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end(`No route "${name}"; routes are /r1/, /r2/, ...`);
        return;
      }
      const url = `/${rest.join('/')}`;
      const method = request.method ?? 'GET';
      const rule = route.rules.find(
        (candidate) => candidate.method === method && (candidate.afterMethod === undefined || route.methodsSeen.has(candidate.afterMethod)),
      );
      route.methodsSeen.add(method);
      const headers = Object.fromEntries(
        Object.entries(request.headers).flatMap(([key, value]) =>
          HOP_BY_HOP.has(key) || value === undefined ? [] : [[key, Array.isArray(value) ? value.join(', ') : value]],
        ),
      );
      if (rule !== undefined) headers['prefer'] = rule.prefer;
      bodyOf(request)
        .then(async (body) => {
          const answer = await fetch(`${route.target}${url}`, {
            method,
            headers,
            ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
          });
          const payload = Buffer.from(await answer.arrayBuffer());
          route.requests.push({ method, url, ...(rule === undefined ? {} : { prefer: rule.prefer }), status: answer.status });
          const answerHeaders: Record<string, string> = {};
          answer.headers.forEach((value, key) => {
            if (!HOP_BY_HOP.has(key) && key !== 'content-encoding') answerHeaders[key] = value;
          });
          response.writeHead(answer.status, answerHeaders).end(payload);
        })
        .catch((error: unknown) => {
          response.writeHead(502, { 'content-type': 'text/plain' }).end(`The proxy could not reach ${route.target}: ${String(error)}`);
        });
    });
    this.#url = `http://${LOCALHOST}:${await listenOnLoopback(this.#server)}/`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server !== undefined) await closeServer(server);
  }
}
