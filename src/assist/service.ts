import type { Logger } from 'pino';
import type { Command } from '../engine/commands.js';
import type { ConversationReference } from '../engine/conversation-reference.js';
import type { ConversationChange, ConversationService, TurnResult } from '../engine/conversations.js';
import { CustomerUnreachableError, type DeliveryOutcome } from '../engine/delivery.js';
import { CommandError, DuplicateMessageError } from '../engine/errors.js';
import { intentView } from '../engine/insight.js';
import { KeyedQueue } from '../engine/keyed-queue.js';
import type { ConversationState, Turn } from '../engine/state.js';
import type { Catalog } from '../library/catalog.js';
import { DeadlineExceededError, withDeadline } from '../text/deadline.js';
import { DeliveryFailedError, type CustomerChannel } from './customer-channel.js';
import { InProcessEventBus, type AssistEvent, type EventBus } from './events.js';
import type { FeedbackInput, HandoffInput, MessageInput, ReplyInput } from './schemas.js';
import { suggestResponses, type ResponseSuggester } from './suggestions.js';
import { buildView, type AssistView, type DeliveryView } from './view.js';

/** How many of the newest conversations a list filtered by intent looks through. */
const FILTER_SCAN = 2000;

export const DEFAULT_CHANNEL = 'assist-api';

const REMEMBERED_VIEWS = 500;
/** A channel that has not taken a reply by then is reported as not delivered (the reply may still arrive). */
const DELIVERY_TIMEOUT_MS = 10_000;

/** A request that names something that does not exist or cannot apply, with the status and code the API answers. */
export class AssistRequestError extends Error {
  override name = 'AssistRequestError';
  constructor(
    readonly status: 400 | 404 | 409 | 503,
    readonly code: 'BadArgument' | 'NotFound' | 'Unreachable' | 'Unavailable',
    message: string,
  ) {
    super(message);
  }
}

export interface MessageOutcome {
  duplicate: boolean;
  view: AssistView;
}

/**
 * What came of a representative's reply: delivered to the customer, or not and why. For a message id seen before,
 * what the conversation recorded then (null when it holds no delivery under that id any more, or never did).
 */
export interface ReplyOutcome {
  duplicate: boolean;
  delivery: DeliveryView | null;
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

export interface AssistDeps {
  conversations: ConversationService;
  live(): { catalog: Catalog };
  suggester: ResponseSuggester | null;
  logger: Logger;
  /** Where changes are published for open pages; by default to this process's streams only. */
  events?: EventBus;
  now?: () => Date;
}

/**
 * The assisted-service use cases: messages streamed in by the contact-center platform, hand-off, reject-intent and
 * search-again are engine commands; this service words their outcome as the representative's view. Every change of
 * a conversation, from any edge (the assist API, Web Chat, Teams, the skill), is published to its open pages, in order.
 */
export class AssistService {
  /** The bus the streams of open pages subscribe to. */
  readonly events: EventBus;
  private readonly publishing = new KeyedQueue();
  /** The views being built for the latest changes (a few hundred conversations), so an answer and its event share one. */
  private readonly latest = new Map<string, { etag: string; view: Promise<AssistView> }>();
  private readonly now: () => Date;

  constructor(private readonly deps: AssistDeps) {
    this.now = deps.now ?? (() => new Date());
    this.events = deps.events ?? new InProcessEventBus();
    deps.conversations.observe((change) => this.changed(change));
  }

  async postMessage(conversationId: string, message: MessageInput): Promise<MessageOutcome> {
    const turn: Turn = {
      role: message.role === 'customer' ? 'customer' : 'agent',
      text: message.text,
      at: message.at ?? this.now().toISOString(),
      messageId: message.id,
    };
    try {
      const result = await this.deps.conversations.turn(conversationId, turn, { channel: message.channel ?? DEFAULT_CHANNEL, phase: 'assisted' });
      return { duplicate: false, view: await this.viewOf(result) };
    } catch (error) {
      if (!(error instanceof DuplicateMessageError)) throw error;
      return { duplicate: true, view: await this.view(conversationId) };
    }
  }

  async handoff(conversationId: string, input: HandoffInput): Promise<AssistView> {
    const command: Command = { kind: 'handoff', ...(input.reason ? { reason: input.reason } : {}), ...(input.attributes ? { carried: input.attributes } : {}) };
    const result = await this.run(conversationId, command, input.channel);
    if (input.reason) this.deps.logger.info({ conversationId, reason: input.reason }, 'conversation handed to a representative');
    return this.viewOf(result);
  }

  /**
   * The representative's reply, delivered to the customer through `channel` (the page's Send): recorded in the
   * conversation as sending, handed to the channel, and recorded again as delivered or failed. A message id seen
   * before is not delivered again. Messages the platform streams in through postMessage are never delivered here.
   */
  async reply(conversationId: string, input: ReplyInput, channel: CustomerChannel): Promise<ReplyOutcome> {
    let sent: TurnResult;
    try {
      sent = await this.run(conversationId, { kind: 'representative-reply', turn: { messageId: input.id, text: input.text, at: this.now().toISOString() } });
    } catch (error) {
      if (!(error instanceof DuplicateMessageError)) throw error;
      const view = await this.view(conversationId);
      return { duplicate: true, delivery: deliveryIn(view, input.id), view };
    }
    const reference = sent.state.conversationReference;
    if (!reference) throw new Error('a reply was taken for a conversation without a reference');
    const outcome = await this.deliver(channel, reference, input.text, { conversationId, messageId: input.id });
    const view = await this.viewOf(await this.run(conversationId, { kind: 'reply-delivered', messageId: input.id, outcome }));
    return { duplicate: false, delivery: outcome.delivered ? { status: 'delivered' } : { status: 'failed', reason: outcome.reason }, view };
  }

