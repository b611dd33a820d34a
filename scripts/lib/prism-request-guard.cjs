// The requests a Prism 5.14.2 mock cannot survive, or answers with a 5xx,
// refused with a 4xx before Prism sees them (used by prism-preload.cjs). What
// Prism did with each before this guard (measured on Node 20):
// - a malformed percent-escape in a path parameter (`/v2/%E0%A4%A/snapshots`):
//   decodeURIComponent throws in Prism's path matcher and the process dies
//   (outside a path parameter Prism answered 404);
// - JSON nested 5,000 levels deep: Prism answers 400, then its log printer
//   cannot serialize the request and the process dies;
// - an Accept item that is not a media type (`Accept: foo`): Prism's content
//   negotiation throws and the process dies;
// - a Content-Type header that does not parse (`application/json; charset`):
//   500 from the body parser;
// - a 5 MB body: 400 after about 1 s, but 30 at once took some 40 s, several
//   answers over 20 s (Prism logs every body in full, and 30 bodies of 1 MB
//   still took over 20 s); the guard's 128 KiB limit gets 413 at once.
// Malformed JSON (400), a wrong content type (400, the spec's example), invalid
// UTF-8 (decoded as U+FFFD, then validated), an unknown method (400 from
// Node's parser) and a 20 kB path (431 from Node's parser) were already
// answered safely, and the guard leaves them to Prism and Node.
//
// The guard reads the body itself, through the same parser instance Prism uses
// (micri's `text`, which caches the body per request, so Prism's own read gets
// the same text), so a refused request never reaches Prism.
'use strict';
// The very modules the running Prism uses: micri's body cache is per module instance.
const { fromPrismServer, fromPrismHttp } = require('./prism-modules.cjs');
/** @type {{ text(request: import('node:http').IncomingMessage, options: { limit: number, encoding: string }): Promise<string> }} */
const micri = fromPrismServer('micri');
/** @type {(request: import('node:http').IncomingMessage, types: string[]) => string | false | null} */
const typeIs = fromPrismServer('type-is');
/** @type {{ parse(header: string): { type: string, parameters: Record<string, string> } }} */
const contentType = fromPrismHttp('content-type');

/** Far more than a request of these APIs needs (a few kB); 30 bodies this size at once are answered in about 3 s. */
const MAX_BODY_BYTES = 128 * 1024;
/** Far deeper than any request of these APIs nests, far below where Prism's logger fails (some 5,000 levels). */
const MAX_JSON_DEPTH = 100;
/** The media types whose bodies Prism parses as JSON (prism-http-server's parseRequestBody). */
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * @typedef {{ status: number, title: string, detail: string }} Refusal
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/** Whether `text` (JSON) nests arrays and objects more than `limit` levels deep; strings are skipped. */
function nestedDeeperThan(/** @type {string} */ text, /** @type {number} */ limit) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth > limit) return true;
    } else if (character === ']' || character === '}') depth -= 1;
  }
  return false;
}

