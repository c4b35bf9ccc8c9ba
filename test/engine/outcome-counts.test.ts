import assert from 'node:assert/strict';
import { demoConversations } from './demo-conversations.js';

describe('what a conversation records for the insights', function () {
  this.timeout(60_000);
  const demo = demoConversations('outcome');
  const { fresh } = demo;
  const talk = async (conversationId: string, ...texts: string[]) => (await demo.talk(conversationId, ...texts)).state;

  it('counts the customer turns that ended out of scope', async () => {
    const state = await talk(fresh(), 'What will the weather be like in Lisbon tomorrow?', 'and who won the match yesterday?', 'where is my order?');
    assert.equal(state.outOfScopeTurns, 2);
    assert.equal(state.clarifyTurns, 0);
  });

  it('neither counts nor keeps as a miss a greeting or "that\'s not what I meant"', async () => {
    const state = await talk(fresh(), 'hi there', 'where is my order BL-4471220?', "that's not what I asked");
    assert.equal(state.outOfScopeTurns, 0);
    assert.deepEqual(state.turns.filter((turn) => turn.missed).map((turn) => turn.text), []);
    const other = await talk(fresh(), 'What will the weather be like in Lisbon tomorrow?');
    assert.deepEqual(other.turns.filter((turn) => turn.missed).map((turn) => [turn.text, turn.missed]), [['What will the weather be like in Lisbon tomorrow?', 'out-of-scope']]);
  });

  it('records a customer still unhappy after the offer of a person as "gave-up"', async () => {
    const state = await talk(fresh(), 'where is my order BL-4471220?', 'this is useless', 'still useless');
    assert.equal(state.status, 'handoff');
    assert.equal(state.handoff?.kind, 'gave-up');
  });

  it('counts nothing for a conversation that went straight to its answer', async () => {
    const state = await talk(fresh(), 'where is my order?', "it's BL-4471220");
    assert.deepEqual([state.outOfScopeTurns, state.clarifyTurns, state.handoff], [0, 0, null]);
  });

  it('records a customer who asks for a person as "asked"', async () => {
    const state = await talk(fresh(), 'where is my order?', 'I want to talk to a person');
    assert.equal(state.handoff?.kind, 'asked');
  });

  it('records a customer who asks for a person after nothing fitted as "out-of-scope"', async () => {
    const state = await talk(fresh(), 'What will the weather be like in Lisbon tomorrow?', 'let me talk to a human');
    assert.equal(state.handoff?.kind, 'out-of-scope');
  });

  it('records a customer who accepts the person offered when the values could not be had as "gave-up"', async () => {
    const state = await talk(
      fresh(),
      'I want to make a warranty claim for my headphones',
      "I don't have the serial number, the label came off",
      'the left earcup crackles',
      "I bought them in a store, I don't have an order number",
      'yes please',
    );
    assert.equal(state.status, 'handoff');
    assert.equal(state.handoff?.kind, 'gave-up');
  });

  it('records a hand-off the caller makes as "caller"', async () => {
    const id = fresh();
    await talk(id, 'where is my order?');
    const { state } = await demo.app.conversations.apply(id, { kind: 'handoff', reason: 'the platform escalated' }, { channel: 'test' });
    assert.equal(state.handoff?.kind, 'caller');
  });
});
