import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileLibrary } from '../../src/app/app.js';
import { openStores } from '../../src/app/parts.js';
import { loadConfig } from '../../src/config.js';
import { ConversationReplayer } from '../../src/evaluation/replay.js';
import { parseLibraryJson } from '../../src/library/io.js';
import { createAttributeExtractor } from '../../src/nlu/extractors/index.js';

const library = parseLibraryJson(readFileSync(new URL('../../samples/library.json', import.meta.url), 'utf8'), 'samples/library.json');

/** The values each customer turn took, replayed through the engine on the demo library. */
async function valuesTaken(conversationId: string, turns: Array<{ role: 'customer' | 'agent'; text: string }>): Promise<Array<Array<[string, unknown]>>> {
  const live = compileLibrary(library);
  const stores = await openStores(loadConfig({ SQLITE_PATH: ':memory:' }));
  try {
    const replayer = new ConversationReplayer(stores.conversations, { catalog: live.catalog, ranker: live.classifier, extractor: createAttributeExtractor() });
    const replayed = await replayer.replay({ conversationId, turns }, new Date('2026-03-02T12:00:00Z'));
    return replayed.turns.flatMap((turn) => (turn.role === 'customer' ? [turn.values.map((value): [string, unknown] => [value.attribute, value.value])] : []));
  } finally {
    stores.close();
  }
}

describe('a bare value of another attribute after a free-text question', function () {
  this.timeout(60_000);

  it('answers the question when that attribute is known already, and a correction still replaces the known one', async () => {
    const taken = await valuesTaken('email-change', [
      { role: 'customer', text: 'I need to change the email on my account' },
      { role: 'agent', text: "What's the email address on the account right now?" },
      { role: 'customer', text: 'jon.doe@example.com' },
      { role: 'agent', text: 'What should we change it to?' },
      { role: 'customer', text: 'jon.doe@newmail.example' },
      { role: 'customer', text: 'oops, the current one is actually jon.doe@example.net, sorry' },
    ]);
    assert.deepEqual(taken, [
      [['detailToUpdate', 'email']],
      [['email', 'jon.doe@example.com']],
      [['newValue', 'jon.doe@newmail.example']],
      [['email', 'jon.doe@example.net']],
    ]);
  });

  it('takes a value the customer now states plainly in place of an earlier answer, without words of correction', async () => {
    const taken = await valuesTaken('device-changes', [
      { role: 'customer', text: 'My device shows error code E42' },
      { role: 'agent', text: 'What kind of device is it: a phone, laptop, TV, headphones, tablet or a smart-home device?' },
      { role: 'customer', text: 'a laptop' },
      { role: 'customer', text: 'and what does it mean on my TV?' },
    ]);
    assert.deepEqual(taken.slice(1), [[['deviceType', 'laptop']], [['deviceType', 'tv']]]);
  });
});
