// The very modules the running Prism loads, for the preload's patches: a patch
// must reach the instance Prism uses (micri's body cache, json-schema-faker).
'use strict';
const { createRequire } = require('node:module');

const fromPrismCli = createRequire(require.resolve('@stoplight/prism-cli/package.json'));
const fromPrismServer = createRequire(fromPrismCli.resolve('@stoplight/prism-http-server/package.json'));
const fromPrismHttp = createRequire(fromPrismCli.resolve('@stoplight/prism-http/package.json'));

module.exports = { fromPrismServer, fromPrismHttp };
