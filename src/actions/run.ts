import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { DeadlineExceededError, withDeadline } from '../text/deadline.js';
import { describeIssues } from '../text/issues.js';
import { ActionError, type ActionContext, type ActionServices, type OutputValues, type SkillAction } from './types.js';

/** An action call as any edge receives it: the action's name, its inputs, and where it came from. */
export interface ActionCall {
  name: string | undefined;
  value: unknown;
  /** The edge's own conversation id, used when the inputs carry no `conversationId`. */
  conversationId: string;
  channel: string;
}

export type ActionErrorCode = ActionError['code'] | 'internal-error';

export type ActionOutcome =
  | { ok: true; action: string; conversationId: string; output: OutputValues }
  | { ok: false; action: string | undefined; conversationId: string; errorCode: ActionErrorCode; message: string };

export interface RunActionOptions {
  /** A call that takes longer ends with a `timeout` error (and its work is aborted), so the caller is never left waiting. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_CONVERSATION_ID = 400;

/**
 * Runs one action of the catalogue and turns whatever happens (outputs, bad input, a failure, a timeout) into an
 * outcome every edge can word its own way: the Bot Framework skill as an endOfConversation, MCP as a tool result.
 * Outputs are checked against the action's declared schema before they leave; internals never do.
 */
export async function runAction(
  actions: readonly SkillAction[],
  call: ActionCall,
  services: ActionServices,
  logger: Logger,
  options: RunActionOptions = {},
): Promise<ActionOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const action = actions.find((candidate) => candidate.name === call.name);
  const fallbackId = conversationKey(call.conversationId);
  const failure = (errorCode: ActionErrorCode, message: string, conversationId = fallbackId): ActionOutcome => ({
    ok: false,
    action: action?.name ?? call.name,
    conversationId,
    errorCode,
    message,
  });
  if (!action) {
    const named = call.name ? `unknown action "${call.name}"` : 'the call names no action';
    return failure('unknown-action', `${named}; the actions are ${actions.map((a) => a.name).join(', ')}`);
  }
  const input = parseInput(action, call.value);
  if (!input.success) return failure('invalid-input', `${action.name}: ${input.message}`);
  const conversationId = typeof input.data.conversationId === 'string' && input.data.conversationId !== '' ? input.data.conversationId : fallbackId;
  try {
    const output = await withDeadline(timeoutMs, (signal) => {
      const context: ActionContext = { services, conversationId, channel: call.channel, signal };
      return action.run(input.data, context);
    });
    return { ok: true, action: action.name, conversationId, output: action.output.parse(output) };
  } catch (error) {
    if (error instanceof DeadlineExceededError) {
      logger.error({ action: action.name, conversationId, timeoutMs }, 'action timed out');
      return failure('timeout', `${action.name}: took longer than ${timeoutMs / 1000} s; try again`, conversationId);
    }
    if (error instanceof ActionError) return failure(error.code, `${action.name}: ${error.message}`, conversationId);
    logger.error({ err: error, action: action.name, conversationId }, 'action failed');
    return failure('internal-error', `${action.name} failed on the skill's side; the error is in the skill's log`, conversationId);
  }
}

/** Conversation ids longer than the store takes (some channels' are) are replaced by a stable digest. */
export function conversationKey(id: string): string {
  if (id.length <= MAX_CONVERSATION_ID) return id;
  return `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

type ParsedInput = { success: true; data: z.output<SkillAction['input']> } | { success: false; message: string };

function parseInput(action: SkillAction, value: unknown): ParsedInput {
  if (value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return { success: false, message: `the inputs must be an object, got ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  // Callers send blank optional inputs as null; they mean "not given".
  const given = Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
  const parsed = action.input.safeParse(given, { reportInput: true });
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, message: describeIssues(parsed.error.issues) };
}
