import { TurnContext, type Activity, type ChannelAccount, type ConversationAccount, type ConversationReference as BotReference } from 'botbuilder';
import { conversationReferenceSchema, type ConversationReference } from '../engine/conversation-reference.js';

/**
 * Where the customer of an activity is reached, as the engine stores it: the parts of botbuilder's conversation
 * reference a later message needs (not the activity id, which changes every turn). Null when the channel sent too
 * little, or more than the state keeps, to address the customer again.
 */
export function customerReference(activity: Partial<Activity>): ConversationReference | null {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = reference.conversation;
  const parsed = conversationReferenceSchema.safeParse({
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: conversation && {
      id: conversation.id,
      ...texts(conversation, ['name', 'conversationType', 'tenantId']),
      ...(typeof conversation.isGroup === 'boolean' ? { isGroup: conversation.isGroup } : {}),
    },
    user: reference.user && account(reference.user),
    bot: reference.bot && account(reference.bot),
    ...(typeof reference.locale === 'string' && reference.locale !== '' ? { locale: reference.locale } : {}),
  });
  return parsed.success ? parsed.data : null;
}

/** The stored reference in botbuilder's terms, for continueConversationAsync. */
export function botReference(reference: ConversationReference): Partial<BotReference> {
  return { ...reference, conversation: reference.conversation as ConversationAccount, user: reference.user as ChannelAccount, bot: reference.bot as ChannelAccount };
}

function account(from: ChannelAccount): Record<string, string> {
  return { id: from.id, ...texts(from, ['name', 'role', 'aadObjectId']) };
}

/** The named fields that hold non-empty text (channels send null and empty strings for fields they do not use). */
function texts<T extends object>(from: T, keys: ReadonlyArray<keyof T & string>): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (typeof from[key] === 'string' && from[key] !== '' ? [[key, from[key]]] : [])));
}
