import { z } from 'zod';

export const conversationIdSchema = z.string().min(1, 'must not be empty').max(400, 'must be at most 400 characters');

const messageId = z.string().min(1, 'must not be empty: the message id makes a retried post harmless').max(200);
const messageText = z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters');

/** One message of an ongoing conversation, as the contact-center platform streams it in. */
export const messageInputSchema = z
  .object({
    id: messageId,
    role: z.enum(['customer', 'representative'], { error: 'must be "customer" or "representative"' }),
    text: messageText,
    at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with offset, such as 2026-01-31T09:30:00Z' }).optional(),
    channel: z.string().min(1).max(100).optional(),
  })
  .strict();

export const handoffInputSchema = z
  .object({
    channel: z.string().min(1).max(100).optional(),
    reason: z.string().max(500).optional(),
    /** Values a self-service front end outside this service gathered, carried over with the hand-off. */
    attributes: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'each attribute name must be an identifier'),
        z.union([z.string().max(500), z.number(), z.boolean()]),
      )
      .optional(),
  })
  .strict();

/** A representative's reply that the service delivers to the customer itself (the page's Send). */
export const replyInputSchema = z.object({ id: messageId, text: messageText }).strict();

export const handBackInputSchema = z.object({}).strict();

export const rejectIntentInputSchema = z.object({ intent: z.string().min(1, 'must name the intent to reject').max(200) }).strict();

export const searchAgainInputSchema = z.object({ query: z.string().trim().min(1).max(500).optional() }).strict();

/** A representative's rating of how self-service understood the conversation (the page's thumbs). */
export const feedbackInputSchema = z
  .object({
    rating: z.enum(['down', 'up'], { error: 'must be "down" or "up"' }),
    note: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .strict();

export type FeedbackInput = z.output<typeof feedbackInputSchema>;
export type MessageInput = z.output<typeof messageInputSchema>;
export type HandoffInput = z.output<typeof handoffInputSchema>;
export type ReplyInput = z.output<typeof replyInputSchema>;

/** "field: problem" for every issue, so the caller can fix the request without guessing. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'body'}: ${issue.message}`).join('; ');
}
