import { engineDeps } from '../app/app.js';
import { ConversationService } from '../engine/conversations.js';
import type { EngineDeps } from '../engine/deps.js';
import type { Insight } from '../engine/insight.js';
import type { ConversationStore } from '../engine/store.js';
import type { Catalog } from '../library/catalog.js';
import type { AttributeExtractor, AttributeValue, IntentRanker } from '../nlu/types.js';
import { OUT_OF_SCOPE_INTENT, type LabelledAgentTurn, type LabelledConversation, type LabelledCustomerTurn } from './labelled-conversations.js';

/** The understanding of one library as the service builds it (src/app/app.ts): its catalog, the ranker and the extractor. */
export interface ReplayUnderstanding {
  catalog: Catalog;
  ranker: IntentRanker;
  extractor: AttributeExtractor;
  defaultRegion?: string;
}

export interface TakenValue {
  attribute: string;
  value: AttributeValue;
  /** The words it was taken from. */
  text: string;
}

export interface ReplayedCustomerTurn {
  role: 'customer';
  gold: LabelledCustomerTurn;
  /** The engine's active intent after the turn, "none" when it has none. */
  intent: string;
  /** The insight's status after the turn (a string: statuses the engine adds later count as they come). */
  status: string;
  /** The values the engine took in this turn. */
  values: TakenValue[];
}

export interface ReplayedAgentTurn {
  role: 'agent';
  gold: LabelledAgentTurn;
  /** The attributes of the engine's next questions just before this turn, in its order. */
  proposed: string[];
}

export type ReplayedTurn = ReplayedCustomerTurn | ReplayedAgentTurn;

export interface ReplayedConversation {
  conversationId: string;
  /** The time the engine's clock read during the replay; relative dates are read against it. */
  reference: Date;
  turns: ReplayedTurn[];
}

/** A widened status, so the checks for statuses the engine does not produce yet (`handoff`, `ended`) compile today. */
function statusOf(insight: Insight): string {
  return insight.status;
}

/**
 * Replays labelled conversations through the engine's conversation service, the one writer, as the representative's
 * view would see them: phase `assisted`, customer turns as the customer's messages and agent turns as the
 * representative's (role `agent`), so an answer binds to what was just asked. The clock reads the conversation's
 * reference date throughout, never the wall clock; there is no knowledge search (solutions are not measured).
 */
export class ConversationReplayer {
  private now = new Date(0);
  private readonly service: ConversationService;

  constructor(store: ConversationStore, understanding: ReplayUnderstanding) {
    const deps: EngineDeps = engineDeps({
      catalog: understanding.catalog,
      ranker: understanding.ranker,
      extractor: understanding.extractor,
      search: null,
      now: () => this.now,
      ...(understanding.defaultRegion ? { defaultRegion: understanding.defaultRegion } : {}),
    });
    this.service = new ConversationService(store, () => deps);
  }

  /** Replays one conversation; its id must not be stored yet (each replay starts a fresh conversation). */
  async replay(conversation: LabelledConversation, reference: Date): Promise<ReplayedConversation> {
    this.now = reference;
    const start = { channel: 'evaluation', phase: 'assisted' } as const;
    const turns: ReplayedTurn[] = [];
    let proposed: string[] = [];
    for (const gold of conversation.turns) {
      if (gold.role === 'agent') {
        turns.push({ role: 'agent', gold, proposed });
        const { insight } = await this.service.turn(conversation.conversationId, { role: 'agent', text: gold.text }, start);
        proposed = insight.nextQuestions.map((question) => question.attribute);
        continue;
      }
      const { insight } = await this.service.turn(conversation.conversationId, { role: 'customer', text: gold.text }, start);
      proposed = insight.nextQuestions.map((question) => question.attribute);
      turns.push({
        role: 'customer',
        gold,
        intent: insight.intent?.id ?? OUT_OF_SCOPE_INTENT,
        status: statusOf(insight),
        values: insight.answered.map((answer) => ({ attribute: answer.name, value: answer.value, text: answer.text })),
      });
    }
    return { conversationId: conversation.conversationId, reference, turns };
  }
}
