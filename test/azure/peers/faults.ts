import type { IncomingMessage, ServerResponse } from 'node:http';

/** Something a test makes a peer do instead of answering normally. */
export type Fault =
  /** Answer with this status (429, 503, ...) and, when given, an x-ms-retry-after-ms / retry-after-ms header. */
  | { kind: 'status'; status: number; retryAfterMs?: number }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** Do the work, then close the connection before the answer is sent: the caller cannot tell it was done. */
  | { kind: 'drop-after' }
  /** Answer only after this long, so the caller's timeout fires first. */
  | { kind: 'delay'; ms: number };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  at: number;
}

type Matcher = (request: RecordedRequest) => boolean;

interface Planned {
  match: Matcher;
  fault: Fault;
  remaining: number;
}

/** The faults a test has planned for a peer, and every request the peer saw. */
export class FaultPlan {
  readonly requests: RecordedRequest[] = [];
  private planned: Planned[] = [];

  /** The next `times` requests that `match` meet `fault`. */
  inject(fault: Fault, options: { match?: Matcher; times?: number } = {}): void {
    this.planned.push({ match: options.match ?? (() => true), fault, remaining: options.times ?? 1 });
  }

  clear(): void {
    this.planned = [];
    this.requests.length = 0;
  }

  record(req: IncomingMessage): { request: RecordedRequest; fault: Fault | undefined } {
    const url = new URL(req.url ?? '/', 'http://peer');
    const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, at: Date.now() };
    this.requests.push(request);
    const planned = this.planned.find((entry) => entry.remaining > 0 && entry.match(request));
    if (planned) planned.remaining -= 1;
    return { request, fault: planned?.fault };
  }
}

/**
 * Applies a fault around `handle`, the peer's normal answer. Returns without answering for `drop`;
 * `drop-after` lets the work happen and swallows the answer.
 */
export function applyFault(fault: Fault | undefined, req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  if (!fault) return handle();
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterMs !== undefined) {
        headers['x-ms-retry-after-ms'] = String(fault.retryAfterMs);
        headers['retry-after-ms'] = String(fault.retryAfterMs);
      }
      req.resume();
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ code: String(fault.status), message: `injected ${fault.status}`, error: { code: String(fault.status), message: `injected ${fault.status}` } }));
      return;
    }
    case 'drop':
      req.socket.destroy();
      return;
    case 'drop-after':
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as ServerResponse['end'];
      res.writeHead = (() => res) as unknown as ServerResponse['writeHead'];
      return handle();
    case 'delay': {
      const timer = setTimeout(handle, fault.ms);
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
  }
}
