import { metrics, type Meter } from '@opentelemetry/api';
import type { OutcomeRecorder } from '../insights/rollup.js';

/**
 * The insights' OpenTelemetry counters, recorded at roll-up and exported wherever the process's meter provider sends
 * them (Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set: src/app/telemetry.ts; nowhere without
 * one). A conversation counts once when it is first seen over (contained or handed off); thumbs-down and out-of-scope
 * turns added later, and a hand-off after a conversation had been counted as contained, count as they come.
 * Attributes: `intent` and `group` ("none" without one), `channel`, and `kind` on hand-offs.
 */
export function outcomeMetrics(meter: Meter = metrics.getMeter('intent-skill')): OutcomeRecorder {
  const conversations = meter.createCounter('intent_skill.conversations', { description: 'Conversations over (contained or handed off), by intent' });
  const contained = meter.createCounter('intent_skill.contained', { description: 'Conversations contained in self-service, by intent' });
  const handedOff = meter.createCounter('intent_skill.handed_off', { description: 'Conversations handed to a person, by intent and kind' });
  const outOfScope = meter.createCounter('intent_skill.out_of_scope', { description: 'Customer turns that ended out of scope, by intent' });
  const thumbsDown = meter.createCounter('intent_skill.thumbs_down', { description: "Representatives' thumbs-down, by intent" });
  return {
    changed(previous, next) {
      const attributes = { intent: next.intentId ?? 'none', group: next.groupId ?? 'none', channel: next.channel };
      const wasOver = previous !== undefined && (previous.contained || previous.handedOff);
      const isOver = next.contained || next.handedOff;
      if (isOver && !wasOver) {
        conversations.add(1, attributes);
        if (next.contained) contained.add(1, attributes);
      }
      if (next.handedOff && !previous?.handedOff) handedOff.add(1, { ...attributes, kind: next.handoffKind ?? 'unrecorded' });
      added(outOfScope, previous?.outOfScopeTurns, next.outOfScopeTurns, attributes);
      added(thumbsDown, previous?.thumbsDown, next.thumbsDown, attributes);
    },
  };
}

function added(counter: ReturnType<Meter['createCounter']>, before: number | undefined, after: number, attributes: Record<string, string>): void {
  const more = after - (before ?? 0);
  if (more > 0) counter.add(more, attributes);
}
