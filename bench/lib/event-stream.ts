/** What a bench reads of a conversation event: what caused it. */
export interface StreamedEvent {
  cause: { kind: string; messageId?: string };
}

/**
 * Opens a conversation's server-sent-events stream (`GET /api/conversations/{id}/events`) and hands every event's
 * data to `onEvent` as it arrives, until `signal` aborts; resolves once the stream is open.
 */
export async function followEvents(origin: string, conversationId: string, token: string, signal: AbortSignal, onEvent: (event: StreamedEvent) => void): Promise<void> {
  const response = await fetch(`${origin}/api/conversations/${conversationId}/events?access_token=${token}`, { signal });
  if (!response.ok || !response.body) throw new Error(`stream for ${conversationId}: HTTP ${response.status}`);
  const body = response.body;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) onEvent(JSON.parse(data) as StreamedEvent);
        }
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  })();
}
