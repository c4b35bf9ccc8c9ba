import assert from 'node:assert/strict';
import type { LabelledAgentTurn, LabelledCustomerTurn } from '../../src/evaluation/labelled-conversations.js';
import type { ReplayedAgentTurn, ReplayedConversation, ReplayedCustomerTurn, TakenValue } from '../../src/evaluation/replay.js';
import { ratesOf, scoreConversation, type CustomerTurnJudgement } from '../../src/evaluation/scoring.js';

const reference = new Date('2026-03-02T12:00:00Z');

function customer(gold: Omit<LabelledCustomerTurn, 'role' | 'text'>, intent: string, status: string, values: TakenValue[] = []): ReplayedCustomerTurn {
  return { role: 'customer', gold: { role: 'customer', text: 'words', ...gold }, intent, status, values };
}
function agent(asks: string[] | undefined, proposed: string[]): ReplayedAgentTurn {
  const gold: LabelledAgentTurn = { role: 'agent', text: 'a question', ...(asks ? { asks } : {}) };
  return { role: 'agent', gold, proposed };
}
const taken = (attribute: string, value: string | number): TakenValue => ({ attribute, value, text: String(value) });
const replayed = (...turns: ReplayedConversation['turns']): ReplayedConversation => ({ conversationId: 'c', reference, turns });

describe('scoring a replayed conversation', () => {
  it('counts the active intent of every customer turn that has a gold one', () => {
    const { counts } = scoreConversation(
      replayed(customer({ intent: 'none' }, 'none', 'out-of-scope'), customer({ intent: 'order-status' }, 'missing-item', 'need-info'), customer({}, 'missing-item', 'need-info')),
    );
    assert.equal(counts.customerTurns, 3);
    assert.equal(counts.intentTurns, 2);
    assert.equal(counts.intentCorrect, 1);
    assert.equal(ratesOf(counts).intentAccuracy, 50);
  });

  it('credits a value taken in a later turn than it was stated, once, and misses what is never taken', () => {
    const score = scoreConversation(
      replayed(
        customer({ values: { orderNumber: 'BL-1234567', deliveryDate: '2026-03-01' } }, 'none', 'out-of-scope'),
        customer({ values: { missingItem: 'the cable' } }, 'missing-item', 'need-info', [taken('orderNumber', 'BL-1234567'), taken('missingItem', 'cable')]),
        customer({}, 'missing-item', 'need-info', [taken('orderNumber', 'BL-1234567')]),
      ),
    );
    assert.deepEqual([score.counts.goldValues, score.counts.predictedValues, score.counts.matchedValues], [3, 3, 1]);
    const [first, second, third] = score.judgements as CustomerTurnJudgement[];
    assert.deepEqual(first?.missed, [{ attribute: 'deliveryDate', value: '2026-03-01' }]);
    assert.deepEqual(second?.values.map((v) => v.right), [true, false]);
    assert.deepEqual(second?.missed, [{ attribute: 'missingItem', value: 'the cable' }]);
    assert.deepEqual(third?.values.map((v) => v.right), [false], 'the same value taken twice is right once');
    const rates = ratesOf(score.counts);
    assert.ok(Math.abs((rates.valuePrecision ?? 0) - 100 / 3) < 1e-9);
    assert.ok(Math.abs((rates.valueF1 ?? 0) - 100 / 3) < 1e-9);
  });

  it('never credits a value taken before it was stated', () => {
    const { counts } = scoreConversation(replayed(customer({}, 'x', 'ready', [taken('orderNumber', 'BL-1234567')]), customer({ values: { orderNumber: 'BL-1234567' } }, 'x', 'ready')));
    assert.equal(counts.matchedValues, 0);
    assert.equal(ratesOf(counts).valueF1, 0);
  });

  it('judges the first k next questions before an agent turn that asks for k attributes, and the re-asks among them', () => {
    const score = scoreConversation(
      replayed(
        customer({ values: { orderNumber: 'BL-1234567' } }, 'x', 'need-info'),
        agent(['email', 'phone'], ['orderNumber', 'email', 'phone']),
        agent(undefined, ['orderNumber']),
        agent(['phone'], []),
      ),
    );
    const { counts } = score;
    assert.deepEqual([counts.agentTurns, counts.askingTurns, counts.askedAttributes, counts.proposedQuestions, counts.questionHits, counts.reasks], [3, 2, 3, 2, 1, 1]);
    assert.deepEqual(score.judgements[1], {
      proposals: [
        { attribute: 'orderNumber', asked: false, reask: true },
        { attribute: 'email', asked: true, reask: false },
      ],
    });
    const rates = ratesOf(counts);
    assert.equal(rates.nextQuestionPrecision, 50);
    assert.ok(Math.abs((rates.nextQuestionRecall ?? 0) - 100 / 3) < 1e-9);
    assert.equal(rates.reaskRate, 50);
  });

  it('counts hand-offs and endings by the statuses handoff and ended, and status changes nobody asked for', () => {
    const score = scoreConversation(
      replayed(
        customer({ intent: 'x' }, 'x', 'handoff'),
        customer({ handoff: true }, 'x', 'handoff'),
        customer({ handoff: true }, 'x', 'ready'),
        customer({ end: true }, 'x', 'ended'),
        customer({}, 'x', 'ended'),
      ),
    );
    const { counts } = score;
    assert.deepEqual([counts.handoffTurns, counts.handoffsDetected, counts.unexpectedHandoffs], [2, 1, 1]);
    assert.deepEqual([counts.endTurns, counts.endsDetected, counts.unexpectedEnds], [1, 1, 0], 'a status that stays ended is no new ending');
    assert.equal(ratesOf(counts).handoffRecall, 50);
    assert.equal(ratesOf(counts).endRecall, 100);
    assert.equal(score.score, (100 + 50 + 100) / 3, 'the mean of intent accuracy, hand-off and end recall: nothing else applies');
  });

  it('has no rate where there is nothing to measure', () => {
    const rates = ratesOf(scoreConversation(replayed(agent(undefined, []))).counts);
    assert.deepEqual(Object.values(rates), Array(10).fill(null));
  });
});
