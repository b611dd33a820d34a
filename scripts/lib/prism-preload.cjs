// Loaded into every Prism process we start (node --require), to work around a
// Prism defect: Prism copies the request's violations, which quote the
// request's own property names, into the `sl-violations` response header as
// they are. A name with a character that an HTTP header cannot carry (beyond
// Latin-1, or a control character) makes Node throw, and the mock server dies
// (reported upstream as stoplightio/prism#1934). The header holds JSON, and
// those characters only occur inside its strings, so writing them as \uXXXX
// escapes keeps the header's meaning exactly.
'use strict';
const { ServerResponse } = require('node:http');

const setHeader = ServerResponse.prototype.setHeader;
/**
 * @this {import('node:http').ServerResponse}
 * @param {string} name
 * @param {number | string | readonly string[]} value
 */
ServerResponse.prototype.setHeader = function setHeaderSafely(name, value) {
  if (typeof name === 'string' && name.toLowerCase() === 'sl-violations' && typeof value === 'string') {
    value = value.replace(/[^\t\x20-\x7e]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return setHeader.call(this, name, value);
};
