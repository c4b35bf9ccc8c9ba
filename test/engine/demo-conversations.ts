import assert from 'node:assert/strict';
import { openApp, type App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { TurnResult } from '../../src/engine/conversations.js';
import type { Turn } from '../../src/engine/state.js';

export const customer = (text: string): Turn => ({ role: 'customer', text });

/**
 * The demo library's service on an in-memory store, opened before the suite's tests and closed after: `talk` sends
 * customer messages to a conversation and returns what the last one gave; `fresh` names a new conversation.
 */
export function demoConversations(prefix: string): { readonly app: App; fresh(): string; talk(conversationId: string, ...texts: string[]): Promise<TurnResult> } {
  let app: App | undefined;
  let n = 0;
  before(async () => {
    app = await openApp(loadConfig({ SQLITE_PATH: ':memory:' }));
  });
  after(async () => app?.close());
  const opened = (): App => {
    assert.ok(app, 'the demo service is opened before the tests');
    return app;
  };
  return {
    get app() {
      return opened();
    },
    fresh: () => `${prefix}-${++n}`,
    async talk(conversationId, ...texts) {
      let last: TurnResult | undefined;
      for (const text of texts) last = await opened().conversations.turn(conversationId, customer(text), { channel: 'test' });
      assert.ok(last, 'at least one message');
      return last;
    },
  };
}
