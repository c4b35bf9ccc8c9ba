import type { ConversationStore } from './store.js';
import { updateWithRetry } from '../library/update.js';
import type { Insight } from './insight.js';
import { newConversationState, type ConversationState, type Phase, type Turn } from './state.js';
import { step, type StepDeps } from './step.js';

/** The message was taken before (same message id): nothing was changed. */
export class DuplicateMessageError extends Error {
  override name = 'DuplicateMessageError';
  constructor(
    readonly conversationId: string,
    readonly messageId: string,
  ) {
    super(`message "${messageId}" of conversation "${conversationId}" was already taken`);
  }
}

export interface TurnResult {
  state: ConversationState;
  insight: Insight;
  etag: string;
}

/**
 * Runs the step against stored conversations: read, step, write with the etag read. When another
 * process or request wrote the conversation in between, the turn is replayed on the newer state,
 * so no update is lost. A turn whose message id the conversation already took throws DuplicateMessageError.
 */
export class ConversationService {
  constructor(
    private readonly store: ConversationStore,
    private readonly deps: () => StepDeps,
  ) {}

  async turn(conversationId: string, turn: Turn, start: { channel: string; phase?: Phase }): Promise<TurnResult> {
    let insight: Insight | undefined;
    const deps = this.deps();
    const saved = await updateWithRetry(
      this.store,
      conversationId,
      async (current) => {
        // Checked on the state being written, so a message delivered twice at once is still taken once.
        if (turn.messageId && current.messageIds.includes(turn.messageId)) throw new DuplicateMessageError(conversationId, turn.messageId);
        const result = await step(current, turn, deps);
        insight = result.insight;
        return result.state;
      },
      { create: () => newConversationState(conversationId, start.channel, deps.now(), start.phase) },
    );
    if (!insight) throw new Error('the step produced no insight');
    return { state: saved.value, insight, etag: saved.etag };
  }

  async get(conversationId: string): Promise<ConversationState | null> {
    return (await this.store.get(conversationId))?.value ?? null;
  }
}
