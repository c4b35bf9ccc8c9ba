import { nextQuestions } from '../engine/questions.js';
import type { ConversationState } from '../engine/state.js';
import type { Catalog } from '../library/catalog.js';
import { resolveRoute, type Route } from '../library/routing.js';

/** A few lines for the representative: the intent, what is known, what is still missing, what was offered. */
export function handoffSummary(state: ConversationState, catalog: Catalog, reason?: string): string {
  const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
  const lines: string[] = [];
  if (intent && state.intent) {
    const group = catalog.group(intent.groupId)?.name;
    lines.push(`Intent: ${intent.name}${group ? ` (${group})` : ''}, ${Math.round(state.intent.confidence * 100)}% sure.`);
    const route = routeLine(resolveRoute(catalog, intent.id));
    if (route) lines.push(route);
  } else {
    lines.push('Intent: not detected yet.');
  }
  const known = Object.entries(state.attributes).map(([name, value]) => `${name} = ${value.text || String(value.value)}`);
  lines.push(`Known: ${known.length > 0 ? known.join('; ') : 'nothing yet'}.`);
  if (intent) {
    const missing = nextQuestions(intent, state).map((question) => question.attribute);
    if (missing.length > 0) lines.push(`Still to ask: ${missing.join(', ')}.`);
  }
  if (state.solutions.length > 0) lines.push(`Solutions offered: ${state.solutions.map((solution) => solution.title).join('; ')}.`);
  if (reason) lines.push(`Reason for the hand-off: ${reason}.`);
  lines.push(`${state.turnCount} turn${state.turnCount === 1 ? '' : 's'} so far.`);
  return lines.join('\n');
}

/** "Route: Billing & accounts, queue billing-payments, skills billing, payments, priority 2." when any of them is set. */
function routeLine(route: Route | null): string | undefined {
  if (!route) return undefined;
  const parts = [
    route.lineOfBusinessName,
    route.queue !== undefined ? `queue ${route.queue}` : undefined,
    route.skills.length > 0 ? `skills ${route.skills.join(', ')}` : undefined,
    route.priority !== undefined ? `priority ${route.priority}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? `Route: ${parts.join(', ')}.` : undefined;
}
