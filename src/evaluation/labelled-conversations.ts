import { z } from 'zod';
import { jsonLines, LabelledDataError } from '../nlu/evaluate/labelled-jsonl.js';
import { describeIssues } from '../text/issues.js';

/** A value a customer states: what the engine should take for the attribute (a date as ISO or in words, a number, text). */
export const goldValueSchema = z.union([z.string().trim().min(1, 'must not be empty'), z.number(), z.boolean()]);

export const labelledCustomerTurnSchema = z
  .object({
    role: z.literal('customer'),
    text: z.string(),
    /** The active intent after this turn; "none" when the conversation is out of scope. */
    intent: z.string().trim().min(1, 'must not be empty').optional(),
    /** The values stated in this turn, by attribute name. */
    values: z.record(z.string().min(1, 'must not be empty'), goldValueSchema).optional(),
    /** The customer asks for a person. */
    handoff: z.boolean().optional(),
    /** The customer ends the conversation (goodbye, thanks). */
    end: z.boolean().optional(),
  })
  .strict();

export const labelledAgentTurnSchema = z
  .object({
    role: z.literal('agent'),
    text: z.string(),
    /** The attributes this turn asks for. */
    asks: z.array(z.string().min(1, 'must not be empty')).optional(),
  })
  .strict();

/** When a conversation took place: relative dates ("tomorrow") in it and in its gold values are read against it. */
export const referenceDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO date (2019-03-01) or date-time with an offset (2019-03-01T09:30:00Z)',
});

export const labelledConversationSchema = z
  .object({
    conversationId: z.string().min(1, 'must not be empty').max(400),
    referenceDate: referenceDateSchema.optional(),
    turns: z.array(z.discriminatedUnion('role', [labelledCustomerTurnSchema, labelledAgentTurnSchema])).min(1, 'must hold at least one turn'),
  })
  .strict();

export type GoldValue = z.output<typeof goldValueSchema>;
export type LabelledCustomerTurn = z.output<typeof labelledCustomerTurnSchema>;
export type LabelledAgentTurn = z.output<typeof labelledAgentTurnSchema>;
export type LabelledTurn = LabelledCustomerTurn | LabelledAgentTurn;
export type LabelledConversation = z.output<typeof labelledConversationSchema>;

/** The gold label of a customer turn that is out of scope. */
export const OUT_OF_SCOPE_INTENT = 'none';

export interface ParseOptions {
  /** Every conversation must carry its own `referenceDate` (there is no default one to read its dates against). */
  referenceDateRequired?: boolean;
}

/**
 * Parses labelled conversations, one JSON object a line (blank lines skipped, a byte-order mark allowed); throws
 * LabelledDataError (as labelled utterances do) on the first bad line, naming every problem of that line with its path.
 */
export function parseLabelledConversations(content: string, source: string, options: ParseOptions = {}): LabelledConversation[] {
  const conversations: LabelledConversation[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, value } of jsonLines(content, source)) {
    const parsed = labelledConversationSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) throw new LabelledDataError(source, line, describeIssues(parsed.error.issues));
    const { conversationId, referenceDate } = parsed.data;
    if (options.referenceDateRequired && referenceDate === undefined) {
      throw new LabelledDataError(source, line, 'referenceDate: is required when no default reference date is given (relative dates are read against it)');
    }
    const first = lineOf.get(conversationId);
    if (first !== undefined) throw new LabelledDataError(source, line, `conversationId: "${conversationId}" is already used on line ${first}`);
    lineOf.set(conversationId, line);
    conversations.push(parsed.data);
  }
  if (conversations.length === 0) {
    throw new LabelledDataError(source, 0, 'no conversations (expected one {"conversationId", "turns": [...]} object per line)');
  }
  return conversations;
}
