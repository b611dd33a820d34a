// What a mock answers when a request fails the spec's validation, for the APIs
// whose service's wording of that answer is known (from its source), keyed by
// the API's name in redocly.yaml. Prism itself answers with the spec's first
// 400 example, whatever was wrong; the preload (prism-preload.cjs) replaces
// that body with the one rendered here from the violations Prism lists in its
// `sl-violations` header. An API without an entry keeps the spec's example
// (the Huawei services do not document how they word a validation failure).
'use strict';

/**
 * @typedef {{ location: string[], severity?: string, code: string | number, message: string }} Violation
 * @typedef {(status: number, violations: Violation[], body: unknown) => unknown} ValidationErrorBody
 *   The body to send instead of Prism's, or undefined to keep Prism's.
 */

/**
 * Python's repr() of a value decoded from JSON: Cinder's messages quote values the way Python prints them.
 * @param {unknown} value
 * @returns {string}
 */
function pythonRepr(value) {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Python's str(): a string as it is, anything else as repr() prints it. */
function pythonStr(/** @type {unknown} */ value) {
  return typeof value === 'string' ? value : pythonRepr(value);
}

/**
 * Python's repr() of a string: single quotes unless the string holds a single quote and no double one, and
 * escapes for backslashes, the quote, and characters Python does not print (control, format, separator).
 */
function pythonStringRepr(/** @type {string} */ text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const named = /** @type {Record<string, string>} */ ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', [quote]: `\\${quote}` });
  const escaped = text.replace(/[\\'"]|(?! )[\p{C}\p{Z}]/gu, (character) => {
    if (named[character] !== undefined) return named[character];
    if (character === "'" || character === '"') return character;
    const code = /** @type {number} */ (character.codePointAt(0));
    if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  });
  return `${quote}${escaped}${quote}`;
}

/** Prism writes each segment of a violation's location as a JSON pointer token. */
const unescapePointer = (/** @type {string} */ segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** The value at `path` in a decoded JSON body, or undefined. */
function valueAt(/** @type {unknown} */ body, /** @type {string[]} */ path) {
  return path.reduce(
    (/** @type {unknown} */ node, segment) =>
      typeof node === 'object' && node !== null ? /** @type {Record<string, unknown>} */ (node)[segment] : undefined,
    body,
  );
}

/** The first capture of `pattern` in a Prism (ajv) message, or undefined. */
const captured = (/** @type {string} */ message, /** @type {RegExp} */ pattern) => pattern.exec(message)?.[1];

/**
 * Which of several violations at one location Cinder reports, before the first one: a failed oneOf or anyOf
 * (it sums up its branches' failures), then a format (Cinder's schemas state a UUID by its format alone; the
 * spec's length and pattern restate it).
 */
const PREFERRED_CODES = ['oneOf', 'anyOf', 'format'];

/**
 * The reason, worded as the jsonschema library (which Cinder validates with) words it, for the violations at
 * one location; Prism's own wording where the keyword is not one the snapshot schemas use.
 * @param {Violation[]} violations all at one location, in Prism's order
 * @param {unknown} value the request's value at that location
 */
function jsonschemaReason(violations, value) {
  const reported = PREFERRED_CODES.map((preferred) => violations.find((violation) => violation.code === preferred)).find(Boolean);
  const { code, message } = reported ?? /** @type {Violation} */ (violations[0]);
  if (code === 'oneOf' || code === 'anyOf') return `${pythonRepr(value)} is not valid under any of the given schemas`;
  if (code === 'required') {
    const property = captured(message, /required property '(.*)'$/);
    if (property !== undefined) return `${pythonRepr(property)} is a required property`;
  }
  if (code === 'additionalProperties') {
    const unexpected = violations.flatMap((violation) =>
      violation.code === 'additionalProperties' ? (captured(violation.message, /; found '(.*)'$/) ?? []) : [],
    );
    const names = unexpected.map(pythonRepr).join(', ');
    return `Additional properties are not allowed (${names} ${unexpected.length === 1 ? 'was' : 'were'} unexpected)`;
  }
  if (code === 'maxLength') return `${pythonRepr(value)} is too long`;
  if (code === 'minLength') return `${pythonRepr(value)} is too short`;
  if (code === 'type') {
    const types = captured(message, / must be ([\w,]+)$/);
    if (types !== undefined) return `${pythonRepr(value)} is not of type ${types.split(',').map(pythonRepr).join(', ')}`;
  }
  if (code === 'pattern') {
    const pattern = captured(message, / must match pattern "(.*)"$/);
    if (pattern !== undefined) return `${pythonRepr(value)} does not match ${pythonRepr(pattern)}`;
  }
  if (code === 'format') {
    const format = captured(message, / must match format "(.*)"$/);
    if (format !== undefined) return `${pythonRepr(value)} is not a ${pythonRepr(format)}`;
  }
  // Prism's message less its "Request body property a.b " prefix, which the field name already says.
  return message.replace(/^Request body (property \S+ )?/, '');
}

/**
 * Cinder's `badRequest` fault for a request that fails its JSON schema (cinder/api/validation/validators.py,
 * Queens on): "Invalid input for field/attribute <field>. Value: <value>. <reason>", where <field> is the last
 * segment of the failing location (for a missing or an unexpected property, the object that should or should
 * not hold it), <value> the request's value there, and <reason> the jsonschema message. A failure at the top
 * of the body is the reason alone. Violations outside the body (a content type, a path parameter) are
 * reported with Prism's message, in the same envelope.
 * @type {ValidationErrorBody}
 */
function cinderBadRequest(status, violations, body) {
  if (status !== 400) return undefined;
  // Prism lists the request's errors and warnings and its own response's; only the request's errors count.
  const errors = violations.filter((violation) => violation.location[0] === 'request' && (violation.severity ?? 'Error') === 'Error');
  const inBody = errors.filter((violation) => violation.location[1] === 'body');
  const [first] = inBody;
  if (first === undefined) {
    const [other] = errors;
    return other === undefined ? undefined : { badRequest: { code: 400, message: other.message } };
  }
  const at = first.location.join('/');
  const here = inBody.filter((violation) => violation.location.join('/') === at);
  const path = first.location.slice(2).map(unescapePointer);
  const value = valueAt(body, path);
  const reason = jsonschemaReason(here, value);
  const field = path[path.length - 1];
  const message = field === undefined ? reason : `Invalid input for field/attribute ${field}. Value: ${pythonStr(value)}. ${reason}`;
  return { badRequest: { code: 400, message } };
}

/** @type {Record<string, ValidationErrorBody>} */
const validationErrorBodies = { cinder: cinderBadRequest };

module.exports = { validationErrorBodies };
