import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Logger } from 'pino';
import type { DirectLineConversations } from './conversations.js';

/**
 * Runs the bot in-process for the local Direct Line endpoint: the bot's replies are appended to the conversation's
 * transcript, where Web Chat reads them, instead of being posted to a channel's service URL.
 */
export class LocalDirectLineAdapter extends BotAdapter {
  constructor(
    private readonly conversations: DirectLineConversations,
    private readonly logger: Logger,
  ) {
    super();
    this.onTurnError = async (context, error) => {
      this.logger.error({ err: error, type: context.activity.type }, 'the Web Chat turn failed');
      await context.sendActivity("Sorry, something went wrong on my side. Please try again, or type 'Talk to a person'.");
    };
  }

  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new Error('a reply without a conversation');
      return { id: this.conversations.append(conversationId, { ...activity, timestamp: new Date() }) };
    });
  }

  async updateActivity(): Promise<void> {
    throw new Error('the local Direct Line endpoint does not update sent activities');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('the local Direct Line endpoint does not delete sent activities');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runTurn(TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true), logic);
  }
}
