// Local TCP ports for the servers the project starts (mocks, docs, the tests'
// own servers): checking that a port is free before using it, finding free ones
// for tests, and starting and stopping a server on loopback.
import { createServer, type AddressInfo, type Server } from 'node:net';

/** Everything the project serves listens on loopback only. */
export const LOCALHOST = '127.0.0.1';

/** A port the user chose that cannot be used; the message says which and how to choose another. */
export class PortError extends Error {
  override name = 'PortError';
}

/** The port in environment variable `variable`, or `fallback` when it is unset. */
export function portFromEnv(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new PortError(`${variable}=${JSON.stringify(value)} is not a port number; set it to a free port between 1 and 65535.`);
  }
  return port;
}

/** Rejects with a PortError naming the port and the variable that moves it when something already listens there. */
export async function ensurePortFree(port: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortError(
              `Port ${port} (${what}) is already in use. Stop what is using it, or choose another with ${variable}=<free port>.`,
            )
          : error,
      ),
    );
    probe.listen(port, LOCALHOST, () => probe.close(() => resolvePort()));
  });
}

/** `count` distinct ports that were free a moment ago (held together, so no two are the same). */
export async function findFreePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolveProbe, reject) => {
          const probe = createServer();
          probe.once('error', reject);
          probe.listen(0, LOCALHOST, () => resolveProbe(probe));
        }),
    ),
  );
  const ports = probes.map((probe) => (probe.address() as AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolveClose) => probe.close(resolveClose))));
  return ports;
}

/** Starts `server` listening on loopback at `port` (0: any free one) and resolves with the port it got. */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolveListen, reject) => server.once('error', reject).listen(port, LOCALHOST, () => resolveListen()));
  return (server.address() as AddressInfo).port;
}

/** Stops an HTTP(S) server at once: its open connections, keep-alive ones too, are closed first. */
export async function closeServer(server: Server & { closeAllConnections(): void }): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolveClose, reject) => server.close((error) => (error ? reject(error) : resolveClose())));
}
