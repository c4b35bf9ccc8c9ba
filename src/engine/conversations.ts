import { DocumentNotFoundError, updateWithRetry } from '../library/update.js';
import { applyCommand, startsConversation, type Command } from './commands.js';
import type { EngineDeps } from './deps.js';
import { detectIntent, type Detection } from './detect.js';
import { CommandError, DuplicateMessageError } from './errors.js';
import type { Insight } from './insight.js';
import { KeyedQueue } from './keyed-queue.js';
import { newConversationState, type ConversationState, type Phase, type Turn } from './state.js';
import type { ConversationStore } from './store.js';

export interface TurnResult {
  state: ConversationState;
  insight: Insight;
  etag: string;
}

/** A change the service wrote: what was applied and what came of it. */
export interface ConversationChange {
  conversationId: string;
  command: Command;
  result: TurnResult;
}

/** How a conversation that does not exist yet starts: the channel it came through and its phase. */
export interface ConversationStart {
  channel: string;
  phase?: Phase;
}

/**
 * The only writer of conversation state. Every command runs as read, apply, write with the etag read; when another
 * process or request wrote the conversation in between, the command is replayed on the newer state, so no update is
 * lost. Commands for one conversation run one after another in this process (in arrival order), so a message
 * delivered twice is seen by the check that follows its original. A message whose id the conversation already took
 * throws DuplicateMessageError.
 */
export class ConversationService {
  private readonly queue = new KeyedQueue();
  private readonly observers: Array<(change: ConversationChange) => void> = [];

  constructor(
    private readonly store: ConversationStore,
    private readonly deps: () => EngineDeps,
  ) {}

  /** Applies a command; a message or a hand-off starts the conversation if it is new, other commands need it stored. */
  apply(conversationId: string, command: Command, start: ConversationStart): Promise<TurnResult> {
    return this.queue.run(conversationId, async () => {
      let insight: Insight | undefined;
      const deps = this.deps();
      const messageId = command.kind === 'message' ? command.turn.messageId : undefined;
      const create = startsConversation(command) ? { create: () => newConversationState(conversationId, start.channel, deps.now(), start.phase) } : {};
      const saved = await updateWithRetry(
        this.store,
        conversationId,
        async (current) => {
          // Checked on the state being written, so a message delivered twice at once is still taken once.
          if (messageId && current.messageIds.includes(messageId)) throw new DuplicateMessageError(conversationId, messageId);
          const result = await applyCommand(current, command, deps);
          insight = result.insight;
          return result.state;
        },
        create,
      ).catch((error: unknown) => {
        throw error instanceof DocumentNotFoundError ? unknownConversation(conversationId) : error;
      });
      if (!insight) throw new Error('the command produced no insight');
      const result = { state: saved.value, insight, etag: saved.etag };
      for (const observer of this.observers) observer({ conversationId, command, result });
      return result;
    });
  }

  /** Calls `observer` after every change this service writes, in the order of the writes of each conversation. */
  observe(observer: (change: ConversationChange) => void): void {
    this.observers.push(observer);
  }

  /** A customer's or representative's message. */
  turn(conversationId: string, turn: Turn, start: ConversationStart): Promise<TurnResult> {
    return this.apply(conversationId, { kind: 'message', turn }, start);
  }

  async get(conversationId: string): Promise<ConversationState | null> {
    return (await this.store.get(conversationId))?.value ?? null;
  }

  /** Conversations updated since the given time, newest first. */
  listActive(since: Date, limit: number): Promise<ConversationState[]> {
    return this.store.listActive(since, limit);
  }

  /** The intent of a text as a turn of this conversation would get it (its rejected intents left out); changes nothing. */
  async detect(text: string, conversationId: string | undefined, candidates: number): Promise<Detection> {
    const rejected = conversationId ? ((await this.get(conversationId))?.rejectedIntents ?? []) : [];
    return detectIntent(text, rejected, this.deps(), candidates);
  }

  /** The engine's view of the live library, for edges that word replies. */
  catalog(): EngineDeps['catalog'] {
    return this.deps().catalog;
  }
}

function unknownConversation(conversationId: string): CommandError {
  return new CommandError('unknown-conversation', `no conversation "${conversationId}" is stored`);
}