  /** The representative hands the conversation back to self-service: the bot answers the customer again. */
  async handBack(conversationId: string): Promise<AssistView> {
    return this.viewOf(await this.run(conversationId, { kind: 'hand-back' }));
  }

  /** The representative says the intent is wrong: it is never suggested again here; the next best one takes its place. */
  async rejectIntent(conversationId: string, intentId: string): Promise<AssistView> {
    return this.viewOf(await this.run(conversationId, { kind: 'reject-intent', intentId }));
  }

  /** The representative rates how self-service understood the conversation; a thumbs-down makes its customer turns misses. */
  async feedback(conversationId: string, input: FeedbackInput): Promise<AssistView> {
    return this.viewOf(await this.run(conversationId, { kind: 'feedback', rating: input.rating, ...(input.note ? { note: input.note } : {}) }));
  }

  async searchAgain(conversationId: string, query?: string): Promise<AssistView> {
    return this.viewOf(await this.run(conversationId, { kind: 'search-again', ...(query ? { query } : {}) }));
  }

  async view(conversationId: string): Promise<AssistView> {
    const state = await this.deps.conversations.get(conversationId);
    if (!state) throw new AssistRequestError(404, 'NotFound', `no conversation "${conversationId}" is stored`);
    return buildView(state, this.deps.live().catalog);
  }

  async active(since: Date, limit: number, intentId?: string): Promise<ActiveConversation[]> {
    const { catalog } = this.deps.live();
    const now = this.now().getTime();
    // With an intent (the insights page links to it), among the newest FILTER_SCAN conversations of the window.
    const states = intentId === undefined ? await this.deps.conversations.listActive(since, limit) : (await this.deps.conversations.listActive(since, FILTER_SCAN)).filter((state) => (state.intent?.id ?? '') === intentId).slice(0, limit);
    return states.map((state) => {
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

  private async run(conversationId: string, command: Command, channel = DEFAULT_CHANNEL): Promise<TurnResult> {
    try {
      return await this.deps.conversations.apply(conversationId, command, { channel, phase: 'assisted' });
    } catch (error) {
      if (error instanceof CustomerUnreachableError) throw new AssistRequestError(409, 'Unreachable', error.message);
      throw error instanceof CommandError ? requestError(error) : error;
    }
  }

  private async deliver(channel: CustomerChannel, reference: ConversationReference, text: string, about: { conversationId: string; messageId: string }): Promise<DeliveryOutcome> {
    try {
      await withDeadline(DELIVERY_TIMEOUT_MS, () => channel.deliver(reference, text));
      return { delivered: true };
    } catch (error) {
      this.deps.logger.warn({ err: error, ...about, channel: reference.channelId }, 'a reply was not delivered to the customer');
      return { delivered: false, reason: failureReason(error) };
    }
  }

  /** Builds the view of a change (with suggested responses for its insight) and publishes it after the ones before it. */
  private changed({ conversationId, result, command }: ConversationChange): void {
    const view = this.publishing.run(conversationId, async () => {
      const { catalog } = this.deps.live();
      const responses = await suggestResponses(result.state, result.insight, catalog, this.deps.suggester, this.deps.logger);
      const built = buildView(result.state, catalog, responses);
      // The change is stored whatever becomes of its event: a page that misses it gets the view when it reconnects.
      await this.events
        .publish(conversationId, { cause: causeOf(command), view: built })
        .catch((error: unknown) => this.deps.logger.error({ err: error, conversationId }, 'could not publish a conversation change'));
      return built;
    });
    view.catch((error: unknown) => this.deps.logger.error({ err: error, conversationId }, 'could not build the view of a conversation change'));
    this.latest.delete(conversationId);
    this.latest.set(conversationId, { etag: result.etag, view });
    for (const oldest of this.latest.keys()) {
      if (this.latest.size <= REMEMBERED_VIEWS) break;
      this.latest.delete(oldest);
    }
  }

  private viewOf(result: TurnResult): Promise<AssistView> {
    const latest = this.latest.get(result.state.conversationId);
    if (latest?.etag === result.etag) return latest.view;
    return Promise.resolve(buildView(result.state, this.deps.live().catalog));
  }
}

function causeOf(command: Command): AssistEvent['cause'] {
  switch (command.kind) {
    case 'message':
      return command.turn.messageId ? { kind: 'message', messageId: command.turn.messageId } : { kind: 'message' };
    case 'representative-reply':
      return { kind: 'representative-reply', messageId: command.turn.messageId };
    case 'reply-delivered':
      return { kind: 'reply-delivered', messageId: command.messageId };
    default:
      return { kind: command.kind };
  }
}

function failureReason(error: unknown): string {
  if (error instanceof DeliveryFailedError) return error.message;
  if (error instanceof DeadlineExceededError) return `the channel did not confirm it within ${DELIVERY_TIMEOUT_MS / 1000} s; it may still arrive`;
  return "the customer's channel could not be reached; the details are in the service log";
}

function deliveryIn(view: AssistView, messageId: string): DeliveryView | null {
  return view.turns.findLast((turn) => turn.messageId === messageId)?.delivery ?? null;
}

function requestError(error: CommandError): AssistRequestError {
  switch (error.code) {
    case 'unknown-conversation':
      return new AssistRequestError(404, 'NotFound', error.message);
    case 'search-unavailable':
      return new AssistRequestError(503, 'Unavailable', error.message);
    case 'unknown-intent':
    case 'nothing-to-search':
      return new AssistRequestError(400, 'BadArgument', error.message);
  }
}
