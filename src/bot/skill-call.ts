import type { Logger } from 'pino';
import { runAction, type ActionCall, type RunActionOptions } from '../actions/run.js';
import type { ActionServices, SkillAction } from '../actions/types.js';

export { conversationKey } from '../actions/run.js';

/** The `endOfConversation` that answers every call, failed ones included. */
export interface SkillResult {
  type: 'endOfConversation';
  code: 'completedSuccessfully' | 'SkillError';
  text?: string;
  value: Record<string, unknown>;
}

/** Runs an action called through an `event` activity and answers with the endOfConversation Copilot Studio waits for. */
export async function runSkillCall(
  actions: readonly SkillAction[],
  call: ActionCall,
  services: ActionServices,
  logger: Logger,
  options: RunActionOptions = {},
): Promise<SkillResult> {
  const outcome = await runAction(actions, call, services, logger, options);
  if (outcome.ok) return { type: 'endOfConversation', code: 'completedSuccessfully', value: outcome.output };
  return {
    type: 'endOfConversation',
    code: 'SkillError',
    text: outcome.message,
    value: { errorCode: outcome.errorCode, errorMessage: outcome.message, conversationId: outcome.conversationId },
  };
}
