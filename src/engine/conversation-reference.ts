import { z } from 'zod';

const accountSchema = z
  .object({
    id: z.string().min(1).max(1000),
    name: z.string().max(500).optional(),
    role: z.string().max(50).optional(),
    aadObjectId: z.string().max(100).optional(),
  })
  .strict();

/**
 * Where the customer of a direct conversation (Teams, Web Chat) is reached: the parts of a Bot Framework conversation
 * reference that a message sent later needs, as the bot saw them on the customer's last turn. Plain data (the engine
 * knows no Bot Framework); the bot edge fills it in and uses it.
 */
export const conversationReferenceSchema = z
  .object({
    channelId: z.string().min(1).max(100),
    serviceUrl: z.string().min(1).max(2000),
    conversation: z
      .object({
        id: z.string().min(1).max(2000),
        name: z.string().max(500).optional(),
        conversationType: z.string().max(50).optional(),
        tenantId: z.string().max(100).optional(),
        isGroup: z.boolean().optional(),
      })
      .strict(),
    user: accountSchema,
    bot: accountSchema,
    locale: z.string().max(50).optional(),
  })
  .strict();

/** sending: handed to the channel, no answer yet; delivered: the channel took it; failed: it did not, `reason` says why. */
export const deliveryStatuses = ['sending', 'delivered', 'failed'] as const;

/** How a representative's reply fared on its way to the customer. */
export const deliverySchema = z
  .object({
    status: z.enum(deliveryStatuses),
    at: z.iso.datetime({ offset: true }),
    reason: z.string().max(500).optional(),
  })
  .strict();

export type ConversationReference = z.output<typeof conversationReferenceSchema>;
export type Delivery = z.output<typeof deliverySchema>;
