// The four clients, one namespace each. Subpath imports (`snapshot-apis/dws`)
// load only the client you use.
export * as cinder from './cinder.js';
export * as css from './css.js';
export * as dws from './dws.js';
export * as evs from './evs.js';
