import assert from 'node:assert/strict';
import type { Bucket, BucketPlace } from '../../src/insights/bucket.js';
import { sumBucket } from '../../src/insights/bucket.js';
import type { Outcome } from '../../src/insights/outcome.js';
import type { InsightStore } from '../../src/insights/store.js';
import type { StoreFactory } from './contract.js';

export function sampleOutcome(conversationId: string, change: Partial<Outcome> = {}): Outcome {
  return {
    conversationId,
    day: '2026-11-02',
    channel: 'webchat',
    intentId: 'order.status',
    groupId: 'orders',
    contained: true,
    handedOff: false,
    handoffKind: null,
    outOfScopeTurns: 0,
    clarifyTurns: 0,
    thumbsDown: 0,
    turns: 4,
    unanswered: [],
    ...change,
  };
}

const place = (outcome: Outcome): BucketPlace => ({ day: outcome.day, channel: outcome.channel, intentId: outcome.intentId, groupId: outcome.groupId });

/** The behaviour every InsightStore backend must show. */
export function describeInsightStoreContract(name: string, factory: StoreFactory<InsightStore>): void {
  describe(`InsightStore contract: ${name}`, () => {
    let current: { store: InsightStore; close(): Promise<void> | void } | undefined;
    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      await current?.close();
    });
    const store = () => current!.store;

    it('gives back the outcomes stored, replacing a conversation\'s earlier one, and nothing for the others', async () => {
      await store().putOutcomes([sampleOutcome('a'), sampleOutcome('b/with slash?')]);
      await store().putOutcomes([sampleOutcome('a', { contained: false, handedOff: true, handoffKind: 'asked' })]);
      const found = await store().outcomes(['a', 'b/with slash?', 'never']);
      assert.deepEqual(
        found.sort((x, y) => x.conversationId.localeCompare(y.conversationId)),
        [sampleOutcome('a', { contained: false, handedOff: true, handoffKind: 'asked' }), sampleOutcome('b/with slash?')],
      );
    });

    it('lists the outcomes of one bucket only, following a conversation that moved', async () => {
      await store().putOutcomes([sampleOutcome('a'), sampleOutcome('b'), sampleOutcome('c', { intentId: null, groupId: null }), sampleOutcome('d', { day: '2026-11-03' })]);
      await store().putOutcomes([sampleOutcome('b', { intentId: 'refund', groupId: 'billing' })]);
      const ids = async (outcome: Outcome) => (await store().outcomesIn(place(outcome))).map((found) => found.conversationId).sort();
      assert.deepEqual(await ids(sampleOutcome('x')), ['a']);
      assert.deepEqual(await ids(sampleOutcome('x', { intentId: 'refund', groupId: 'billing' })), ['b']);
      assert.deepEqual(await ids(sampleOutcome('x', { intentId: null, groupId: null })), ['c']);
    });

    it('keeps buckets by day, replaces and removes them', async () => {
      const first = sumBucket(place(sampleOutcome('a')), [sampleOutcome('a')]) as Bucket;
      const other = sumBucket(place(sampleOutcome('d', { day: '2026-11-05', channel: 'teams' })), [sampleOutcome('d', { day: '2026-11-05', channel: 'teams' })]) as Bucket;
      await store().putBucket(first, first);
      await store().putBucket(other, other);
      const twice = sumBucket(first, [sampleOutcome('a'), sampleOutcome('b', { thumbsDown: 2, unanswered: ['orderNumber'] })]) as Bucket;
      await store().putBucket(first, twice);
      assert.deepEqual(await store().buckets('2026-11-01', '2026-11-04'), [twice]);
      assert.equal((await store().buckets('2026-11-01', '2026-11-30')).length, 2);
      assert.deepEqual(await store().buckets('2026-11-05', '2026-11-05'), [other]);
      await store().putBucket(first, null);
      await store().putBucket(first, null);
      assert.deepEqual(await store().buckets('2026-11-01', '2026-11-04'), []);
    });

    it('remembers when the last roll-up started', async () => {
      assert.equal(await store().lastRollup(), null);
      await store().setLastRollup('2026-11-02T10:00:00.000Z');
      await store().setLastRollup('2026-11-02T10:15:00.000Z');
      assert.equal(await store().lastRollup(), '2026-11-02T10:15:00.000Z');
    });
  });
}
