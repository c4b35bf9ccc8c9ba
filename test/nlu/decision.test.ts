import assert from 'node:assert/strict';
import { DEFAULT_DECISION_OPTIONS, decideIntent } from '../../src/nlu/decision.js';
import type { Classification } from '../../src/nlu/types.js';

const classification = (outOfScopeScore: number, ...ranking: [string, number][]): Classification => ({
  ranking: ranking.map(([intent, confidence]) => ({ intent, confidence })),
  outOfScopeScore,
});

describe('intent decision', () => {
  it('takes the best intent when it is clearly ahead and in scope', () => {
    assert.deepEqual(decideIntent(classification(0.1, ['refund', 0.8], ['cancel_order', 0.1])), {
      kind: 'intent',
      intent: 'refund',
      confidence: 0.8,
    });
  });

  it('asks to clarify between the top two when they are close', () => {
    assert.deepEqual(decideIntent(classification(0.3, ['refund', 0.45], ['cancel_order', 0.4], ['order_status', 0.1])), {
      kind: 'clarify',
      between: [
        { intent: 'refund', confidence: 0.45 },
        { intent: 'cancel_order', confidence: 0.4 },
      ],
    });
  });

  it('says out-of-scope when the out-of-scope score reaches the threshold, keeping the best guess', () => {
    const result = decideIntent(classification(DEFAULT_DECISION_OPTIONS.outOfScopeThreshold, ['refund', 0.9]));
    assert.deepEqual(result, { kind: 'out-of-scope', best: { intent: 'refund', confidence: 0.9 } });
    assert.equal(decideIntent(classification(0.95, ['refund', 0.5], ['cancel_order', 0.45])).kind, 'out-of-scope');
  });

  it('leaves out the intents the customer rejected and renormalizes the rest', () => {
    const result = decideIntent(classification(0.2, ['refund', 0.5], ['cancel_order', 0.4], ['order_status', 0.05]), {
      rejectedIntents: ['refund'],
    });
    assert.equal(result.kind, 'intent');
    assert.ok(result.kind === 'intent');
    assert.equal(result.intent, 'cancel_order');
    assert.ok(Math.abs(result.confidence - 0.8) < 1e-12);
  });

  it('is out-of-scope with no best intent when every candidate was rejected or none exists', () => {
    assert.deepEqual(decideIntent(classification(0.1, ['refund', 0.9]), { rejectedIntents: ['refund'] }), {
      kind: 'out-of-scope',
      best: null,
    });
    assert.deepEqual(decideIntent(classification(1)), { kind: 'out-of-scope', best: null });
  });

  it('honours custom thresholds', () => {
    const close = classification(0.5, ['refund', 0.5], ['cancel_order', 0.3]);
    assert.equal(decideIntent(close).kind, 'intent');
    assert.equal(decideIntent(close, { clarifyMargin: 0.25 }).kind, 'clarify');
    assert.equal(decideIntent(close, { outOfScopeThreshold: 0.5 }).kind, 'out-of-scope');
  });

  it('decides on a single candidate without a runner-up', () => {
    assert.deepEqual(decideIntent(classification(0.2, ['refund', 0.6])), { kind: 'intent', intent: 'refund', confidence: 0.6 });
  });
});
