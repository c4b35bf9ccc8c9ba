import { newConversationState, type ConversationState, type HandoffKind } from '../engine/state.js';
import type { Intent, IntentLibrary } from '../library/schema.js';
import { Random } from '../text/random.js';
import { DEMO_POPULARITY } from './popularity.js';

export interface ConversationStatesOptions {
  library: IntentLibrary;
  count: number;
  seed: number;
  /** The first day (UTC midnight); conversations spread evenly at random over `days` days from it. */
  start: Date;
  days: number;
  /** Intents whose containment falls by 40% from `dropFrom` (for the page's "containment dropped"); default: 3 picked by the seed. */
  dropping?: readonly string[];
  /** When their containment falls; default the last 7 days. */
  dropFrom?: Date;
}

const CHANNELS = ['webchat', 'msteams', 'skill'];
const CHANNEL_WEIGHTS = [5, 3, 2];
const NO_INTENT_SHARE = 0.06;
const DAY_MS = 86_400_000;

/**
 * Conversation states as self-service leaves them, for the insights' demo, page test and benchmark (never written to a
 * service's store by the product: the engine is the only writer there). Every intent of the library appears, by the
 * demo's popularity; each intent has its own containment, hand-offs carry their kind, and a few intents lose
 * containment in the last week. The same options always give the same states.
 */
export function* conversationStates(options: ConversationStatesOptions): Generator<ConversationState> {
  const intents = options.library.intents.filter((intent) => intent.status !== 'discarded');
  if (intents.length === 0) throw new RangeError(`library "${options.library.id}" has no intent that is not discarded`);
  const weights = intents.map((intent) => DEMO_POPULARITY[intent.id] ?? 1);
  const setup = new Random(options.seed);
  const containment = new Map(intents.map((intent) => [intent.id, 0.45 + setup.float() * 0.4]));
  const dropping = new Set(options.dropping ?? setup.shuffle(intents).slice(0, 3).map((intent) => intent.id));
  const dropFrom = options.dropFrom?.getTime() ?? options.start.getTime() + (options.days - 7) * DAY_MS;
  for (let index = 0; index < options.count; index += 1) {
    const random = Random.forItem(options.seed, index);
    const created = options.start.getTime() + Math.floor(random.float() * options.days * DAY_MS);
    // Every intent at least once while there are conversations enough, then by popularity.
    const intent = index < intents.length ? intents[index]! : random.chance(NO_INTENT_SHARE) ? null : random.weighted(intents, weights);
    let rate = intent ? (containment.get(intent.id) ?? 0.6) : 0.3;
    if (intent && dropping.has(intent.id) && created >= dropFrom) rate *= 0.6;
    yield stateOf(`demo-${options.seed}-${index}`, random, intent, created, rate);
  }
}

function stateOf(id: string, random: Random, intent: Intent | null, created: number, containmentRate: number): ConversationState {
  const state = newConversationState(id, random.weighted(CHANNELS, CHANNEL_WEIGHTS), new Date(created));
  const contained = random.chance(containmentRate);
  const turns = random.int(2, 10);
  state.turnCount = turns;
  state.updatedAt = new Date(created + turns * 40_000).toISOString();
  state.outOfScopeTurns = intent ? (random.chance(0.08) ? 1 : 0) : random.int(1, 3);
  state.clarifyTurns = intent && random.chance(0.1) ? 1 : 0;
  if (intent) {
    state.intent = { id: intent.id, confidence: 0.6 + random.float() * 0.4 };
    state.intentHistory = [{ intent: intent.id, confidence: state.intent.confidence, turn: 1, at: new Date(created).toISOString() }];
    const asked = intent.attributes.slice(0, random.int(0, Math.min(3, intent.attributes.length)));
    state.asked = asked.map((attribute) => attribute.name);
    for (const attribute of asked) {
      if (contained || random.chance(0.6)) state.attributes[attribute.name] = { value: 'x', text: 'x', confidence: 0.9, turn: 2, source: 'self-service' };
      else if (random.chance(0.5)) state.declined.push(attribute.name);
    }
  }
  if (contained) {
    state.status = random.chance(0.7) ? 'ended' : intent ? 'ready' : 'out-of-scope';
    return state;
  }
  const kind: HandoffKind = intent ? random.weighted(['asked', 'gave-up', 'caller'] as const, [5, 3, 2]) : random.chance(0.7) ? 'out-of-scope' : 'asked';
  state.phase = 'assisted';
  state.escalated = true;
  state.status = 'handoff';
  state.handoff = { at: state.updatedAt, kind };
  if (random.chance(0.12)) state.feedback = [{ at: state.updatedAt, turn: turns, rating: 'down' }];
  return state;
}
