import type { Logger } from 'pino';
import type { App } from '../app/app.js';
import { DuplicateMessageError } from '../engine/conversations.js';
import type { ConversationState, Turn } from '../engine/state.js';
import { intentView } from '../engine/step.js';
import { decideIntent } from '../nlu/decision.js';
import { updateWithRetry } from '../library/update.js';
import type { AssistEvent } from './events.js';
import { EventHub } from './events.js';
import { handOff } from './handoff.js';
import { KeyedQueue } from './keyed-queue.js';
import type { HandoffInput, MessageInput } from './schemas.js';
import { buildView, derivedResponses, insightOf, type AssistView, type SuggestedResponses } from './view.js';

export const DEFAULT_CHANNEL = 'assist-api';

/** A request that names something that does not exist or cannot apply: the route answers 404 or 400 with the message. */
export class AssistRequestError extends Error {
  override name = 'AssistRequestError';
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface MessageOutcome {
  duplicate: boolean;
  view: AssistView;
}

export interface ActiveConversation {
  conversationId: string;
  phase: ConversationState['phase'];
  escalated: boolean;
  intent: { id: string; name: string; groupName: string; confidence: number } | null;
  /** Seconds since the customer's last message when it is still unanswered, else 0. */
  waitSeconds: number;
  turnCount: number;
  updatedAt: string;
}

/**
 * The assisted-service side: messages streamed in by the contact-center platform run the engine's step, and every
 * change is published to the conversation's open pages. Work on one conversation is serialised in this process;
 * across processes the store's optimistic concurrency (with replay) keeps every message.
 */
export class AssistService {
  readonly hub = new EventHub();
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly app: App,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  postMessage(conversationId: string, message: MessageInput): Promise<MessageOutcome> {
    return this.queue.run(conversationId, async () => {
      const turn: Turn = {
        role: message.role === 'customer' ? 'customer' : 'agent',
        text: message.text,
        at: message.at ?? this.now().toISOString(),
        messageId: message.id,
      };
      let result;
      try {
        result = await this.app.service.turn(conversationId, turn, { channel: message.channel ?? DEFAULT_CHANNEL, phase: 'assisted' });
      } catch (error) {
        if (!(error instanceof DuplicateMessageError)) throw error;
        const stored = await this.app.service.get(conversationId);
        if (!stored) throw error;
        return { duplicate: true, view: buildView(stored, this.app.live().catalog) };
      }
      const view = await this.publish(result.state, { kind: 'message', messageId: message.id });
      return { duplicate: false, view };
    });
  }

  handoff(conversationId: string, input: HandoffInput): Promise<AssistView> {
    return this.queue.run(conversationId, async () => {
      const state = await handOff(this.app.conversations, conversationId, input.channel ?? DEFAULT_CHANNEL, this.now(), input.attributes);
      if (input.reason) this.logger.info({ conversationId, reason: input.reason }, 'conversation handed to a representative');
      return this.publish(state, { kind: 'handoff' });
    });
  }

  /** The representative says the intent is wrong: it is never suggested again here; the next best one takes its place. */
  rejectIntent(conversationId: string, intentId: string): Promise<AssistView> {
    return this.queue.run(conversationId, async () => {
      const { catalog, classifier } = this.app.live();
      if (!catalog.intent(intentId)) throw new AssistRequestError(400, `intent: "${intentId}" is not an intent of the library`);
      await this.existing(conversationId);
      const lastCustomerText = (state: ConversationState) => [...state.turns].reverse().find((turn) => turn.role === 'customer')?.text;
      const saved = await updateWithRetry(this.app.conversations, conversationId, (current) => {
        const state = structuredClone(current);
        if (!state.rejectedIntents.includes(intentId)) state.rejectedIntents.push(intentId);
        if (state.intent?.id !== intentId) return state;
        state.intent = null;
        state.clarifying = null;
        state.pending = null;
        state.solutions = [];
        state.query = null;
        state.updatedAt = this.now().toISOString();
        const text = lastCustomerText(state);
        if (text) {
          const decision = decideIntent(classifier.classify(text), { rejectedIntents: state.rejectedIntents });
          if (decision.kind === 'intent' && catalog.intent(decision.intent)) {
            state.intent = { id: decision.intent, confidence: decision.confidence };
            state.intentHistory.push({ intent: decision.intent, confidence: decision.confidence, turn: state.turnCount, at: state.updatedAt, text });
          }
        }
        const intent = state.intent ? catalog.intent(state.intent.id) : undefined;
        state.status = intent ? (intent.attributes.some((attribute) => attribute.required && !state.attributes[attribute.name]) ? 'need-info' : 'ready') : 'out-of-scope';
        return state;
      });
      const refreshed = saved.value.intent && saved.value.solutions.length === 0 ? await this.searched(conversationId) : saved.value;
      return this.publish(refreshed, { kind: 'reject-intent' });
    });
  }

