import { createServer } from 'node:net';
import type { Server } from 'restify';

/**
 * Resolves when `port` can be listened on now, else rejects with the socket's error: checked before the seconds of
 * opening the app, so a taken port is reported at once (listen() still reports one taken in between).
 */
export function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Starts listening on `port` (all interfaces); rejects with the socket's error instead of letting it go unhandled. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      server.off('listening', listening);
      reject(error);
    };
    const listening = () => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port);
  });
}

/** One line a person can act on for the errors a busy or forbidden port gives; null for any other error. */
export function describeListenError(error: unknown, port: number): string | null {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') return `port ${port} is already in use by another program: stop that program, or set PORT to a free port (for example PORT=${port === 65535 ? port - 1 : port + 1})`;
  if (code === 'EACCES') return `port ${port} needs privileges this process does not have: set PORT to a port above 1023`;
  return null;
}
