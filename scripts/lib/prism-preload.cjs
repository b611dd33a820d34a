// Loaded into every Prism process we start (node --require, by prism.ts), to
// keep Prism 5.14.2 as the engine while fixing what it gets wrong:
// 1. Hostile requests: the HTTP server Prism creates gets its request listener
//    wrapped by prism-request-guard.cjs, which answers with a 4xx what Prism
//    would die of or answer with a 5xx, and CONNECT gets a 405 instead of a
//    dropped connection.
// 2. Validation errors in the service's words: for an API listed in
//    prism-validation-errors.cjs (named by SNAPSHOT_APIS_MOCK_API, set by
//    prism.ts), the body of a 400 that Prism sends for an invalid request is
//    rendered from the violations instead of being the spec's fixed example.
// 3. Generated answers as a service could send them, fixed where Prism's
//    generator (json-schema-faker) makes them (asTheServiceSends):
//    - list pages carry no next link: `Prefer: dynamic=true` fakes every
//      optional property, `snapshots_links` included, with `next` links to
//      random hosts that real clients (openstacksdk, cinderclient) follow. A
//      service sends that link only for a full page, and a generated page is
//      never full (it holds a handful of items, the service's limit is
//      hundreds), so top-level `*_links` go;
//    - objects keep their schema's maxProperties, which the generator can
//      exceed (see prism-generated-limits.cjs).
// 4. Prism copies the request's violations, which quote the request's own
//    property names, into the `sl-violations` response header as they are. A
//    name with a character that an HTTP header cannot carry (beyond Latin-1, or
//    a control character) makes Node throw, and the mock server dies (reported
//    upstream as stoplightio/prism#1934). The header holds JSON, and those
//    characters only occur inside its strings, so writing them as \uXXXX
//    escapes keeps the header's meaning exactly.
'use strict';
const http = require('node:http');
const { guardRequests } = require('./prism-request-guard.cjs');
const { validationErrorBodies } = require('./prism-validation-errors.cjs');
const { withinMaxProperties } = require('./prism-generated-limits.cjs');
const { fromPrismHttp } = require('./prism-modules.cjs');

/** @typedef {import('./prism-validation-errors.cjs').Violation} Violation */

const VIOLATIONS_HEADER = 'sl-violations';
const api = process.env['SNAPSHOT_APIS_MOCK_API'];
const renderValidationError = api === undefined ? undefined : validationErrorBodies[api];

/** JSON.parse, or undefined for what does not parse (Prism cuts an over-long violations header short). */
function parseOrUndefined(/** @type {string | undefined} */ text) {
  try {
    return text === undefined ? undefined : /** @type {unknown} */ (JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Makes the response's body, when Prism ends it with violations listed, the API's own validation error body.
 * @param {import('node:http').ServerResponse} response
 * @param {string | undefined} body the request body as read by the guard
 */
function answerViolationsAsTheService(response, body) {
  const render = renderValidationError;
  if (render === undefined) return;
  const end = response.end;
  response.end = /** @type {typeof response.end} */ (
    function endWithServiceBody(/** @type {unknown} */ chunk, /** @type {unknown[]} */ ...rest) {
      const header = response.getHeader(VIOLATIONS_HEADER);
      const violations = typeof header === 'string' ? parseOrUndefined(header) : undefined;
      if (Array.isArray(violations) && !response.headersSent && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const replacement = render(response.statusCode, /** @type {Violation[]} */ (violations), parseOrUndefined(body));
        if (replacement !== undefined) {
          chunk = JSON.stringify(replacement);
          response.setHeader('content-length', Buffer.byteLength(/** @type {string} */ (chunk)));
        }
      }
      return /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (end).call(response, chunk, ...rest);
    }
  );
}

/**
 * A value generated for `Prefer: dynamic=true` as the service could send it: within its schema's
 * maxProperties, and without top-level `*_links`.
 * @param {unknown} value
 * @param {unknown} schema
 */
function asTheServiceSends(value, schema) {
  withinMaxProperties(value, schema);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) if (key.endsWith('_links')) delete (/** @type {Record<string, unknown>} */ (value)[key]);
  }
  return value;
}

// The json-schema-faker instance Prism generates every dynamic answer with: each value it generates goes through
// asTheServiceSends before Prism sends it.
const { JSONSchemaFaker } = fromPrismHttp('json-schema-faker');
const generate = JSONSchemaFaker.generate;
JSONSchemaFaker.generate = /** @type {typeof generate} */ (
  function generateAsTheServiceSends(/** @type {Parameters<typeof generate>} */ ...args) {
    return asTheServiceSends(generate.apply(JSONSchemaFaker, args), args[0]);
  }
);

const createServer = http.createServer;
/** Prism (through micri) creates exactly one server, with its request listener as the only function argument. */
http.createServer = /** @type {typeof http.createServer} */ (
  function createGuardedServer(/** @type {unknown[]} */ ...args) {
    const index = args.findIndex((argument) => typeof argument === 'function');
    if (index !== -1) {
      const listener = /** @type {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void} */ (
        args[index]
      );
      args[index] = guardRequests(listener, answerViolationsAsTheService);
    }
    const server = /** @type {(...args: unknown[]) => http.Server} */ (createServer).apply(http, args);
    // Node parses CONNECT but, with no handler, drops the connection without an answer.
    server.on('connect', (/** @type {unknown} */ _request, /** @type {import('node:net').Socket} */ socket) =>
      socket.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    );
    return server;
  }
);

const setHeader = http.ServerResponse.prototype.setHeader;
/**
 * @this {import('node:http').ServerResponse}
 * @param {string} name
 * @param {number | string | readonly string[]} value
 */
http.ServerResponse.prototype.setHeader = function setHeaderSafely(name, value) {
  if (typeof name === 'string' && name.toLowerCase() === VIOLATIONS_HEADER && typeof value === 'string') {
    value = value.replace(/[^\t\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return setHeader.call(this, name, value);
};
