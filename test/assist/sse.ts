import type { AssistViewLike } from './helpers.js';

export interface StreamEvent {
  cause: { kind: string; messageId?: string };
  view: AssistViewLike;
}

export interface EventReader {
  /** Resolves with the HTTP status once the response headers arrive. */
  opened: Promise<number>;
  /** The next event (already received or still to come) that matches. */
  next(match: (event: StreamEvent) => boolean): Promise<StreamEvent>;
  close(): void;
}

/** A minimal server-sent-events client over fetch, enough to read `view` events. */
export function readEvents(origin: string, conversationId: string, token?: string): EventReader {
  const controller = new AbortController();
  const received: StreamEvent[] = [];
  const waiters: Array<{ match: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }> = [];
  const deliver = (event: StreamEvent) => {
    const index = waiters.findIndex((waiter) => waiter.match(event));
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(event);
    else received.push(event);
  };
  const query = token ? `?access_token=${encodeURIComponent(token)}` : '';
  const opened = fetch(`${origin}/api/conversations/${encodeURIComponent(conversationId)}/events${query}`, { signal: controller.signal }).then((response) => {
    if (response.body && response.ok) void pump(response.body, deliver);
    return response.status;
  });
  return {
    opened,
    next(match) {
      const index = received.findIndex(match);
      if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as StreamEvent);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => controller.abort(),
  };
}

async function pump(body: ReadableStream<Uint8Array>, deliver: (event: StreamEvent) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (/^event: view$/m.test(block) && data) deliver(JSON.parse(data) as StreamEvent);
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  }
}