/** Whether the media type parser Prism uses reads `text`. */
function parses(/** @type {string} */ text) {
  try {
    contentType.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether Prism would read a body (the same test as prism-http-server's parseRequestBody). */
function hasBody(/** @type {Request} */ request) {
  const length = request.headers['content-length'];
  return length !== '0' && (length !== undefined || request.headers['transfer-encoding'] !== undefined);
}

/**
 * Why the request must not reach Prism, or undefined; reads the body (into micri's cache) on the way.
 * @param {Request} request
 * @returns {Promise<{ refusal?: Refusal, body?: string }>}
 */
async function inspect(request) {
  const [path = ''] = (request.url ?? '/').split('?');
  try {
    decodeURIComponent(path);
  } catch {
    return {
      refusal: {
        status: 400,
        title: 'Bad Request',
        detail: `The request path ${path.slice(0, 200)} has a malformed percent-escape: each % must start a %XX escape of UTF-8 bytes (write a literal % as %25).`,
      },
    };
  }
  const header = request.headers['content-type'];
  let charset = 'utf-8';
  if (header !== undefined) {
    try {
      charset = contentType.parse(header).parameters['charset'] ?? charset;
    } catch {
      return {
        refusal: {
          status: 400,
          title: 'Bad Request',
          detail: `The Content-Type header ${JSON.stringify(header.slice(0, 200))} does not parse as a media type; send, for example, "application/json".`,
        },
      };
    }
  }
  // Prism parses each item of an Accept header it cannot satisfy, and an item that does not parse kills it.
  // Empty items are allowed (RFC 9110, 5.6.1.2) and dropped, so Prism never sees one.
  const ranges = (request.headers['accept'] ?? '').split(',').filter((range) => range.trim() !== '');
  if (request.headers['accept'] !== undefined) request.headers['accept'] = ranges.join(',');
  const unreadable = ranges.find((range) => !parses(range));
  if (unreadable !== undefined) {
    return {
      refusal: {
        status: 400,
        title: 'Bad Request',
        detail: `The Accept header item ${JSON.stringify(unreadable.trim().slice(0, 200))} is not a media type; list media types such as "application/json", separated by commas.`,
      },
    };
  }
  if (!hasBody(request)) return {};
  const tooLarge = {
    status: 413,
    title: 'Payload Too Large',
    detail: `The request body is larger than the mock accepts (${MAX_BODY_BYTES} bytes).`,
  };
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return { refusal: tooLarge };
  let body;
  try {
    body = await micri.text(request, { limit: MAX_BODY_BYTES, encoding: charset });
  } catch (error) {
    const { statusCode, originalError } = /** @type {{ statusCode?: number, originalError?: { type?: string, message?: string } }} */ (
      error
    );
    if (statusCode === 413) return { refusal: tooLarge };
    if (originalError?.type === 'encoding.unsupported') {
      return {
        refusal: {
          status: 415,
          title: 'Unsupported Media Type',
          detail: `The charset ${JSON.stringify(charset)} is not supported; send UTF-8.`,
        },
      };
    }
    return {
      refusal: {
        status: 400,
        title: 'Bad Request',
        detail: `The request body could not be read: ${originalError?.message ?? String(error)}.`,
      },
    };
  }
  // Prism reads an empty body a second time, from a stream that has ended; tell it there is none.
  if (body === '') request.headers['content-length'] = '0';
  if (typeIs(request, JSON_TYPES) && nestedDeeperThan(body, MAX_JSON_DEPTH)) {
    return {
      refusal: {
        status: 400,
        title: 'Bad Request',
        detail: `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
      },
    };
  }
  return { body };
}

/**
 * Answers with an RFC 9457 problem, as Prism answers what it cannot route, once the rest of the body (if the
 * guard did not read it all) has arrived and been dropped: a server that answers and closes while the client
 * is still sending resets the connection, and the client never sees the answer.
 * @param {Request} request
 * @param {Response} response
 * @param {Refusal} refusal
 */
function refuse(request, response, { status, title, detail }) {
  const answer = () => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const text = JSON.stringify({ type: 'about:blank', title, status, detail });
    response.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  };
  if (request.complete) return answer();
  request.once('end', answer).resume();
}

/**
 * Wraps Prism's request listener: refuses what Prism cannot handle, and hands the rest on with the body read.
 * @param {(request: Request, response: Response) => void} listener
 * @param {(response: Response, body: string | undefined) => void} beforePrism
 *   called for each request that goes on to Prism, with its response and its body (as read by the guard)
 */
function guardRequests(listener, beforePrism) {
  return function guardedListener(/** @type {Request} */ request, /** @type {Response} */ response) {
    inspect(request)
      .then(({ refusal, body }) => {
        if (refusal !== undefined) return refuse(request, response, refusal);
        beforePrism(response, body);
        return listener(request, response);
      })
      // Whatever else goes wrong with a request is answered, never left to end the process.
      .catch((error) =>
        refuse(request, response, {
          status: 400,
          title: 'Bad Request',
          detail: `The mock could not handle this request: ${String(error)}.`,
        }),
      );
  };
}

module.exports = { guardRequests };
