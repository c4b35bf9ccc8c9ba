import assert from 'node:assert/strict';
import { MeterProvider, MetricReader, type DataPoint } from '@opentelemetry/sdk-metrics';
import { outcomeMetrics } from '../../src/app/insight-metrics.js';
import type { Outcome } from '../../src/insights/outcome.js';

/** Collects on demand: what an exporter would send next. */
class InMemoryReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

function outcome(change: Partial<Outcome> = {}): Outcome {
  return {
    conversationId: 'c1',
    day: '2026-11-02',
    channel: 'webchat',
    intentId: 'order-status',
    groupId: 'orders',
    contained: false,
    handedOff: false,
    handoffKind: null,
    outOfScopeTurns: 0,
    clarifyTurns: 0,
    thumbsDown: 0,
    turns: 2,
    unanswered: [],
    ...change,
  };
}

describe('the insights counters in OpenTelemetry', () => {
  let reader: InMemoryReader;
  let provider: MeterProvider;

  beforeEach(() => {
    reader = new InMemoryReader();
    provider = new MeterProvider({ readers: [reader] });
  });
  afterEach(async () => provider.shutdown());

  /** metric name -> [attributes as JSON, value] of each data point. */
  async function collected(): Promise<Record<string, Array<[string, number]>>> {
    const { resourceMetrics } = await reader.collect();
    const out: Record<string, Array<[string, number]>> = {};
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) {
        out[metric.descriptor.name] = (metric.dataPoints as Array<DataPoint<number>>).map((point) => [JSON.stringify(point.attributes), point.value]);
      }
    }
    return out;
  }

  it('counts a conversation once when it is over, with its intent and group, and a later hand-off with its kind', async () => {
    const recorder = outcomeMetrics(provider.getMeter('test'));
    const going = outcome({ outOfScopeTurns: 1 });
    recorder.changed(undefined, going);
    const contained = outcome({ outOfScopeTurns: 1, contained: true, thumbsDown: 1 });
    recorder.changed(going, contained);
    recorder.changed(contained, outcome({ outOfScopeTurns: 3, handedOff: true, handoffKind: 'asked', thumbsDown: 1 }));
    const where = JSON.stringify({ intent: 'order-status', group: 'orders', channel: 'webchat' });
    const metrics = await collected();
    assert.deepEqual(metrics['intent_skill.conversations'], [[where, 1]]);
    assert.deepEqual(metrics['intent_skill.contained'], [[where, 1]]);
    assert.deepEqual(metrics['intent_skill.handed_off'], [[JSON.stringify({ intent: 'order-status', group: 'orders', channel: 'webchat', kind: 'asked' }), 1]]);
    assert.deepEqual(metrics['intent_skill.out_of_scope'], [[where, 3]]);
    assert.deepEqual(metrics['intent_skill.thumbs_down'], [[where, 1]]);
  });

  it('names a conversation without an intent "none"', async () => {
    outcomeMetrics(provider.getMeter('test')).changed(undefined, outcome({ intentId: null, groupId: null, handedOff: true, handoffKind: 'out-of-scope' }));
    const metrics = await collected();
    assert.deepEqual(metrics['intent_skill.conversations'], [[JSON.stringify({ intent: 'none', group: 'none', channel: 'webchat' }), 1]]);
  });
});
