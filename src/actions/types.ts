import type { z } from 'zod';
import type { ConversationService } from '../engine/conversations.js';
import type { SolutionSearch } from '../knowledge/types.js';

/** What the actions use: the engine (the only writer of conversations, with the live library) and the knowledge search. */
export interface ActionServices {
  conversations: ConversationService;
  search: SolutionSearch;
}

/** A primitive field: Copilot Studio takes strings, numbers and booleans, never arrays or objects. */
export type ScalarField = z.ZodString | z.ZodNumber | z.ZodBoolean | z.ZodEnum | z.ZodOptional<z.ZodString | z.ZodNumber | z.ZodBoolean | z.ZodEnum>;

export type FieldShape = Record<string, ScalarField>;

export type OutputValues = Record<string, string | number | boolean | undefined>;

export interface ActionContext {
  services: ActionServices;
  /** The conversation whose state the action reads or writes: the `conversationId` input, else the activity's. */
  conversationId: string;
  /** The channel the call came through, recorded on a conversation the action creates. */
  channel: string;
  /** Aborted when the call runs past its deadline. */
  signal: AbortSignal;
}

/**
 * A skill action as Copilot Studio sees it: an `event` activity named `name` with `input` in its `value`,
 * answered by an `endOfConversation` whose `value` holds `output`. The manifest is generated from these.
 */
export interface SkillAction<I extends FieldShape = FieldShape, O extends FieldShape = FieldShape> {
  name: string;
  /** For the model or maker choosing an action: what it is for, when to call it, what comes back. */
  description: string;
  /** True when the action only reads (the conversation and the library stay as they are); MCP hosts call such tools without asking. */
  readOnly: boolean;
  input: z.ZodObject<I>;
  output: z.ZodObject<O>;
  /** Returns the outputs; the handler checks them against `output` before they leave. */
  run(input: z.output<z.ZodObject<I>>, context: ActionContext): Promise<OutputValues>;
}

/** A failure the caller can act on (bad input, unknown intent): its message goes back in the endOfConversation. */
export class ActionError extends Error {
  override name = 'ActionError';
  constructor(
    readonly code: 'invalid-input' | 'unknown-action' | 'unknown-intent' | 'nothing-to-search' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

/** Keeps each action's input and output types tied together while the list of actions stays one type. */
export function defineAction<I extends FieldShape, O extends FieldShape>(action: SkillAction<I, O>): SkillAction {
  return action as unknown as SkillAction;
}
