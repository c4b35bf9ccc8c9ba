import { z } from 'zod';
import { solutionSchema } from '../knowledge/types.js';
import { conversationReferenceSchema, deliverySchema } from './conversation-reference.js';

export const turnRoles = ['customer', 'agent', 'bot'] as const;
export const phases = ['self-service', 'assisted'] as const;
export const attributeSources = ['self-service', 'assisted', 'handoff'] as const;
/**
 * out-of-scope: no intent of the library fits; clarify: two intents are close; need-info: a required value is still to
 * ask; ready: what can be asked is known (solutions follow); handoff: the conversation goes to a person; ended: the
 * customer said thanks, goodbye or never mind.
 */
export const statuses = ['out-of-scope', 'clarify', 'need-info', 'ready', 'handoff', 'ended'] as const;

export const turnSchema = z
  .object({
    role: z.enum(turnRoles),
    text: z.string(),
    at: z.iso.datetime({ offset: true }).optional(),
    messageId: z.string().max(200).optional(),
    /** A representative's reply that the service delivers to the customer: how that went (src/engine/delivery.ts). */
    delivery: deliverySchema.optional(),
    /** A customer turn that ended out of scope or in a clarification question: a miss the misses harvest keeps (src/engine/misses.ts). */
    missed: z.enum(['out-of-scope', 'clarify']).optional(),
  })
  .strict();

export const knownValueSchema = z
  .object({
    value: z.union([z.string(), z.number(), z.boolean()]),
    text: z.string(),
    confidence: z.number().min(0).max(1),
    turn: z.number().int().min(0),
    source: z.enum(attributeSources),
  })
  .strict();

export const intentHistoryEntrySchema = z
  .object({
    intent: z.string(),
    confidence: z.number(),
    turn: z.number().int().min(0),
    at: z.iso.datetime({ offset: true }),
    /** The customer text that caused the change (masked like every stored turn). */
    text: z.string().optional(),
    messageId: z.string().optional(),
  })
  .strict();

/**
 * Why a conversation went to a person, as counted by intent (docs/insights.md): the customer asked; the policy gave
 * up (questions left unanswered, no progress); no intent of the library fitted; the caller (a platform, a
 * representative, an API client) handed it over.
 */
export const handoffKinds = ['asked', 'gave-up', 'out-of-scope', 'caller'] as const;

export const handoffSchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    /** Why: the customer asked, the caller said so, or the reason a platform gave. */
    reason: z.string().max(500).optional(),
    kind: z.enum(handoffKinds).optional(),
  })
  .strict();

/** A representative's rating of how self-service understood the conversation (a thumbs-down feeds the misses). */
export const feedbackSchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    /** The turn count when it was given. */
    turn: z.number().int().min(0),
    rating: z.enum(['down', 'up']),
    note: z.string().max(500).optional(),
  })
  .strict();

