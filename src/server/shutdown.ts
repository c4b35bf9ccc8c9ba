import type { Server } from 'restify';
import type { OpenStreams } from './event-stream.js';

/** While draining, idle keep-alive connections are closed this often (a request that just finished leaves one). */
const CLOSE_IDLE_EVERY_MS = 100;

export interface Drained {
  /** Event streams ended with a reconnect hint. */
  streams: number;
  /** False when requests were still running at the end of the grace period and were cut off. */
  finished: boolean;
}

/**
 * A graceful stop: the server stops accepting connections, ends its event streams with a reconnect hint, lets the
 * requests in flight finish (each answer closes its connection) and resolves once every connection is gone, or
 * after `graceMs`, cutting off what is left.
 */
export function drain(server: Server, streams: OpenStreams, graceMs: number): Promise<Drained> {
  const http = server.server;
  return new Promise((resolve) => {
    let cutOff: NodeJS.Timeout | undefined;
    const idle = setInterval(() => http.closeIdleConnections(), CLOSE_IDLE_EVERY_MS);
    let ended = 0;
    const done = (finished: boolean) => {
      clearInterval(idle);
      clearTimeout(cutOff);
      resolve({ streams: ended, finished });
    };
    http.close(() => done(true));
    ended = streams.closeAll();
    http.closeIdleConnections();
    cutOff = setTimeout(() => {
      http.closeAllConnections();
      done(false);
    }, graceMs);
  });
}
