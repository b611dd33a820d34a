// Local TCP ports for the servers the project starts (mocks, docs): checking
// that a port is free before using it, and finding free ones for tests.
import { createServer, type AddressInfo, type Server } from 'node:net';

/** Everything the project serves listens on loopback only. */
export const LOCALHOST = '127.0.0.1';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Rejects with PortInUseError when something already listens on the port. */
export async function ensurePortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(`Port ${port} (${what}) is already in use.`) : error),
    );
    probe.listen(port, LOCALHOST, () => probe.close(() => resolvePort()));
  });
}

/** `count` distinct ports that were free a moment ago (held together, so no two are the same). */
export async function findFreePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolveProbe, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, LOCALHOST, () => resolveProbe(probe));
    })),
  );
  const ports = probes.map((probe) => (probe.address() as AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolveClose) => probe.close(resolveClose))));
  return ports;
}

