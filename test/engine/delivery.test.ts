import assert from 'node:assert/strict';
import { applyCommand, type Command } from '../../src/engine/commands.js';
import type { ConversationReference } from '../../src/engine/conversation-reference.js';
import { CustomerUnreachableError } from '../../src/engine/delivery.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { DuplicateMessageError } from '../../src/engine/errors.js';
import { newConversationState, type ConversationState } from '../../src/engine/state.js';
import { buildCatalog } from '../../src/library/catalog.js';
import { intentLibrarySchema } from '../../src/library/schema.js';
import { decideIntent } from '../../src/nlu/decision.js';

/** One intent with one required value: enough to see a question asked, a value kept and a status settled. */
const library = intentLibrarySchema.parse({
  schemaVersion: 1,
  id: 'fake',
  name: 'Fake support',
  locale: 'en-US',
  groups: [{ id: 'orders', name: 'Orders' }],
  intents: [
    {
      id: 'order-status',
      groupId: 'orders',
      name: 'Order status',
      examples: ['where is my order'],
      attributes: [
        { name: 'orderNumber', type: 'identifier', pattern: '\\bBL-\\d{7}\\b', question: 'What is your order number?', required: true, weight: 0.9 },
        { name: 'postcode', type: 'text', question: 'What is the delivery postcode?', weight: 0.3 },
      ],
    },
  ],
  updatedAt: '2026-11-01T00:00:00Z',
});

/** The clock moves a minute per reading, so each transition's time is its own. */
function fakeDeps(): EngineDeps {
  let minute = 0;
  return {
    catalog: buildCatalog(library),
    ranker: { classify: (text) => (/order/i.test(text) ? { ranking: [{ intent: 'order-status', confidence: 0.9 }], outOfScopeScore: 0 } : { ranking: [], outOfScopeScore: 1 }) },
    decide: (classification, rejected) => decideIntent(classification, { rejectedIntents: rejected }),
    extractor: {
      extract(text) {
        const order = /\bBL-\d{7}\b/.exec(text)?.[0];
        return order ? [{ attribute: 'orderNumber', value: order, text: order, confidence: 0.95 }] : [];
      },
    },
    search: { search: async () => [] },
    mask: (text) => text,
    now: () => new Date(Date.UTC(2026, 10, 20, 10, minute++)),
  };
}

const reference: ConversationReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.example/emea/',
  conversation: { id: 'a:1teams-conversation', tenantId: 'tenant-1', conversationType: 'personal' },
  user: { id: '29:customer', name: 'Dana' },
  bot: { id: '28:bot', name: 'Support' },
  locale: 'en-US',
};

async function run(state: ConversationState, deps: EngineDeps, ...commands: Command[]): Promise<ConversationState> {
  let current = state;
  for (const command of commands) current = (await applyCommand(current, command, deps)).state;
  return current;
}

const customer = (text: string): Command => ({ kind: 'message', turn: { role: 'customer', text } });
const reply = (messageId: string, text: string): Command => ({ kind: 'representative-reply', turn: { messageId, text } });

