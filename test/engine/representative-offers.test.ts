import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileLibrary } from '../../src/app/app.js';
import { openStores } from '../../src/app/parts.js';
import { loadConfig } from '../../src/config.js';
import { ConversationReplayer, type ReplayedConversation } from '../../src/evaluation/replay.js';
import type { LabelledConversation } from '../../src/evaluation/labelled-conversations.js';
import { parseLibraryJson } from '../../src/library/io.js';
import { createAttributeExtractor } from '../../src/nlu/extractors/index.js';

const library = parseLibraryJson(readFileSync(new URL('../../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');
const live = compileLibrary(library);

/** The intent and status after each customer turn of a conversation where a representative speaks in between. */
async function replay(turns: LabelledConversation['turns']): Promise<Array<[string, string]>> {
  const stores = await openStores(loadConfig({ SQLITE_PATH: ':memory:' }));
  try {
    const replayer = new ConversationReplayer(stores.conversations, { catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor() });
    const replayed: ReplayedConversation = await replayer.replay({ conversationId: 'offers', turns }, new Date('2026-03-02T12:00:00Z'));
    return replayed.turns.flatMap((turn) => (turn.role === 'customer' ? [[turn.intent, turn.status] as [string, string]] : []));
  } finally {
    stores.close();
  }
}

describe("what a representative suggests, and the customer's yes or no", function () {
  this.timeout(60_000);

  it('a "yes" to "Would you like me to start a return?" switches to that request', async () => {
    const after = await replay([
      { role: 'customer', text: 'my headphones arrived cracked, order BL-4471220' },
      { role: 'agent', text: "I'm sorry about that. Would you like me to start a return for them?" },
      { role: 'customer', text: 'yes please' },
    ]);
    assert.equal(after[1]?.[0], 'start-return', JSON.stringify(after));
  });

  it('a "no" to the suggestion keeps the request; "no, thanks" closes the conversation', async () => {
    const kept = await replay([
      { role: 'customer', text: 'my headphones arrived cracked, order BL-4471220' },
      { role: 'agent', text: 'Would you like me to start a return for them?' },
      { role: 'customer', text: 'no' },
    ]);
    assert.notEqual(kept[1]?.[0], 'start-return', JSON.stringify(kept));
    assert.notEqual(kept[1]?.[0], 'none', JSON.stringify(kept));
    assert.notEqual(kept[1]?.[1], 'ended', JSON.stringify(kept));
    const closed = await replay([
      { role: 'customer', text: 'my headphones arrived cracked, order BL-4471220' },
      { role: 'agent', text: 'Would you like me to start a return for them?' },
      { role: 'customer', text: 'no, thank you' },
    ]);
    assert.deepEqual(closed[1], ['none', 'ended']);
  });

  it('"no" to the representative\'s "anything else?" closes; a question about something else sets no offer', async () => {
    const closed = await replay([
      { role: 'customer', text: 'where is my order BL-4471220?' },
      { role: 'agent', text: 'It arrives tomorrow. Can I help you with anything else?' },
      { role: 'customer', text: 'no' },
    ]);
    assert.deepEqual(closed[1], ['none', 'ended']);
    const unrelated = await replay([
      { role: 'customer', text: 'where is my order BL-4471220?' },
      { role: 'agent', text: 'It arrives tomorrow. Would you like a text when it ships?' },
      { role: 'customer', text: 'yes' },
    ]);
    assert.equal(unrelated[1]?.[0], 'order-status', JSON.stringify(unrelated));
  });

  it('a suggestion that is a step of the current request is no offer of another one', async () => {
    const after = await replay([
      { role: 'customer', text: 'the charging cable was missing from my order BL-4471220' },
      { role: 'agent', text: "Sorry about that. Would you like me to send you a new cable today?" },
      { role: 'customer', text: 'yes please' },
    ]);
    assert.equal(after[0]?.[0], 'missing-item', JSON.stringify(after));
    assert.equal(after[1]?.[0], 'missing-item', JSON.stringify(after));
  });
});
