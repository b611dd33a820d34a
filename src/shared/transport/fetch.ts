// The transport of browsers, Deno, Bun and workers: none of its own. Requests
// go to the platform's `fetch`, which is as fast as anything a library could
// add there, and no Node.js code reaches their bundles. Selected by
// package.json's `#transport` import everywhere but Node.js.
import type { Transport } from '../request.js';

export const platformTransport: Transport | undefined = undefined;
