import { z } from 'zod';

export const turnRoles = ['customer', 'agent', 'bot'] as const;
export const phases = ['self-service', 'assisted'] as const;
export const attributeSources = ['self-service', 'assisted', 'handoff'] as const;
export const statuses = ['out-of-scope', 'clarify', 'need-info', 'ready'] as const;

export const turnSchema = z
  .object({
    role: z.enum(turnRoles),
    text: z.string(),
    at: z.iso.datetime({ offset: true }).optional(),
    messageId: z.string().max(200).optional(),
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

export const solutionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().optional(),
    snippet: z.string(),
    score: z.number(),
    tags: z.array(z.string()),
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
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type Turn = z.output<typeof turnSchema>;
export type KnownValue = z.output<typeof knownValueSchema>;
export type IntentHistoryEntry = z.output<typeof intentHistoryEntrySchema>;
export type ConversationState = z.output<typeof conversationStateSchema>;
export type Status = (typeof statuses)[number];
export type Phase = (typeof phases)[number];

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
    rejectedIntents: [],
    clarifying: null,
    query: null,
    solutions: [],
    status: null,
    turns: [],
    turnCount: 0,
    messageIds: [],
    escalated: false,
    createdAt: at,
    updatedAt: at,
  };
}
