import { ActivityTypes, CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import { CallerNotAllowedError } from './auth.js';

/** What the HTTP layer answers: the turn's response, or a refusal it words in its own error body. */
export type HandledRequest =
  | { kind: 'answered'; status: number; body?: unknown }
  | { kind: 'refused'; status: 401 | 403; code: 'Unauthorized' | 'Forbidden'; message: string };

/**
 * botbuilder's CloudAdapter with authentication separated from the turn, so that a refused token (401) and a
 * caller missing from the allow-list (403) are told apart, and nothing runs for either.
 */
export class SkillAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(authentication);
    this.onTurnError = async (context, error) => this.reportTurnError(context, error);
  }

  /** Authenticates the request and runs the turn; the result is the HTTP answer (replies, for expectReplies). */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<HandledRequest> {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof CallerNotAllowedError) {
        this.logger.warn({ caller: error.appId }, 'refused a skill call from a caller not on ALLOWED_CALLERS');
        return { kind: 'refused', status: 403, code: 'Forbidden', message: error.message };
      }
      this.logger.warn({ reason: (error as Error).message }, 'refused a request that failed authentication');
      return { kind: 'refused', status: 401, code: 'Unauthorized', message: 'the request is not authenticated: a valid Bot Framework token is required' };
    }
    const response = await this.processActivity(authenticated, activity, logic);
    return response ? { kind: 'answered', status: response.status, body: response.body } : { kind: 'answered', status: 200 };
  }

  /** A failed turn still answers: an action call gets an endOfConversation, a person gets an apology. */
  private async reportTurnError(context: TurnContext, error: Error): Promise<void> {
    this.logger.error({ err: error, type: context.activity.type, name: context.activity.name }, 'the turn failed');
    if (context.activity.type === ActivityTypes.Event) {
      const reason = 'the skill failed while handling this call; the error is in its log';
      await context.sendActivity({ type: ActivityTypes.EndOfConversation, code: 'SkillError', text: reason, value: { errorCode: 'internal-error', errorMessage: reason } });
    } else if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity("Sorry, something went wrong on my side. Please try again, or type 'Talk to a person'.");
    }
  }
}
