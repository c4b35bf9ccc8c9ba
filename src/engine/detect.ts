import type { IntentDecision } from '../nlu/types.js';
import { decideAmongKnown, engineOptions, type EngineDeps } from './deps.js';
import { intentView, type IntentView } from './insight.js';
import { cleanText } from './step.js';

export interface Detection {
  decision: IntentDecision;
  /** The chosen intent, when one is clear. */
  intent: IntentView | null;
  /** Runner-up intents, best first; the two a clarification is about come first. */
  candidates: IntentView[];
}

/**
 * Ranks one text the way a customer turn is ranked (the same ranker and decision, Azure OpenAI included when
 * configured), leaving out intents the conversation rejected. Reads nothing and changes nothing.
 */
export async function detectIntent(text: string, rejected: readonly string[], deps: EngineDeps, candidates: number): Promise<Detection> {
  const options = engineOptions(deps);
  const classification = await deps.ranker.classify(cleanText(text, options.maxUnderstoodChars), candidates + 2 + rejected.length, rejected);
  const { known, decision } = decideAmongKnown(classification, rejected, deps);
  const chosen = decision.kind === 'intent' ? intentView(decision.intent, decision.confidence, deps.catalog) : null;
  const between = decision.kind === 'clarify' ? decision.between.map((score) => score.intent) : [];
  return {
    decision,
    intent: chosen,
    candidates: known
      .filter((score) => score.intent !== chosen?.id && !rejected.includes(score.intent))
      .sort((a, b) => Number(between.includes(b.intent)) - Number(between.includes(a.intent)))
      .slice(0, candidates + 1)
      .map((score) => intentView(score.intent, score.confidence, deps.catalog))
      .filter((view): view is IntentView => view !== null),
  };
}
