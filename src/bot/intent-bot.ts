import { isDeepStrictEqual } from 'node:util';
import { ActivityHandler, type Activity, type TurnContext } from 'botbuilder';
import { SkillValidation, type ClaimsIdentity } from 'botframework-connector';
import type { Logger } from 'pino';
import { composeReply } from '../engine/reply.js';
import type { ConversationState, Status } from '../engine/state.js';
import { assistOutputs } from '../actions/assist.js';
import { skillActions } from '../actions/index.js';
import type { ActionServices } from '../actions/types.js';
import { replyActivity } from './cards.js';
import { customerReference } from './customer-reference.js';
import { conversationKey, runSkillCall } from './skill-call.js';
import { noteWhileHandedOff } from './while-handed-off.js';

const MAX_MESSAGE_ID = 200;
/** Statuses after which a skill caller in conversation mode gets control back. */
const ENDS_A_SKILL_CALL: ReadonlySet<Status> = new Set(['ready', 'out-of-scope', 'handoff', 'ended']);

export interface IntentBotOptions {
  /** With authentication off every event is taken as an action call; with it on, only calls from skill callers are. */
  authenticationDisabled: boolean;
}

/**
 * The Bot Framework face of the engine. Events from a skill caller (Copilot Studio) are actions answered with an
 * endOfConversation; messages (Teams, Web Chat, a caller in conversation mode) run a step and answer with cards.
 * In a direct conversation (Teams, Web Chat) the bot keeps where the customer is reached, so a representative can
 * write to them, and stays quiet while a representative has the conversation.
 */
export class IntentBot extends ActivityHandler {
  constructor(
    private readonly services: ActionServices,
    private readonly logger: Logger,
    private readonly options: IntentBotOptions,
  ) {
    super();
    this.onEvent(async (context, next) => {
      if (this.options.authenticationDisabled || fromSkillCaller(context)) await this.runAction(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.converse(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);
      if (joined && !fromSkillCaller(context)) {
        const name = this.services.conversations.catalog().library.name;
        await context.sendActivity(`Hi! This is ${name}. Tell me what you need help with, in your own words.`);
      }
      await next();
    });
  }

  private async runAction(context: TurnContext): Promise<void> {
    const { activity } = context;
    const result = await runSkillCall(
      skillActions,
      { name: activity.name, value: activity.value, conversationId: activity.conversation.id, channel: activity.channelId },
      this.services,
      this.logger,
    );
    if (result.code === 'SkillError') this.logger.warn({ action: activity.name, reason: result.text }, 'skill call refused');
    await context.sendActivity(result);
  }

  private async converse(context: TurnContext): Promise<void> {
    const { activity } = context;
    const text = messageText(activity);
    if (text === '') {
      await context.sendActivity('Tell me in a few words what you need help with.');
      return;
    }
    const conversationId = conversationKey(activity.conversation.id);
    const skillCaller = fromSkillCaller(context);
    const catalog = this.services.conversations.catalog();
    const messageId = activity.id && activity.id.length <= MAX_MESSAGE_ID ? { messageId: activity.id } : {};
    const result = await this.services.conversations.turn(conversationId, { role: 'customer', text, ...messageId }, { channel: activity.channelId });
    if (!skillCaller) {
      await this.rememberWhereToReach(conversationId, activity, result.state);
      // The turn that hands off still gets its card; after it, a person answers.
      if (result.state.phase === 'assisted' && result.insight.act !== 'handoff') {
        const note = noteWhileHandedOff(result.state);
        if (note) await context.sendActivity(note);
        return;
      }
    }
    const reply = composeReply(result.insight, catalog);
    await context.sendActivity(replyActivity(reply, result.insight));
    if (skillCaller && ENDS_A_SKILL_CALL.has(result.insight.status)) {
      await context.sendActivity({ type: 'endOfConversation', code: 'completedSuccessfully', value: assistOutputs(result, reply, catalog) });
    }
  }

  /** Stores where the customer is reached when it is new or changed (the first turn, a Teams service URL that moved). */
  private async rememberWhereToReach(conversationId: string, activity: Activity, state: ConversationState): Promise<void> {
    const reference = customerReference(activity);
    if (!reference) {
      this.logger.warn({ conversationId, channel: activity.channelId }, 'the activity does not say how to reach the customer again; replies from a representative cannot be delivered');
      return;
    }
    if (isDeepStrictEqual(reference, state.conversationReference)) return;
    await this.services.conversations.apply(conversationId, { kind: 'conversation-reference', reference }, { channel: activity.channelId });
  }
}

/** The customer's words: the typed text, or the choice a card button posted. */
function messageText(activity: Activity): string {
  const typed = activity.text?.trim() ?? '';
  if (typed !== '') return typed;
  const value: unknown = activity.value;
  if (value && typeof value === 'object' && 'choice' in value && typeof value.choice === 'string') return value.choice.trim();
  return '';
}

function fromSkillCaller(context: TurnContext): boolean {
  const identity = context.turnState.get<ClaimsIdentity | undefined>(context.adapter.BotIdentityKey);
  return (identity !== undefined && SkillValidation.isSkillClaim(identity.claims)) || context.activity.recipient?.role === 'skill';
}
