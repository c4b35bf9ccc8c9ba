import type { Request, Response } from 'restify';
import type { AssistEvent, EventHub } from '../assist/events.js';
import type { AssistView } from '../assist/view.js';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent events for one conversation: the current view at once (when it exists), then one `view` event per
 * change until the client goes away.
 */
export function openEventStream(req: Request, res: Response, hub: EventHub, conversationId: string, initial: AssistView | null): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const send = (event: AssistEvent) => res.write(`event: view\ndata: ${JSON.stringify(event)}\n\n`);
  if (initial) send({ cause: { kind: 'snapshot' }, view: initial });
  const unsubscribe = hub.subscribe(conversationId, send);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
