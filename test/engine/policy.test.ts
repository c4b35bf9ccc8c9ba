import assert from 'node:assert/strict';
import { attributeAskedIn } from '../../src/engine/agent-questions.js';
import { resolveClarification, trackIntent } from '../../src/engine/intent-tracking.js';
import { buildQuery } from '../../src/engine/query.js';
import { nextQuestions } from '../../src/engine/questions.js';
import type { KnownValue } from '../../src/engine/state.js';
import { intentSchema, type Intent } from '../../src/library/schema.js';
import type { Classification, IntentDecision } from '../../src/nlu/types.js';

const intent: Intent = intentSchema.parse({
  id: 'device-error-code',
  groupId: 'tech-support',
  name: 'Device error code',
  attributes: [
    { name: 'purchaseDate', type: 'date', question: 'When did you buy it?', weight: 0.3 },
    { name: 'errorCode', type: 'identifier', pattern: '^E\\d{2,3}$', question: 'Which error code does the screen show?', required: true, weight: 0.9 },
    { name: 'deviceType', type: 'enum', values: ['tv', 'laptop'], question: 'Which kind of device is it?', required: true, weight: 0.6 },
    { name: 'serialNumber', type: 'identifier', question: 'What is the serial number on the label?', weight: 0.5 },
  ],
  solutionQuery: 'error {errorCode} on {deviceType}',
});

function known(value: string): KnownValue {
  return { value, text: value, confidence: 0.9, turn: 1, source: 'self-service' };
}

const ranking = (pairs: Array<[string, number]>): Classification => ({
  ranking: pairs.map(([i, confidence]) => ({ intent: i, confidence })),
  outOfScopeScore: 0,
});

describe('follow-up question order', () => {
  it('asks required questions first, then by how often agents ask them', () => {
    const order = nextQuestions(intent, { attributes: {}, asked: [] }).map((q) => q.attribute);
    assert.deepEqual(order, ['errorCode', 'deviceType', 'serialNumber', 'purchaseDate']);
  });

  it('never re-asks an answered question', () => {
    const order = nextQuestions(intent, { attributes: { errorCode: known('E42') }, asked: ['errorCode'] }).map((q) => q.attribute);
    assert.deepEqual(order, ['deviceType', 'serialNumber', 'purchaseDate']);
  });

  it('puts a question the customer ignored after the ones never asked', () => {
    const order = nextQuestions(intent, { attributes: {}, asked: ['errorCode'] }).map((q) => q.attribute);
    assert.deepEqual(order, ['deviceType', 'serialNumber', 'purchaseDate', 'errorCode']);
  });

  it('offers enum values as choices', () => {
    const device = nextQuestions(intent, { attributes: {}, asked: [] }).find((q) => q.attribute === 'deviceType');
    assert.deepEqual(device?.values, ['tv', 'laptop']);
  });
});

describe('knowledge query', () => {
  it('fills the solution query template with known values and drops unknown ones', () => {
    assert.equal(buildQuery(intent, { errorCode: known('E42') }), 'error E42 on');
    assert.equal(buildQuery(intent, { errorCode: known('E42'), deviceType: known('tv') }), 'error E42 on tv');
  });

  it('falls back to the intent name and the searchable values', () => {
    const plain = { ...intent, solutionQuery: undefined };
    assert.equal(buildQuery(plain, { errorCode: known('E42'), purchaseDate: known('2026-01-02') }), 'Device error code E42');
  });
});

describe('intent hysteresis', () => {
  const current = { intent: { id: 'order-status', confidence: 0.8 } };

  it('switches to a clearly stronger intent', () => {
    const outcome = trackIntent(current, { kind: 'intent', intent: 'start-return', confidence: 0.85 }, ranking([['start-return', 0.85], ['order-status', 0.05]]), false);
    assert.deepEqual(outcome, { kind: 'set', intent: 'start-return', confidence: 0.85 });
  });

  it('keeps the current intent when the new one is only slightly ahead', () => {
    const outcome = trackIntent(current, { kind: 'intent', intent: 'start-return', confidence: 0.6 }, ranking([['start-return', 0.6], ['order-status', 0.4]]), false);
    assert.deepEqual(outcome, { kind: 'keep' });
  });

  it('keeps the current intent on a turn that answered the pending question', () => {
    const outcome = trackIntent(current, { kind: 'intent', intent: 'refund-status', confidence: 0.95 }, ranking([['refund-status', 0.95]]), true);
    assert.deepEqual(outcome, { kind: 'keep' });
  });

  it('keeps the current intent on an out-of-scope or ambiguous turn, and reports them when there is none', () => {
    const oos = { kind: 'out-of-scope', best: null } as const;
    assert.deepEqual(trackIntent(current, oos, ranking([]), false), { kind: 'keep' });
    assert.deepEqual(trackIntent({ intent: null }, oos, ranking([]), false), { kind: 'out-of-scope' });
    const clarify: IntentDecision = { kind: 'clarify', between: [{ intent: 'a', confidence: 0.4 }, { intent: 'b', confidence: 0.38 }] };
    assert.deepEqual(trackIntent(current, clarify, ranking([]), false), { kind: 'keep' });
    assert.deepEqual(trackIntent({ intent: null }, clarify, ranking([]), false), { kind: 'clarify', between: ['a', 'b'] });
  });

  it('resolves a clarification by ordinal or by the clearer of the two intents', () => {
    assert.equal(resolveClarification('the second one', ['a', 'b'], ranking([])), 'b');
    assert.equal(resolveClarification('1', ['a', 'b'], ranking([])), 'a');
    assert.equal(resolveClarification('I want my money back', ['a', 'b'], ranking([['b', 0.7], ['a', 0.1]])), 'b');
    assert.equal(resolveClarification('hmm', ['a', 'b'], ranking([['a', 0.3], ['b', 0.3]])), null);
  });
});

describe("the representative's questions", () => {
  it('recognizes which attribute a question asks for, in other words than the library', () => {
    assert.equal(attributeAskedIn('Could you tell me the error code shown on the screen?', intent.attributes)?.name, 'errorCode');
    assert.equal(attributeAskedIn('And what kind of device is this?', intent.attributes)?.name, 'deviceType');
    assert.equal(attributeAskedIn("What's the serial number?", intent.attributes)?.name, 'serialNumber');
  });

  it('reads the sentence that asks, and prefers the attribute the question is mostly about', () => {
    const priceMatch = intentSchema.parse({
      id: 'price-match',
      groupId: 'billing',
      name: 'Price match',
      attributes: [
        { name: 'competitorName', type: 'text', label: 'Store with the lower price', question: 'Where did you see the lower price?' },
        { name: 'lowerPrice', type: 'number', question: 'What is the lower price?' },
        { name: 'purchaseDate', type: 'date', question: 'When did you buy it?' },
        { name: 'serialNumber', type: 'identifier', question: 'What is the serial number? It is on the label.' },
      ],
    });
    assert.equal(attributeAskedIn('And what is the lower price?', priceMatch.attributes)?.name, 'lowerPrice');
    assert.equal(attributeAskedIn('Where did you see it cheaper? Which store was it?', priceMatch.attributes)?.name, 'competitorName');
    assert.equal(
      attributeAskedIn("The serial number is on the label or under Settings > About. Meanwhile, when did you buy them?", priceMatch.attributes)?.name,
      'purchaseDate',
    );
  });

  it('ignores statements and unrelated questions', () => {
    assert.equal(attributeAskedIn('I have reset the error code on our side.', intent.attributes), null);
    assert.equal(attributeAskedIn('How is the weather over there?', intent.attributes), null);
  });
});