describe('delivering a representative reply and handing back, as pure transitions', () => {
  it("stores where the customer is reached as a copy, and leaves the state it was given as it was", async () => {
    const deps = fakeDeps();
    const before = newConversationState('c-1', 'msteams', deps.now());
    const given = structuredClone(reference);
    const after = await run(before, deps, { kind: 'conversation-reference', reference: given });
    assert.deepEqual(after.conversationReference, reference);
    given.serviceUrl = 'https://changed.example/';
    assert.equal(after.conversationReference?.serviceUrl, reference.serviceUrl);
    assert.equal(before.conversationReference, null);
  });

  it('refuses a reply to a customer it has no reference for, changing nothing', async () => {
    const deps = fakeDeps();
    const state = await run(newConversationState('c-2', 'assist-api', deps.now(), 'assisted'), deps, customer('where is my order?'));
    await assert.rejects(applyCommand(state, reply('r-1', 'Hello'), deps), (error: unknown) => error instanceof CustomerUnreachableError && /c-2/.test(error.message));
    await assert.rejects(applyCommand(state, { kind: 'hand-back' }, deps), CustomerUnreachableError);
  });

  it('takes over a self-service conversation with the first reply, reads the question it asks and marks it sending, once per id', async () => {
    const deps = fakeDeps();
    const state = await run(newConversationState('c-3', 'msteams', deps.now()), deps, { kind: 'conversation-reference', reference }, customer('where is my order?'));
    assert.equal(state.phase, 'self-service');
    const replied = await applyCommand(state, reply('r-1', 'Hi, I am Sam. Could you give me the delivery postcode?'), deps);
    const after = replied.state;
    assert.deepEqual([after.phase, after.escalated, after.handoff?.reason], ['assisted', true, 'a representative joined the conversation']);
    const sent = after.turns.at(-1);
    assert.deepEqual([sent?.role, sent?.messageId, sent?.delivery?.status], ['agent', 'r-1', 'sending']);
    assert.equal(sent?.delivery?.at, after.updatedAt);
    assert.equal(after.pending, 'postcode', "the customer's next answer binds to the question the representative asked");
    assert.deepEqual(after.messageIds, ['r-1']);
    await assert.rejects(applyCommand(after, reply('r-1', 'Hi, I am Sam.'), deps), DuplicateMessageError);
  });

  it('records a delivery as delivered, or failed with why; a reply it does not hold is left alone', async () => {
    const deps = fakeDeps();
    const sent = await run(newConversationState('c-4', 'msteams', deps.now()), deps, { kind: 'conversation-reference', reference }, reply('r-1', 'Hello'), reply('r-2', 'Are you there?'));
    const delivered = await run(sent, deps, { kind: 'reply-delivered', messageId: 'r-1', outcome: { delivered: true } });
    const failed = await run(delivered, deps, { kind: 'reply-delivered', messageId: 'r-2', outcome: { delivered: false, reason: 'the channel refused the message (HTTP 403)' } });
    const untouched = await run(failed, deps, { kind: 'reply-delivered', messageId: 'never-sent', outcome: { delivered: true } });
    assert.deepEqual(
      untouched.turns.map((turn) => [turn.messageId, turn.delivery?.status, turn.delivery?.reason]),
      [
        ['r-1', 'delivered', undefined],
        ['r-2', 'failed', 'the channel refused the message (HTTP 403)'],
      ],
    );
    assert.equal(untouched.turns[0]?.delivery?.at, delivered.updatedAt);
    assert.equal(untouched.turnCount, 2, 'recording a delivery is not a turn');
  });

  it('hands back to self-service keeping what is known, with the status settled again and nothing pending', async () => {
    const deps = fakeDeps();
    const handedOff = await run(
      newConversationState('c-5', 'msteams', deps.now()),
      deps,
      { kind: 'conversation-reference', reference },
      customer('where is my order?'),
      { kind: 'handoff', reason: 'the customer asked for a person' },
      reply('r-1', 'What is the delivery postcode?'),
    );
    assert.deepEqual([handedOff.phase, handedOff.escalated, handedOff.status, handedOff.pending], ['assisted', true, 'need-info', 'postcode']);
    const back = await run(handedOff, deps, { kind: 'hand-back' });
    assert.deepEqual([back.phase, back.escalated, back.status, back.pending, back.offer], ['self-service', false, 'need-info', null, null]);
    assert.equal(back.intent?.id, 'order-status');
    assert.deepEqual(back.handoff, handedOff.handoff, 'the last hand-off is still on record');

    const answered = await run(back, deps, customer('it is BL-4471220'));
    assert.equal(answered.attributes.orderNumber?.value, 'BL-4471220');
    assert.equal(answered.status, 'ready', 'the bot carries on from what it knows');
  });
});
