import { CloudAdapter, type Activity } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import { DeliveryFailedError, type CustomerChannel } from '../assist/customer-channel.js';
import type { ConversationReference } from '../engine/conversation-reference.js';
import { botReference } from './customer-reference.js';
import { LOCAL_DIRECT_LINE_SERVICE_URL, type DirectLineConversations } from './direct-line/conversations.js';

/**
 * Delivers a representative's reply to the customer in the chat they talk to the bot in. Teams and the channels of an
 * Azure Bot resource get a Bot Framework proactive message: continueConversationAsync with the stored reference, as the
 * bot's app id (with authentication off, anonymously), posted to the channel's service URL. The local Direct Line
 * behind /chat gets it appended to the conversation, where Web Chat's polling picks it up.
 */
export class BotChannelDelivery implements CustomerChannel {
  /** An adapter of its own, with no turn-error handler: a failed send must reach the caller, not turn into an apology to the customer. */
  private readonly adapter: CloudAdapter;

  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly appId: string,
    private readonly localChat: DirectLineConversations | null,
  ) {
    this.adapter = new CloudAdapter(authentication);
  }

  async deliver(reference: ConversationReference, text: string): Promise<void> {
    if (reference.serviceUrl === LOCAL_DIRECT_LINE_SERVICE_URL) {
      this.deliverLocally(reference, text);
      return;
    }
    try {
      await this.adapter.continueConversationAsync(this.appId, botReference(reference), async (context) => {
        // botbuilder makes the message a reply to the made-up continuation event; it is a message of its own (sendToConversation).
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) delete activity.replyToId;
          return next();
        });
        await context.sendActivity({ type: 'message', text });
      });
    } catch (error) {
      throw new DeliveryFailedError(channelProblem(error), { cause: error });
    }
  }

  private deliverLocally(reference: ConversationReference, text: string): void {
    const conversationId = reference.conversation.id;
    if (!this.localChat?.isOpen(conversationId)) {
      throw new DeliveryFailedError("the customer's Web Chat conversation is closed (the local Direct Line keeps a conversation for an hour, in this process only)");
    }
    this.localChat.append(conversationId, {
      type: 'message',
      text,
      channelId: reference.channelId,
      conversation: { id: conversationId } as Activity['conversation'],
      from: reference.bot as Activity['from'],
      recipient: reference.user as Activity['recipient'],
      timestamp: new Date(),
    });
  }
}

/** Why the channel did not take the message, in words for the representative (the error itself goes to the log). */
function channelProblem(error: unknown): string {
  const status = error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : null;
  if (status === 401 || status === 403) return `the channel refused the message (HTTP ${status}): the bot is not allowed to write to this conversation`;
  if (status === 404) return `the channel no longer knows this conversation (HTTP ${status})`;
  if (status !== null) return `the channel refused the message (HTTP ${status})`;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  return code ? `the channel could not be reached (${code})` : 'the channel could not be reached';
}
