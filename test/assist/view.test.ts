import assert from 'node:assert/strict';
import path from 'node:path';
import { KeyedQueue } from '../../src/engine/keyed-queue.js';
import { buildView } from '../../src/assist/view.js';
import { packageRoot } from '../../src/config.js';
import { buildCatalog, type Catalog } from '../../src/library/catalog.js';
import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import { readLibraryFile } from '../../src/library/io.js';

describe("what the representative's view shows", () => {
  let catalog: Catalog;

  before(async () => {
    catalog = buildCatalog(await readLibraryFile(path.join(packageRoot, 'samples', 'library.json')));
  });

  function conversation(change: (state: ConversationState) => void): ConversationState {
    const state = newConversationState('view-1', 'test', new Date('2026-03-02T10:00:00Z'), 'assisted');
    change(state);
    return state;
  }

  it('lists open questions first and ticks answered ones with the answer', () => {
    const view = buildView(
      conversation((state) => {
        state.intent = { id: 'order-status', confidence: 0.9 };
        state.attributes.orderNumber = { value: 'BL-4471220', text: 'BL-4471220', confidence: 1, turn: 2, source: 'assisted' };
      }),
      catalog,
    );
    assert.equal(view.intent?.groupName, 'Orders and delivery');
    const last = view.questions.at(-1);
    assert.deepEqual([last?.attribute, last?.answered, last?.answer], ['orderNumber', true, 'BL-4471220']);
    assert.ok(view.questions.slice(0, -1).every((question) => !question.answered));
  });

  it('names attributes by their labels and enum values by theirs, so the page shows "Order number", not orderNumber', () => {
    const view = buildView(
      conversation((state) => {
        state.intent = { id: 'payment-declined', confidence: 0.9 };
        state.attributes.paymentMethod = { value: 'credit-card', text: 'my visa credit card', confidence: 0.9, turn: 1, source: 'self-service' };
        state.attributes.returnShippedDate = { value: '2026-02-20', text: 'last week', confidence: 0.8, turn: 1, source: 'self-service' };
      }),
      catalog,
    );
    const known = Object.fromEntries(view.known.map((entry) => [entry.name, [entry.label, entry.valueLabel]]));
    assert.deepEqual(known.paymentMethod, ['Payment method', 'Credit card']);
    assert.deepEqual(known.returnShippedDate, ['Return shipped date', '2026-02-20'], 'a value from another intent is named by its name in words');
    const labels = Object.fromEntries(view.questions.map((question) => [question.attribute, question.label]));
    assert.deepEqual(labels, { declineMessage: 'Decline message', cardLast4: 'Last 4 digits of the card', orderNumber: 'Order number', paymentMethod: 'Payment method' });
  });

  it('shows earlier intents newest first, not the current one, with rejected ones marked', () => {
    const view = buildView(
      conversation((state) => {
        state.intentHistory = [
          { intent: 'order-status', confidence: 0.8, turn: 1, at: '2026-03-02T10:00:00Z', text: 'where is my order' },
          { intent: 'device-wont-power-on', confidence: 0.7, turn: 3, at: '2026-03-02T10:01:00Z' },
          { intent: 'device-error-code', confidence: 0.9, turn: 5, at: '2026-03-02T10:02:00Z' },
        ];
        state.intent = { id: 'device-error-code', confidence: 0.9 };
        state.rejectedIntents = ['device-wont-power-on'];
      }),
      catalog,
    );
    assert.deepEqual(
      view.earlierIntents.map((entry) => [entry.id, entry.rejected]),
      [
        ['device-wont-power-on', true],
        ['order-status', false],
      ],
    );
    assert.equal(view.earlierIntents[1]?.text, 'where is my order');
  });

  it('without a language model, suggests the next question and carries the instructions of every level as guidance, the most specific last', () => {
    const view = buildView(conversation((state) => (state.intent = { id: 'order-status', confidence: 0.9 })), catalog);
    assert.equal(view.responses.source, 'derived');
    assert.match(view.responses.items[0] ?? '', /order number/);
    assert.deepEqual(view.responses.guidance?.split('\n'), [catalog.library.instructions, catalog.intent('order-status')?.instructions]);
    assert.match(view.responses.guidance ?? '', /^Greet the customer by name.*\n.*carrier/);
    const locked = buildView(conversation((state) => (state.intent = { id: 'account-locked', confidence: 0.9 })), catalog);
    assert.deepEqual(locked.responses.guidance?.split('\n'), [
      catalog.library.instructions,
      'Verify the customer\'s identity before changing or disclosing anything on the account.',
      catalog.intent('account-locked')?.instructions,
    ]);
  });

  it('has nothing to suggest before an intent is known', () => {
    const view = buildView(conversation(() => undefined), catalog);
    assert.deepEqual([view.intent, view.questions, view.responses.items], [null, [], []]);
  });
});

describe('work on one conversation runs in order', () => {
  it('runs tasks for one key one after another, and other keys alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run('a', async () => {
      await gate;
      log.push('a1');
    });
    const second = queue.run('a', async () => {
      log.push('a2');
    });
    await queue.run('b', async () => {
      log.push('b1');
    });
    release();
    await Promise.all([first, second]);
    assert.deepEqual(log, ['b1', 'a1', 'a2']);
  });

  it('a failed task does not stop the ones queued after it', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ran');
    await assert.rejects(failed, /boom/);
    assert.equal(await next, 'ran');
  });
});
