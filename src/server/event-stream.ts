import type { Request, Response } from 'restify';
import type { AssistEvent, EventBus } from '../assist/events.js';
import type { AssistView } from '../assist/view.js';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** How soon a client reconnects after a stream ends (EventSource reads it from the `retry:` field). */
const RETRY_MS = 2000;
/** How soon it reconnects when the instance is shutting down: another instance is already there. */
const RETRY_AFTER_SHUTDOWN_MS = 250;

/**
 * The event streams open on one server, so that a shutdown can end them with a reconnect hint; once it has, a new
 * stream gets the hint at once.
 */
export class OpenStreams {
  private readonly ends = new Set<() => void>();
  private closing = false;

  get draining(): boolean {
    return this.closing;
  }

  add(end: () => void): () => void {
    this.ends.add(end);
    return () => this.ends.delete(end);
  }

  /** Ends every stream with a `reconnect` event and a short `retry:`; returns how many there were. */
  closeAll(): number {
    this.closing = true;
    const count = this.ends.size;
    for (const end of [...this.ends]) end();
    return count;
  }
}

/**
 * Server-sent events for one conversation: the current view at once (when it exists), then one `view` event per
 * change until the client goes away or the server shuts down. The stream subscribes before it reads the view, and
 * waits until the bus delivers (Web PubSub joins the conversation's group first), so no change falls between the
 * view and the events; an event that arrives meanwhile and is older than the view is dropped.
 */
export async function openEventStream(
  req: Request,
  res: Response,
  bus: EventBus,
  streams: OpenStreams,
  conversationId: string,
  readView: () => Promise<AssistView | null>,
): Promise<void> {
  if (streams.draining) {
    writeHead(res, streams);
    res.end(RECONNECT_HINT);
    return;
  }
  const early: AssistEvent[] = [];
  let send: (event: AssistEvent) => void = (event) => early.push(event);
  const unsubscribe = bus.subscribe(conversationId, (event) => send(event));
  let heartbeat: NodeJS.Timeout | undefined;
  let forget = (): void => undefined;
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    forget();
  };
  // The client may leave while the view is read: stop then, not never.
  let gone = false;
  req.on('close', () => {
    gone = true;
    stop();
  });
  let initial: AssistView | null;
  try {
    await bus.ready?.(conversationId);
    initial = await readView();
  } catch (error) {
    stop();
    throw error;
  }
  if (gone) return;
  writeHead(res, streams);
  if (streams.draining) {
    stop();
    res.end(RECONNECT_HINT);
    return;
  }
  res.write(`retry: ${RETRY_MS}\n\n`);
  send = (event) => res.write(`event: view\ndata: ${JSON.stringify(event)}\n\n`);
  if (initial) send({ cause: { kind: 'snapshot' }, view: initial });
  for (const event of early) if (!initial || event.view.updatedAt >= initial.updatedAt) send(event);
  heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  forget = streams.add(() => {
    stop();
    res.end(RECONNECT_HINT);
  });
}

const RECONNECT_HINT = `retry: ${RETRY_AFTER_SHUTDOWN_MS}\nevent: reconnect\ndata: {}\n\n`;

function writeHead(res: Response, streams: OpenStreams): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: streams.draining ? 'close' : 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
}
