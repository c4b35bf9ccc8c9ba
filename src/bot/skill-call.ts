import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ActionError, type ActionContext, type SkillAction, type SkillServices } from '../actions/types.js';

/** An action call as it arrives in an `event` activity. */
export interface SkillCall {
  name: string | undefined;
  value: unknown;
  /** The activity's conversation id, used when the inputs carry no `conversationId`. */
  conversationId: string;
  channel: string;
}

/** The `endOfConversation` that answers every call, failed ones included. */
export interface SkillResult {
  type: 'endOfConversation';
  code: 'completedSuccessfully' | 'SkillError';
  text?: string;
  value: Record<string, unknown>;
}

const MAX_CONVERSATION_ID = 400;

export interface SkillCallOptions {
  now?: Date;
  /** A call that takes longer ends with a `timeout` error, so the caller is never left waiting. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Runs one action and turns whatever happens (outputs, bad input, a failure) into the endOfConversation to send. */
export async function runSkillCall(
  actions: readonly SkillAction[],
  call: SkillCall,
  services: SkillServices,
  logger: Logger,
  options: SkillCallOptions = {},
): Promise<SkillResult> {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const action = actions.find((candidate) => candidate.name === call.name);
  const fallbackId = conversationKey(call.conversationId);
  if (!action) {
    const named = call.name ? `unknown action "${call.name}"` : 'the event has no name';
    return failure('unknown-action', `${named}; this skill's actions are ${actions.map((a) => a.name).join(', ')}`, fallbackId);
  }
  const input = parseInput(action, call.value);
  if (!input.success) return failure('invalid-input', `${action.name}: ${input.message}`, fallbackId);
  const conversationId = typeof input.data.conversationId === 'string' && input.data.conversationId !== '' ? input.data.conversationId : fallbackId;
  const context: ActionContext = { services, conversationId, channel: call.channel, now };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ActionError('timeout', `took longer than ${timeoutMs / 1000} s; try again`)), timeoutMs);
  });
  try {
    const output = action.output.parse(await Promise.race([action.run(input.data, context), timeout]));
    return { type: 'endOfConversation', code: 'completedSuccessfully', value: output };
  } catch (error) {
    if (error instanceof ActionError) {
      if (error.code === 'timeout') logger.error({ action: action.name, conversationId, timeoutMs }, 'skill action timed out');
      return failure(error.code, `${action.name}: ${error.message}`, conversationId);
    }
    logger.error({ err: error, action: action.name, conversationId }, 'skill action failed');
    return failure('internal-error', `${action.name} failed on the skill's side; the error is in the skill's log`, conversationId);
  } finally {
    clearTimeout(timer);
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
    return { success: false, message: `the event's value must be an object holding the inputs, got ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  // Callers send blank optional inputs as null; they mean "not given".
  const given = Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
  const parsed = action.input.safeParse(given, { reportInput: true });
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, message: describeIssues(parsed.error.issues) };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.join('.') || 'value';
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return `${path}: ${missing ? `is required (${issue.expected})` : issue.message}`;
    })
    .join('; ');
}

function failure(errorCode: string, errorMessage: string, conversationId: string): SkillResult {
  return { type: 'endOfConversation', code: 'SkillError', text: errorMessage, value: { errorCode, errorMessage, conversationId } };
}