export const conversationStateSchema = z
  .object({
    conversationId: z.string().min(1).max(400),
    channel: z.string().max(100),
    phase: z.enum(phases),
    libraryId: z.string().optional(),
    intent: z.object({ id: z.string(), confidence: z.number() }).strict().nullable(),
    intentHistory: z.array(intentHistoryEntrySchema),
    attributes: z.record(z.string(), knownValueSchema),
    /** Attribute names whose question has been put to the customer. */
    asked: z.array(z.string()),
    /** The attribute whose question was asked last and is not answered yet: a bare answer binds to it. */
    pending: z.string().nullable(),
    rejectedIntents: z.array(z.string()),
    /** Attributes the customer said they cannot give (or could not give in two tries): never asked again. */
    declined: z.array(z.string()).default([]),
    /** How many times each attribute's question was put to the customer (at most twice). */
    asks: z.record(z.string(), z.number().int().min(0)).default({}),
    /** Other requests the customer made in the same breath, offered once the current one is done. */
    queuedIntents: z.array(z.string()).default([]),
    /** The ids of the articles last given to the customer in a self-service reply, so the same are not sent twice. */
    sentSolutions: z.array(z.string()).max(50).default([]),
    /** What the skill last offered, so that a "yes" or "no" answers it. */
    offer: z
      .union([
        z.object({ kind: z.literal('person') }).strict(),
        // by: who offered it; a "no" to a representative's offer leaves the current request as it is.
        z.object({ kind: z.literal('intent'), intent: z.string(), by: z.literal('representative').optional() }).strict(),
        // "Anything else?", asked after the customer's thanks: "no" closes the conversation.
        z.object({ kind: z.literal('more') }).strict(),
      ])
      .nullable()
      .default(null),
    /** The two intents a clarification question was asked about, until the customer picks one. */
    clarifying: z.array(z.string()).max(2).nullable(),
    /** The knowledge-base query the current solutions answer; a new search runs only when it changes. */
    query: z.string().nullable(),
    solutions: z.array(solutionSchema),
    status: z.enum(statuses).nullable(),
    /** The most recent turns, oldest first, capped by the engine. */
    turns: z.array(turnSchema),
    turnCount: z.number().int().min(0),
    /** Ids of the messages already taken (newest last, capped), so a message delivered twice counts once. */
    messageIds: z.array(z.string()).default([]),
    escalated: z.boolean(),
    /** When and why the conversation was handed to a representative (the last hand-off). */
    handoff: handoffSchema.nullable().default(null),
    /** Customer turns that ended out of scope, and in a clarification question: counted for the insights. */
    outOfScopeTurns: z.number().int().min(0).default(0),
    clarifyTurns: z.number().int().min(0).default(0),
    /** Representatives' ratings, newest last, capped by the engine. */
    feedback: z.array(feedbackSchema).default([]),
    /**
     * Where the customer of a direct conversation (Teams, Web Chat) is reached, stored when the bot sees their turn;
     * null when the service cannot reach them (a skill caller's or a contact-center platform's conversation).
     */
    conversationReference: conversationReferenceSchema.nullable().default(null),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type Turn = z.output<typeof turnSchema>;
export type HandoffKind = (typeof handoffKinds)[number];
export type Feedback = z.output<typeof feedbackSchema>;
export type KnownValue = z.output<typeof knownValueSchema>;
export type ConversationState = z.output<typeof conversationStateSchema>;
export type Status = (typeof statuses)[number];
export type Phase = (typeof phases)[number];

/**
 * How much of a conversation the state keeps, however long it runs (docs/assist.md lists them): the engine trims
 * to these after every transition, so the stored document, each answer and the representative's view stay bounded.
 */
export interface StateLimits {
  /** Recent turns kept, oldest dropped first. */
  recentTurns: number;
  /** Characters of a turn kept in the recent turns and in the intent history. */
  maxStoredChars: number;
  /** Intent changes kept, oldest dropped first. */
  intentHistory: number;
  /** Message ids remembered for idempotency (a retried delivery within this many messages counts once). */
  rememberedMessageIds: number;
  /** Attribute names remembered as asked. */
  askedQuestions: number;
  /** Representatives' ratings kept, oldest dropped first. */
  feedback: number;
}

export const STATE_LIMITS: StateLimits = {
  recentTurns: 20,
  maxStoredChars: 1000,
  intentHistory: 20,
  rememberedMessageIds: 1000,
  askedQuestions: 100,
  feedback: 20,
};

/** Trims every list that grows with the conversation to its limit, keeping the newest entries. */
export function boundState(state: ConversationState, limits: StateLimits): void {
  const keepNewest = <T>(list: T[], max: number) => {
    if (list.length > max) list.splice(0, list.length - max);
  };
  keepNewest(state.turns, limits.recentTurns);
  keepNewest(state.intentHistory, limits.intentHistory);
  keepNewest(state.messageIds, limits.rememberedMessageIds);
  keepNewest(state.asked, limits.askedQuestions);
  keepNewest(state.feedback, limits.feedback);
}

export function newConversationState(conversationId: string, channel: string, now: Date, phase: Phase = 'self-service'): ConversationState {
  const at = now.toISOString();
  return {
    conversationId,
    channel,
    phase,
    intent: null,
    intentHistory: [],
    attributes: {},
    asked: [],
    pending: null,
    declined: [],
    asks: {},
    queuedIntents: [],
    sentSolutions: [],
    offer: null,
    rejectedIntents: [],
    clarifying: null,
    query: null,
    solutions: [],
    status: null,
    turns: [],
    turnCount: 0,
    messageIds: [],
    escalated: false,
    handoff: null,
    outOfScopeTurns: 0,
    clarifyTurns: 0,
    feedback: [],
    conversationReference: null,
    createdAt: at,
    updatedAt: at,
  };
}