  searchAgain(conversationId: string, query?: string): Promise<AssistView> {
    return this.queue.run(conversationId, async () => {
      await this.existing(conversationId);
      return this.publish(await this.searched(conversationId, query), { kind: 'search-again' });
    });
  }

  async view(conversationId: string): Promise<AssistView> {
    return buildView(await this.existing(conversationId), this.app.live().catalog);
  }

  async active(since: Date, limit: number): Promise<ActiveConversation[]> {
    const { catalog } = this.app.live();
    const now = this.now().getTime();
    return (await this.app.conversations.listActive(since, limit)).map((state) => {
      const last = state.turns.at(-1);
      const waiting = last?.role === 'customer' ? Math.max(0, Math.round((now - Date.parse(last.at ?? state.updatedAt)) / 1000)) : 0;
      const view = state.intent ? intentView(state.intent.id, state.intent.confidence, catalog) : null;
      return {
        conversationId: state.conversationId,
        phase: state.phase,
        escalated: state.escalated,
        intent: view ? { id: view.id, name: view.name, groupName: view.groupName, confidence: view.confidence } : null,
        waitSeconds: waiting,
        turnCount: state.turnCount,
        updatedAt: state.updatedAt,
      };
    });
  }

  private async existing(conversationId: string): Promise<ConversationState> {
    const state = await this.app.service.get(conversationId);
    if (!state) throw new AssistRequestError(404, `no conversation "${conversationId}" is stored`);
    return state;
  }

  private async searched(conversationId: string, query?: string): Promise<ConversationState> {
    const state = await this.existing(conversationId);
    const intent = state.intent ? this.app.live().catalog.intent(state.intent.id) : undefined;
    const text = query ?? state.query ?? intent?.solutionQuery ?? intent?.name ?? [...state.turns].reverse().find((turn) => turn.role === 'customer')?.text;
    if (!text) throw new AssistRequestError(400, 'query: there is nothing to search for yet; give a query');
    const solutions = await this.app.search.search({ text, ...(intent ? { intentId: intent.id } : {}), top: 3 });
    const saved = await updateWithRetry(this.app.conversations, conversationId, (current) => ({
      ...current,
      query: text,
      solutions: solutions.map(({ id, title, url, snippet, score, tags }) => ({ id, title, ...(url ? { url } : {}), snippet, score, tags })),
      updatedAt: this.now().toISOString(),
    }));
    return saved.value;
  }

  private async publish(state: ConversationState, cause: AssistEvent['cause']): Promise<AssistView> {
    const { catalog } = this.app.live();
    const view = buildView(state, catalog, await this.responses(state));
    this.hub.publish(state.conversationId, { cause, view });
    return view;
  }

  private async responses(state: ConversationState): Promise<SuggestedResponses> {
    const { catalog } = this.app.live();
    const derived = derivedResponses(state, catalog);
    if (!this.app.suggester || !state.intent) return derived;
    try {
      const items = await this.app.suggester.suggest(state, insightOf(state, catalog));
      return { ...derived, source: 'model', items };
    } catch (error) {
      this.logger.warn({ err: error, conversationId: state.conversationId }, 'suggested responses failed; showing derived ones');
      return derived;
    }
  }
}
